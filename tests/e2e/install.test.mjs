// End to end: the app as an installed, offline app. Chromium's own
// installability check, use with the server gone, an update applied only on
// her tap, and files reaching the app from the share sheet or the desktop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servedApp } from './fixtures/env.mjs';
import { compressCopies } from '../../scripts/compress.mjs';
import { serveDist } from './fixtures/server.mjs';
import { newPhone, persistentPhone } from './fixtures/app.mjs';

const env = servedApp();
const UNIT = { unit: 'Chi hội Xóm Trại', commune: 'Hội LHPN xã Yên Mỹ', province: 'Hội LHPN tỉnh Hưng Yên' };

/** A copy of the release build under `<root>/<sub>/`, to serve and change freely. */
async function copyOfBuild(sub = '') {
  const root = await mkdtemp(join(tmpdir(), 'so-tay-site-'));
  await cp('dist', join(root, sub), { recursive: true });
  return root;
}

/**
 * Rewrites a file of a served build. Its time moves a minute on: the server
 * dates files to the second, and a worker fetched in the same second would
 * be answered "not modified".
 */
async function publish(root, name, change) {
  const path = join(root, name);
  await writeFile(path, change(await readFile(path, 'utf8')));
  const later = new Date(Date.now() + 60_000);
  await utimes(path, later, later);
  await compressCopies(path);
}

