// Writes a brotli (.br, quality 11) and a gzip (.gz, level 9) copy beside
// every file of dist/ worth compressing, as a host serves them without
// compressing on each request (nginx's brotli_static and gzip_static,
// Caddy's precompressed: docs/deploy.md). A copy no smaller than its file
// is not written. The service worker's list is made before, and names none.
//   node scripts/compress.mjs [DIR]    (DIR: dist; called by scripts/build.sh)
import { readdir, readFile, writeFile, rm } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

/** Types worth compressing: text, and wasm (about a third of its size in brotli). */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.wasm', '.svg', '.txt']);

/** Writes (or rewrites) the compressed copies of the file at `path`. */
export async function compressCopies(path) {
  const bytes = await readFile(path);
  const copies = {
    br: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
    gz: gzipSync(bytes, { level: 9 }),
  };
  for (const [suffix, copy] of Object.entries(copies)) {
    if (copy.length < bytes.length) await writeFile(`${path}.${suffix}`, copy);
    else await rm(`${path}.${suffix}`, { force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ?? 'dist';
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && COMPRESSIBLE.has(extname(e.name))).map((e) => join(e.parentPath, e.name));
  for (const file of files) await compressCopies(file);
  console.log(`${dist}: .br and .gz written beside ${files.length} files`);
}
