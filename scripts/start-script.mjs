// Moves the start-up script Trunk writes inline into dist/index.html into a
// file of its own, named by its content's hash, so that the page runs no
// inline script at all: its Content-Security-Policy (script-src 'self'
// 'wasm-unsafe-eval') is then the same text in the page and in a host's
// header (docs/deploy.md), whatever the build.
//   node scripts/start-script.mjs    (called by scripts/build.sh)
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const dist = 'dist';
const page = join(dist, 'index.html');
const INLINE = /<script type="module">([\s\S]*?)<\/script>/g;
const html = await readFile(page, 'utf8');
const scripts = [...html.matchAll(INLINE)];
if (scripts.length !== 1) throw new Error(`${page}: expected one inline start-up script, found ${scripts.length}`);
const [tag, code] = scripts[0];
const name = `start-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
await writeFile(join(dist, name), code.trim() + '\n');
await writeFile(page, html.replace(tag, `<script type="module" src="./${name}"></script>`));
