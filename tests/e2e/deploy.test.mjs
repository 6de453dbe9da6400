// End to end: the release build on Debian's nginx with exactly the
// configuration docs/deploy.md gives a province's IT office (its port, folder
// and certificates aside: plain HTTP on 127.0.0.1, which browsers treat as
// secure): every file with its type, its compressed copy and its caching, the
// policy as a header, and the app installable and working offline from it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { servedApp } from './fixtures/env.mjs';
import { persistentPhone } from './fixtures/app.mjs';

servedApp();
const NGINX = '/usr/sbin/nginx';
const BROTLI = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const TYPES = {
  '.html': 'text/html', '.js': 'application/javascript', '.css': 'text/css', '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png',
};
const HASHED = /-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css)$/;

/** The documented nginx file, its port, folder and certificates replaced; fails if the docs moved. */
async function documented(port, www) {
  const doc = await readFile('docs/deploy.md', 'utf8');
  let conf = doc.match(/```nginx\n([\s\S]*?)```/)[1];
  for (const [from, to] of [
    [/listen 443 ssl;/, `listen 127.0.0.1:${port};`],
    [/\n\s*ssl_certificate .*;/, ''],
    [/\n\s*ssl_certificate_key .*;/, ''],
    [/root \/var\/www;/, `root ${www};`],
  ]) {
    assert.match(conf, from, `docs/deploy.md's nginx file has ${from}`);
    conf = conf.replace(from, to);
  }
  return conf;
}

/** A free port of 127.0.0.1. */
function freePort() {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

const site = {};

before(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'so-tay-nginx-'));
  const www = join(dir, 'www');
  await cp('dist', join(www, 'so-tay'), { recursive: true });
  // nginx's workers run as another user when it is started as root.
  for (const path of [dir, www]) await chmod(path, 0o755);
  await mkdir(join(dir, 'temp'));
  const port = await freePort();
  const conf = join(dir, 'nginx.conf');
  // What Debian's /etc/nginx/nginx.conf and the module's package set around conf.d.
  await writeFile(conf, `load_module ${BROTLI};
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
daemon off;
events {}
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path ${dir}/temp;
${await documented(port, www)}
}
`);
  site.nginx = spawn(NGINX, ['-p', dir, '-e', join(dir, 'error.log'), '-c', conf], { stdio: 'ignore' });
  site.url = `http://127.0.0.1:${port}/so-tay/`;
  site.dist = (await readdir('dist', { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && !/\.(br|gz)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name).slice('dist/'.length));
  for (let tries = 0; ; tries++) {
    if (await fetch(site.url).then((r) => r.ok, () => false)) break;
    assert.ok(tries < 100 && site.nginx.exitCode === null, `nginx did not start: ${await readFile(join(dir, 'error.log'), 'utf8').catch(() => '')}`);
    await new Promise((done) => setTimeout(done, 50));
  }
});

after(() => site.nginx?.kill('SIGQUIT'));

test('nginx as documented sends every file compressed, typed and cached as the app needs', async () => {
  const page = await fetch(site.url, { headers: { 'accept-encoding': 'br' } });
  assert.equal(page.headers.get('content-encoding'), 'br');
  assert.equal(page.headers.get('cache-control'), 'no-cache');
  const meta = (await page.text()).match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  assert.equal(page.headers.get('content-security-policy'), meta, 'the header is the page\'s own policy');
  for (const name of site.dist) {
    const answer = await fetch(site.url + name, { method: 'HEAD', headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(answer.status, 200, name);
    assert.equal(answer.headers.get('content-type').split(';')[0], TYPES[extname(name)], `${name}'s type`);
    assert.equal(answer.headers.get('x-content-type-options'), 'nosniff', name);
    assert.equal(answer.headers.get('cache-control'), HASHED.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache', name);
    const copy = existsSync(join('dist', `${name}.br`));
    assert.equal(answer.headers.get('content-encoding'), copy ? 'br' : null, `${name} sent as its .br copy`);
  }
  const wasm = site.dist.find((name) => /^so-tay-chi-hoi-.*_bg\.wasm$/.test(name));
  const gzip = await fetch(site.url + wasm, { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(gzip.headers.get('content-encoding'), 'gzip', 'gzip to a browser without brotli');
  assert.equal(new Uint8Array(await gzip.arrayBuffer()).subarray(0, 4).join(), '0,97,115,109', 'the wasm itself, decoded');
  assert.equal((await fetch(`${site.url}sw.js`)).headers.get('cache-control'), 'no-cache', 'the service worker is never kept stale');
});

test('from nginx the app installs, and after one visit works with the server gone', async () => {
  const phone = await persistentPhone(await mkdtemp(join(tmpdir(), 'so-tay-profile-')), site.url);
  try {
    // What the browser itself received on its first visit: less than it decoded.
    const sizes = await phone.page.evaluate(() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .filter((e) => /\/so-tay\/$|_bg\.wasm$/.test(e.name)).map((e) => e.encodedBodySize / e.decodedBodySize));
    assert.equal(sizes.length, 2, 'the page and its wasm');
    assert.ok(sizes.every((ratio) => ratio < 0.5), `sent compressed: ${sizes}`);
    await phone.setUp({ unit: 'Chi hội Xóm Trại', commune: 'Hội LHPN xã Yên Mỹ' });
    await phone.addMember({ name: 'Đỗ Thị Lan' });
    await phone.offlineReady();
    const cdp = await phone.context.newCDPSession(phone.page);
    assert.deepEqual((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors, []);
    site.nginx.kill('SIGQUIT');
    await new Promise((done) => site.nginx.once('exit', done));
    await phone.context.setOffline(true);
    await phone.reload();
    assert.deepEqual(await phone.memberNames(), ['Đỗ Thị Lan']);
    await phone.openEachPart();
  } finally {
    await phone.close();
  }
});
