// The app's static host: `make serve`, the end-to-end tests, the screenshots
// and the browser benchmarks all serve dist/ through it, as a real static
// host would serve it to a phone:
// - keep-alive connections, and nothing written per request: a server that
//   logs each request to a pipe no one reads stops answering once the pipe
//   is full (the e2e suite's navigations that "never finished loading");
// - the right types (.wasm as application/wasm, which streaming compilation
//   needs; the manifest as application/manifest+json);
// - files whose names carry a content hash kept for a year, everything else
//   (the pages, sw.js, the manifest, the icons, the unhashed worker) checked
//   again on every load with an ETag, so a new build is never hidden behind a
//   stale page;
// - brotli or gzip when the browser asks for it: the build's .br or .gz copy
//   beside the file (scripts/compress.mjs), as nginx's brotli_static and
//   gzip_static serve it, or compressed here once per file version where
//   there is none (or it is older than the file);
// - nothing outside the served folder, and only GET and HEAD.
//   node scripts/static-server.mjs [DIR] [PORT]      (DIR: dist, PORT: 8080)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { COMPRESSIBLE } from './compress.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
};
/**
 * Names with a content hash: `main-4cb9a409a35b4978.css`, `split_files-…wasm`.
 * Trunk writes its 64-bit hash in hex without leading zeros: 1 to 16 digits
 * (`so-tay-chi-hoi-c90bb5f800fd868_bg.wasm`). Icons (`icon-192.png`) are not hashed.
 */
const HASHED = /-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css)$/;
const YEAR = 'public, max-age=31536000, immutable';
const ALWAYS_CHECK = 'no-cache';

const compressors = {
  br: promisify((bytes, done) => brotliCompress(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }, done)),
  gzip: promisify((bytes, done) => gzip(bytes, { level: 6 }, done)),
};

/** The encoding to send: brotli if the browser takes it, else gzip, else none. */
function encodingFor(header = '') {
  const offered = header.split(',').map((part) => part.trim().split(';')[0]);
  return ['br', 'gzip'].find((name) => offered.includes(name)) ?? null;
}

/**
 * Serves the folder `root` on `host:port` (port 0: a free one). Resolves to
 * `{ url, stop }` once listening; `stop()` closes it and its connections.
 */
export async function serveStatic(root, { port = 0, host = '127.0.0.1' } = {}) {
  const base = resolve(root);
  /** The compressed copy of each file in each encoding, with its version. */
  const compressed = new Map();

  async function answer(request, response) {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let path;
    try {
      path = decodeURIComponent(new URL(request.url, 'http://host').pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    let file = resolve(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      response.writeHead(404).end();
      return;
    }
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      file = join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    const type = extname(file);
    const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    const headers = {
      'content-type': TYPES[type] ?? 'application/octet-stream',
      'cache-control': HASHED.test(file) ? YEAR : ALWAYS_CHECK,
      etag,
      'x-content-type-options': 'nosniff',
    };
    if (COMPRESSIBLE.has(type)) headers.vary = 'Accept-Encoding';
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, headers).end();
      return;
    }
    let body = await readFile(file);
    const encoding = COMPRESSIBLE.has(type) ? encodingFor(request.headers['accept-encoding']) : null;
    if (encoding) {
      const copy = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
      const copied = await stat(copy).catch(() => null);
      if (copied?.isFile() && copied.mtimeMs >= info.mtimeMs) {
        body = await readFile(copy);
      } else {
        const key = `${file}\n${encoding}`;
        if (compressed.get(key)?.etag !== etag) compressed.set(key, { etag, body: compressors[encoding](body) });
        body = await compressed.get(key).body;
      }
      headers['content-encoding'] = encoding;
    }
    headers['content-length'] = body.length;
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  const server = createServer((request, response) => {
    answer(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, done);
  });
  const { port: bound } = server.address();
  return {
    url: `http://${host}:${bound}/`,
    stop: () => {
      server.close();
      server.closeAllConnections();
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = 'dist', port = '8080'] = process.argv.slice(2);
  const { url } = await serveStatic(root, { port: Number(port) });
  console.log(`\nSổ tay Chi hội is at ${url}`);
  console.log('On the first screen, «Xem dữ liệu mẫu» opens a sample chapter. Ctrl+C stops.\n');
}
