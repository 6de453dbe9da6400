// Sizes of each page of the release build (dist/), raw, gzip -9 and
// brotli -11, as a phone downloads them: the HTML and every file it names
// (wasm, JS, CSS, the web app manifest and the icon). index.html is the
// first load; the other pages are loaded when first opened. Fails when a
// page is over budget.
//   node scripts/size.mjs                 check the budget, print the tables
//   node scripts/size.mjs --write FILE    also write the tables into FILE
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

// What a phone downloads: every browser that runs this app takes brotli, and
// static hosts send it. A host that sends only gzip must still bring the
// first load (index.html and what it names) within 300 KB.
const BUDGET = { brotli: 250_000, firstLoadGzip: 300_000 };
const FIRST_LOAD = 'index.html';
const dist = 'dist';
const PAGES = [
  ['index.html', 'first load: set-up, the register, a member'],
  ['cong-viec.html', "loaded on first opening the chapter's work"],
  ['so-lieu.html', 'loaded on first opening the figures, the report or the unit'],
  ['tep.html', 'loaded on first opening backups, imports or settings'],
  ['van-phong.html', 'loaded on first opening the comparison of units, or plans and campaigns'],
  ['danh-sach.html', 'loaded on first bringing in a member list from a spreadsheet'],
  ['mau.html', 'loaded only to make a sample: «Xem dữ liệu mẫu», «Xem mẫu cụm thi đua»'],
];
const kind = (name) => name.endsWith('.wasm') ? 'wasm' : name.endsWith('.js') ? 'JS'
  : name.endsWith('.css') ? 'CSS' : name.endsWith('.html') ? 'HTML'
  : name.endsWith('.webmanifest') ? 'manifest' : name.endsWith('.svg') ? 'icon' : 'other';
const kb = (n) => (n / 1000).toFixed(1);
const measure = (name) => {
  const bytes = readFileSync(join(dist, name));
  return {
    name,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};

const files = readdirSync(dist, { recursive: true, withFileTypes: true })
  .filter((f) => f.isFile() && !f.name.startsWith('.'))
  .map((f) => join(f.parentPath, f.name).slice(dist.length + 1));
// Workers are named by Trunk without a hash and started by a page's code on
// first use: measured as their own on-demand load.
const WORKERS = [['xlsx', 'the .xlsx writer and the member-list readers, a worker started on first «Tải tệp Excel» or on opening a list']];
const tables = [];
const over = [];
for (const [page, about] of PAGES) {
  const html = readFileSync(join(dist, page), 'utf8');
  const rows = [page, ...files.filter((f) => !f.endsWith('.html') && html.includes(f)).sort()].map(measure);
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 });
  tables.push([
    `**${page}** (${about})`,
    '',
    '| file | raw KB | gzip KB | brotli KB |',
    '| --- | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${kind(r.name)} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`),
    `| **total** | **${kb(total.raw)}** | **${kb(total.gzip)}** | **${kb(total.brotli)}** |`,
    `| budget | | ${page === FIRST_LOAD ? kb(BUDGET.firstLoadGzip) : ''} | ${kb(BUDGET.brotli)} |`,
  ].join('\n'));
  if (total.brotli > BUDGET.brotli) {
    over.push(`${page}: ${kb(total.brotli)} KB brotli (≤ ${kb(BUDGET.brotli)})`);
  }
  if (page === FIRST_LOAD && total.gzip > BUDGET.firstLoadGzip) {
    over.push(`${page}: ${kb(total.gzip)} KB gzip (≤ ${kb(BUDGET.firstLoadGzip)})`);
  }
}
for (const [worker, about] of WORKERS) {
  const rows = files.filter((f) => f.startsWith(`${worker}.`) || f.startsWith(`${worker}_`)).sort().map(measure);
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 });
  tables.push([
    `**${worker} worker** (${about}; not part of any page's load)`,
    '',
    '| file | raw KB | gzip KB | brotli KB |',
    '| --- | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.name} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`),
    `| **total** | **${kb(total.raw)}** | **${kb(total.gzip)}** | **${kb(total.brotli)}** |`,
  ].join('\n'));
}
const text = tables.join('\n\n');
console.log(text);

const write = process.argv.indexOf('--write');
if (write > 0) {
  const file = process.argv[write + 1];
  const doc = readFileSync(file, 'utf8');
  const start = doc.indexOf('<!-- sizes -->');
  const end = doc.indexOf('<!-- /sizes -->');
  if (start < 0 || end < 0) throw new Error(`${file} has no <!-- sizes --> … <!-- /sizes --> block`);
  writeFileSync(file, `${doc.slice(0, start)}<!-- sizes -->\n${text}\n${doc.slice(end)}`);
}
if (over.length) {
  console.error(`Over budget:\n${over.join('\n')}`);
  process.exit(1);
}