test('Chromium finds the app installable when it is served from a sub-path', async () => {
  const root = await copyOfBuild('so-tay');
  const server = await serveDist(root);
  const phone = await persistentPhone(await mkdtemp(join(tmpdir(), 'so-tay-profile-')), `${server.url}so-tay/`);
  try {
    await phone.offlineReady();
    const cdp = await phone.context.newCDPSession(phone.page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const { errors, url } = await cdp.send('Page.getAppManifest');
    assert.deepEqual(errors, []);
    assert.equal(url, `${server.url}so-tay/manifest.webmanifest`);
    // Every icon the manifest names loads, at the size it claims.
    const icons = await phone.page.evaluate(async () => {
      const manifest = await (await fetch('manifest.webmanifest')).json();
      return Promise.all(manifest.icons.filter((i) => i.type === 'image/png').map(async (icon) => {
        const bitmap = await createImageBitmap(await (await fetch(icon.src)).blob());
        return `${icon.purpose} ${icon.sizes} ${bitmap.width}x${bitmap.height}`;
      }));
    });
    assert.deepEqual(icons, ['any 192x192 192x192', 'any 512x512 512x512', 'maskable 512x512 512x512']);
  } finally {
    await phone.close();
    server.stop();
  }
});

test('after one visit the app opens and keeps her work with no connection at all', async () => {
  const server = await serveDist(await copyOfBuild());
  const phone = await newPhone(env.browser, server.url);
  try {
    await phone.setUp(UNIT);
    await phone.addMember({ name: 'Đỗ Thị Lan' });
    await phone.offlineReady();
    server.stop();
    await phone.context.setOffline(true);
    await phone.reload();
    assert.deepEqual(await phone.memberNames(), ['Đỗ Thị Lan']);
    await phone.addMember({ name: 'Vũ Thị Mai' });
    await phone.reload();
    assert.deepEqual(await phone.memberNames(), ['Đỗ Thị Lan', 'Vũ Thị Mai']);
    await phone.openEachPart();
  } finally {
    await phone.close();
    server.stop();
  }
});

test('a new version waits for her tap, then takes over with her data intact', async () => {
  const root = await copyOfBuild();
  const server = await serveDist(root);
  const phone = await newPhone(env.browser, server.url);
  const built = () => phone.page.locator('meta[name="app-build"]').count();
  try {
    await phone.setUp(UNIT);
    await phone.addMember({ name: 'Đỗ Thị Lan' });
    await phone.offlineReady();
    // A new version is published: another page and another worker.
    await publish(root, 'index.html', (page) => page.replace('<head>', '<head><meta name="app-build" content="2">'));
    await publish(root, 'sw.js', (worker) => worker.replace(/const VERSION = "[0-9a-f]+"/, 'const VERSION = "next"'));
    await phone.reload();
    const update = phone.page.getByRole('button', { name: 'Cập nhật' });
    await update.waitFor();
    // Until she taps, she keeps the version she had.
    assert.equal(await built(), 0);
    await Promise.all([phone.page.waitForEvent('load'), update.click()]);
    await phone.page.locator('.member-row').first().waitFor();
    assert.equal(await built(), 1);
    assert.deepEqual(await phone.memberNames(), ['Đỗ Thị Lan']);
    assert.equal(await update.count(), 0);
  } finally {
    await phone.close();
    server.stop();
  }
});

test('a backup shared to the app from another app opens in the import preview', async () => {
  const old = await newPhone(env.browser, env.server.url);
  await old.setUp(UNIT);
  await old.addMember({ name: 'Đỗ Thị Lan' });
  await old.addMember({ name: 'Vũ Thị Mai' });
  const backup = await old.makeBackup();
  await old.close();

  // The page stands in for Android, which is not bound by the page's
  // Content-Security-Policy (form-action 'none').
  const phone = await newPhone(env.browser, env.server.url, { bypassCSP: true });
  try {
    await phone.offlineReady();
    // She picks the app in Zalo's share sheet.
    await phone.shareToApp({ name: backup.name, mimeType: 'application/json', buffer: Buffer.from(backup.text) });
    assert.deepEqual((await phone.previewCounts())['Hội viên'], { 'mới': 2 });
    await phone.takeIn(phone.page.locator('.member-row').first());
    assert.deepEqual(await phone.memberNames(), ['Đỗ Thị Lan', 'Vũ Thị Mai']);
    // Taken once: opening the files page again shows no preview.
    await phone.goTo('Sao lưu');
    await phone.page.getByRole('button', { name: 'Tạo tệp sao lưu', exact: true }).waitFor();
    assert.equal(await phone.page.locator('.tally').count(), 0);
  } finally {
    await phone.close();
  }
});

test('a file opened with the installed app on a desktop opens in the import preview', async () => {
  const old = await newPhone(env.browser, env.server.url);
  await old.setUp(UNIT);
  await old.addMember({ name: 'Đỗ Thị Lan' });
  const backup = await old.makeBackup();
  await old.close();

  const phone = await newPhone(env.browser, 'about:blank');
  try {
    // Chromium hands the files of a file_handlers launch to launchQueue;
    // headless Chromium launches no app, so the queue is stood in for.
    await phone.context.addInitScript(({ name, text }) => {
      const files = [{ getFile: async () => new File([text], name, { type: 'application/json' }) }];
      Object.defineProperty(window, 'launchQueue', { value: { setConsumer: (consumer) => consumer({ files }) } });
    }, { name: backup.name, text: backup.text });
    await phone.page.goto(`${env.server.url}#/sao-luu`);
    assert.deepEqual((await phone.previewCounts())['Hội viên'], { 'mới': 1 });
  } finally {
    await phone.close();
  }
});

test('a part of the app that cannot arrive says so in its place, and opens once it can', async () => {
  const server = await serveDist(await copyOfBuild());
  // A first visit cut off before the service worker kept anything.
  const phone = await newPhone(env.browser, server.url, { serviceWorkers: 'block' });
  const p = phone.page;
  const missing = p.getByRole('alert').filter({ hasText: 'Chưa mở được mục này' });
  try {
    await phone.setUp(UNIT);
    await phone.addMember({ name: 'Đỗ Thị Lan' });
    await p.route(/split_figures-/, (route) => route.abort());
    await phone.goTo('Số liệu');
    await missing.waitFor();
    // The rest of the app still works, and her book is untouched.
    await phone.goTo('Công việc');
    await p.getByRole('navigation', { name: 'Các phần công việc' }).waitFor();
    await phone.goTo('Hội viên');
    assert.deepEqual(await phone.memberNames(), ['Đỗ Thị Lan']);
    // The network is back: she opens the app again.
    await p.unroute(/split_figures-/);
    await phone.reload();
    await phone.goTo('Số liệu');
    await p.locator('details.figures').first().waitFor();
    assert.equal(await missing.count(), 0);
  } finally {
    await phone.close();
    server.stop();
  }
});
