// Draws the app's PNG icons from pwa/icons/icon.svg with the machine's Chromium:
// 192 and 512 px for launchers, and a 512 px maskable one: the same book on a
// full square, shrunk into the safe circle (80 %) so that any mask keeps it whole.
//   node scripts/icons.mjs    (the PNGs are committed; run after changing an SVG)
import { readFile } from 'node:fs/promises';
import { launchBrowser } from '../tests/e2e/fixtures/app.mjs';

const icon = await readFile('pwa/icons/icon.svg', 'utf8');
const book = icon.match(/<g id="book">[\s\S]*?<\/g>/)[0];
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <rect width="512" height="512" fill="#9d1a4f"/>
  <g transform="translate(51.2 51.2) scale(0.8)">${book}</g>
</svg>`;
const outputs = [
  [icon, 192, 'icon-192.png'],
  [icon, 512, 'icon-512.png'],
  [maskable, 512, 'maskable-512.png'],
];
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  for (const [source, size, png] of outputs) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${source}`);
    await page.screenshot({ path: `pwa/icons/${png}`, omitBackground: true });
  }
} finally {
  await browser.close();
}
