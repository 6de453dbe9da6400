// Where the app's wasm goes, by crate and by function: twiggy over the
// release build as linked, before it is split into parts and shrunk by
// wasm-opt (the only one that still has function names), so the shares are
// of the whole app's code and data, not of the bytes sent. `node scripts/breakdown.mjs [--write docs/size.md]`; `make size`
// runs it after the build.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const WASM = 'target/wasm32-unknown-unknown/release/so-tay-chi-hoi.wasm';
const items = JSON.parse(execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'json', WASM],
  { maxBuffer: 1 << 28 }).toString());

// What the browser never receives: names, and wasm-bindgen's descriptions
// of the JS interface, which wasm-bindgen reads and removes.
const shipped = items.filter((i) => !/^custom section|subsection$|__wbindgen_describe/.test(i.name));
const total = shipped.reduce((t, i) => t + i.shallow_size, 0);

/** The crate a symbol belongs to: the first path segment, inside generics. */
function crateOf(name) {
  if (name.startsWith('data segment')) return '(data: strings, tables)';
  // A part's entry (ui/parts.rs), into which its views were inlined.
  if (name.startsWith('__wasm_split_')) return 'so_tay_chi_hoi';
  if (/^(elem|table|type|import|export|global|memory|code section)/.test(name)) return '(wasm structure)';
  // `<T as tachys::view::Render>::build`: the trait's crate wrote the code.
  const trait = name.match(/^<[^<>]*? as ([a-z_][a-z0-9_]*)/);
  if (trait) return trait[1];
  const path = name.replace(/^[<&\s]+/, '').replace(/^(mut |dyn |impl )/, '');
  const head = path.split('::')[0].replace(/\[[0-9a-f]+\]$/, '');
  if (head === 'core' && path.includes('drop_in_place')) return 'core (drop glue)';
  return /^[a-z_][a-z0-9_]*$/.test(head) ? head : '(other)';
}

const byCrate = new Map();
for (const item of shipped) {
  const crate = crateOf(item.name);
  byCrate.set(crate, (byCrate.get(crate) ?? 0) + item.shallow_size);
}
const pct = (n) => `${((100 * n) / total).toFixed(1)}%`;
const kb = (n) => (n / 1000).toFixed(1);
const crates = [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 15);
const functions = shipped.filter((i) => !i.name.startsWith('data segment')).slice(0, 12);
const text = [
  `Of ${kb(total)} KB of code and data in the app's wasm, before it is split and shrunk:`,
  '',
  '| crate | KB | share |',
  '| --- | ---: | ---: |',
  ...crates.map(([crate, size]) => `| ${crate} | ${kb(size)} | ${pct(size)} |`),
  '',
  '| largest functions | KB | share |',
  '| --- | ---: | ---: |',
  ...functions.map((i) => `| \`${i.name.replace(/::h[0-9a-f]{16}$/, '').replace(/\|/g, '\\|')}\` | ${kb(i.shallow_size)} | ${pct(i.shallow_size)} |`),
].join('\n');
console.log(text);

const write = process.argv.indexOf('--write');
if (write > 0) {
  const file = process.argv[write + 1];
  const doc = readFileSync(file, 'utf8');
  const start = doc.indexOf('<!-- breakdown -->');
  const end = doc.indexOf('<!-- /breakdown -->');
  if (start < 0 || end < 0) throw new Error(`${file} has no <!-- breakdown --> … <!-- /breakdown --> block`);
  writeFileSync(file, `${doc.slice(0, start)}<!-- breakdown -->\n${text}\n${doc.slice(end)}`);
}
