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

/** A spreadsheet (a member list), by its name or type. */
const isList = (file) => /\.(xlsx|csv)$/i.test(file.name || '')
  || /spreadsheetml|csv/.test(file.type || '');

/**
 * Keeps shared files, then opens the app where it takes them: the member-list
 * import for spreadsheets, the files import for anything else.
 */
async function receive(request) {
  const form = await request.formData();
  const cache = await caches.open(SHARED);
  const files = form.getAll('tep').filter((file) => typeof file !== 'string');
  let count = 0;
  for (const file of files) {
    count += 1;
    const headers = {
      'content-type': file.type || 'application/octet-stream',
      'x-file-name': encodeURIComponent(file.name || `tep-${count}.json`),
    };
    await cache.put(scoped(`${SHARED}/${Date.now()}-${count}`), new Response(file, { headers }));
  }
  const page = files.length > 0 && files.every(isList) ? './#/danh-sach' : './#/sao-luu';
  return Response.redirect(scoped(page), 303);
}
