// The static host every test, `make serve`, the screenshots and the
// benchmarks serve the app through (scripts/static-server.mjs): it answers a
// long session to the end, and sends what a real static host sends.
//
// The host before it (python's http.server, started by the tests) logged
// each request to a pipe no test read; once the pipe was full, every later
// request hung, and a test far into its file saw a navigation that never
// finished loading. That host stopped answering after 500 of these
// requests; this asks for 1,800, each with a deadline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { readdirSync } from 'node:fs';
import { serveDist } from './fixtures/server.mjs';

const BUILT = readdirSync('dist');
const WASM = BUILT.find((name) => /^so-tay-chi-hoi-[0-9a-f]{1,16}_bg\.wasm$/.test(name));

test('the server answers a long session to its last request', async () => {
  const server = await serveDist();
  try {
    const names = ['', 'index.html', 'sw.js', 'manifest.webmanifest', 'icons/icon.svg', 'no-such-file'];
    for (let round = 0; round < 300; round += 1) {
      await Promise.all(names.map(async (name) => {
        const response = await fetch(server.url + name, { signal: AbortSignal.timeout(5000) });
        await response.arrayBuffer();
        assert.equal(response.status, name === 'no-such-file' ? 404 : 200, `${name}, round ${round}`);
      }));
    }
  } finally {
    server.stop();
  }
});

test('the server sends what a static host sends', async () => {
  const server = await serveDist();
  const get = (name, headers = {}) => fetch(server.url + name, { headers });
  try {
    const page = await get('index.html');
    assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(page.headers.get('cache-control'), 'no-cache', 'a page is checked again on every load');
    const wasm = await get(WASM, { 'accept-encoding': 'br, gzip' });
    assert.equal(wasm.headers.get('content-type'), 'application/wasm');
    assert.equal(wasm.headers.get('content-encoding'), 'br');
    assert.match(wasm.headers.get('cache-control'), /immutable/, 'a file named by its content is kept');
    assert.equal(new Uint8Array(await wasm.arrayBuffer()).subarray(0, 4).join(), '0,97,115,109', 'the wasm itself, decoded');
    assert.equal((await get('sw.js')).headers.get('cache-control'), 'no-cache');
    assert.equal((await get('manifest.webmanifest')).headers.get('content-type'), 'application/manifest+json; charset=utf-8');
    const again = await get('index.html', { 'if-none-match': page.headers.get('etag') });
    assert.equal(again.status, 304, 'unchanged since the last load');
    // Nothing outside the served folder, however the path is written.
    const { hostname, port } = new URL(server.url);
    const status = (path) => new Promise((done, fail) => {
      request({ hostname, port, path }, (response) => { response.resume(); done(response.statusCode); }).on('error', fail).end();
    });
    assert.equal(await status('/../Cargo.toml'), 404);
    assert.equal(await status('/%2e%2e/Cargo.toml'), 404);
    assert.equal(await status('/..%2fCargo.toml'), 404);
    assert.equal((await fetch(server.url, { method: 'POST', body: 'x' })).status, 405);
  } finally {
    server.stop();
  }
});
