// Puts the parts of the split module into dist/ beside the main part that
// Trunk wrote: each part named by its content's hash (so that a host may keep
// it for a year, as it keeps Trunk's files), and the splitter's loader,
// `__wasm_split.js`, pointed at Trunk's hashed glue and at those names. The
// loader keeps its own name: the glue imports it by that name. The build
// fails when its parts and style sheets are not those of the app's table of
// places (ui/places.rs, printed by examples/routes.rs).
//   node scripts/parts.mjs <the wasm-bindgen output's parts/> <dist>
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile, copyFile } from 'node:fs/promises';
import { join } from 'node:path';

const [from, dist] = process.argv.slice(2);
const table = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--example', 'routes'], { encoding: 'utf8' }));

/** Fails the build when two lists that must be the same are not. */
function same(what, built, wanted) {
  const [a, b] = [[...built].sort(), [...wanted].sort()];
  if (a.join() !== b.join()) {
    throw new Error(`${what}: the build has ${a.join(', ') || 'none'}; the table of places (ui/places.rs) has ${b.join(', ')}`);
  }
}
const split = (await readdir(from)).filter((n) => n.startsWith('split_')).map((n) => n.replace(/^split_|\.wasm$/g, ''));
same('parts fetched on first use', split, table.parts);
const sheets = [...(await readFile('index.html', 'utf8')).matchAll(/<link data-trunk rel="css" href="([^"]+)">/g)].map((m) => m[1]);
same('style sheets of index.html', sheets, table.styles);
const LOADER = '__wasm_split.js';
let loader = await readFile(join(from, LOADER), 'utf8');
const glue = loader.match(/import \{ initSync \} from "\.\/([^"]+)\.js";/);
if (!glue) throw new Error(`${from}/${LOADER}: no import of the glue found`);
const hashed = (await readdir(dist)).filter((n) => n.startsWith(`${glue[1]}-`) && n.endsWith('.js'));
if (hashed.length !== 1) throw new Error(`${dist}: expected one ${glue[1]}-<hash>.js, found ${hashed.join(', ') || 'none'}`);
loader = loader.replace(glue[0], `import { initSync } from "./${hashed[0]}";`);
for (const part of (await readdir(from)).filter((n) => n.endsWith('.wasm'))) {
  const bytes = await readFile(join(from, part));
  const name = part.replace(/\.wasm$/, `-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.wasm`);
  const quoted = `"./${part}"`;
  if (!loader.includes(quoted)) throw new Error(`${from}/${LOADER} does not load ${part}`);
  loader = loader.replaceAll(quoted, `"./${name}"`);
  await copyFile(join(from, part), join(dist, name));
}
await writeFile(join(dist, LOADER), loader);
