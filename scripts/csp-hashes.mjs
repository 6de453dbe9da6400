// Lets each page of dist/ run exactly the start-up script Trunk writes
// inline into it, and no other: the script's SHA-256 goes into the page's
// Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval' 'sha256-…').
//   node scripts/csp-hashes.mjs    (called by scripts/build.sh)
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const dist = 'dist';
const INLINE = /<script type="module">([\s\S]*?)<\/script>/g;
const SCRIPT_SRC = "script-src 'self' 'wasm-unsafe-eval'";

for (const page of (await readdir(dist)).filter((name) => name.endsWith('.html'))) {
  const path = join(dist, page);
  const html = await readFile(path, 'utf8');
  const hashes = [...html.matchAll(INLINE)]
    .map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
  if (hashes.length === 0) throw new Error(`${path}: no start-up script found`);
  if (!html.includes(SCRIPT_SRC)) throw new Error(`${path}: no Content-Security-Policy to complete`);
  await writeFile(path, html.replace(SCRIPT_SRC, `${SCRIPT_SRC} ${hashes.join(' ')}`));
}
