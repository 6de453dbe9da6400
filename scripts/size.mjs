// Sizes of the first load (every file of dist/: wasm, JS, CSS, HTML), raw,
// gzip -9 and brotli -11, as a phone downloads them. Fails above the budget.
//   node scripts/size.mjs                 check the budget, print the table
//   node scripts/size.mjs --write FILE    also write the table into FILE
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const BUDGET = { brotli: 250_000, gzip: 300_000 };
const dist = 'dist';
const kind = (name) => name.endsWith('.wasm') ? 'wasm' : name.endsWith('.js') ? 'JS'
  : name.endsWith('.css') ? 'CSS' : name.endsWith('.html') ? 'HTML' : 'other';

const rows = readdirSync(dist).filter((f) => !f.startsWith('.')).sort().map((name) => {
  const bytes = readFileSync(join(dist, name));
  return {
    kind: kind(name),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
  { raw: 0, gzip: 0, brotli: 0 });
const kb = (n) => (n / 1000).toFixed(1);
const table = [
  '| file | raw KB | gzip KB | brotli KB |',
  '| --- | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.kind} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`),
  `| **first load** | **${kb(total.raw)}** | **${kb(total.gzip)}** | **${kb(total.brotli)}** |`,
  `| budget | | ${kb(BUDGET.gzip)} | ${kb(BUDGET.brotli)} |`,
].join('\n');
console.log(table);

const write = process.argv.indexOf('--write');
if (write > 0) {
  const file = process.argv[write + 1];
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('<!-- sizes -->');
  const end = text.indexOf('<!-- /sizes -->');
  if (start < 0 || end < 0) throw new Error(`${file} has no <!-- sizes --> … <!-- /sizes --> block`);
  writeFileSync(file, `${text.slice(0, start)}<!-- sizes -->\n${table}\n${text.slice(end)}`);
}
if (total.brotli > BUDGET.brotli || total.gzip > BUDGET.gzip) {
  console.error(`First load over budget: ${kb(total.brotli)} KB brotli (≤ ${kb(BUDGET.brotli)}), ${kb(total.gzip)} KB gzip (≤ ${kb(BUDGET.gzip)}).`);
  process.exit(1);
}
