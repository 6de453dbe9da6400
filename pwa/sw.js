// Service worker of Sổ tay Chi hội. After one visit the app opens and works
// with no connection: every page's files are kept at install, and the files
// loaded only on first use (the sample maker, the xlsx worker) are kept the
// first time they are fetched. scripts/service-worker.mjs writes dist/sw.js
// from this file with the build's own file list (Trunk hashes the names) and
// a version made from the files' contents.
//
// A new version installs beside the old one and waits: the page says that an
// update is ready and sends 'skip-waiting' when she taps it, so nothing
// changes under her while she types.
//
// Files shared to the app (Android's share sheet, e.g. from Zalo) arrive as a
// POST to `nhan-tep`; they are kept in their own cache until the files page
// takes them into its import preview.

const VERSION = '__VERSION__';
/** Files of every page, relative to the worker: fetched at install. */
const PRECACHE = __PRECACHE__;
const PREFIX = 'so-tay-';
const CACHE = `${PREFIX}${VERSION}`;
/** Must equal the cache name read by src/storage/received.rs. */
const SHARED = 'nhan-tep';

const scoped = (path) => new URL(path, self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) =>
    cache.addAll(PRECACHE.map((path) => new Request(scoped(path), { cache: 'reload' })))));
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === 'POST' && url.href === scoped(SHARED)) {
    event.respondWith(receive(request));
  } else if (request.method === 'GET') {
    event.respondWith(answer(request, url));
  }
});

/** From this version's cache; else from the network, kept for next time. */
async function answer(request, url) {
  const cache = await caches.open(CACHE);
  // A page is the same whatever its query.
  const key = request.mode === 'navigate' ? url.origin + url.pathname : request;
  const kept = await cache.match(key, { ignoreSearch: request.mode === 'navigate' });
  if (kept) return kept;
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected && url.href !== scoped('sw.js')) {
      await cache.put(key, response.clone());
    }
    return response;
  } catch (offline) {
    // An address the app never had, opened with no connection: the first page.
    const first = request.mode === 'navigate' && await cache.match(scoped('./'));
    if (first) return first;
    throw offline;
  }
}

/** Keeps shared files for the files page, then opens it on its import. */
async function receive(request) {
  const form = await request.formData();
  const cache = await caches.open(SHARED);
  let count = 0;
  for (const file of form.getAll('tep')) {
    if (typeof file === 'string') continue;
    count += 1;
    const headers = {
      'content-type': file.type || 'application/octet-stream',
      'x-file-name': encodeURIComponent(file.name || `tep-${count}.json`),
    };
    await cache.put(scoped(`${SHARED}/${Date.now()}-${count}`), new Response(file, { headers }));
  }
  return Response.redirect(scoped('tep.html#/sao-luu'), 303);
}
