// Minifies the JavaScript and CSS of dist/ with esbuild: wasm-bindgen's glue,
// the start-up script, the xlsx worker's and the style sheets, as written,
// come to 3.5 KB brotli more in the first load than minified. The
// splitter's loader is left as written (1 KB): scripts/size.mjs reads from
// it which chunks each part waits for. Trunk's own minifier is left off: it breaks wasm-bindgen's glue
// (it drops getters). Index.html's integrity attributes are written again
// for the files changed, so that the browser still takes them.
//   node scripts/minify.mjs    (called by scripts/build.sh, after the
//   start-up script has its file and before the service worker lists them)
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { transform } from 'esbuild';

const dist = 'dist';
const LOADERS = { '.js': 'js', '.css': 'css' };

for (const name of await readdir(dist)) {
  const ext = name.slice(name.lastIndexOf('.'));
  if (!(ext in LOADERS) || name === 'sw.js' || name === '__wasm_split.js') continue;
  const path = join(dist, name);
  const { code } = await transform(await readFile(path, 'utf8'), { loader: LOADERS[ext], minify: true });
  await writeFile(path, code);
}

const page = join(dist, 'index.html');
const html = await readFile(page, 'utf8');
const tags = [...html.matchAll(/<[^>]*(?:href|src)="\.\/([^"]+)"[^>]*integrity="(sha384-[^"]+)"[^>]*>/g)];
let written = html;
for (const [tag, file, old] of tags) {
  const digest = createHash('sha384').update(await readFile(join(dist, file))).digest('base64');
  written = written.replace(tag, tag.replace(old, `sha384-${digest}`));
}
await writeFile(page, written);
