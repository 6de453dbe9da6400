// Sizes of the release build (dist/), raw, gzip -9 and brotli -11, as a
// phone downloads them, against the budgets; fails when one is exceeded.
// - The first load: index.html, every file it names, and the splitter's
//   loader its glue imports.
// - Each section's part, with every shared chunk it needs (scripts/parts.mjs;
//   a chunk comes once, with the first section that needs it).
// - Everything the service worker keeps at install (dist/sw.js's list).
// - The xlsx worker, loaded on first use.
//   node scripts/size.mjs                 check the budgets, print the tables
//   node scripts/size.mjs --write FILE    also write the tables into FILE
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

// What a phone downloads: every browser that runs this app takes brotli, and
// static hosts send it (docs/deploy.md); the first load within 250 KB. A
// host that sends only gzip (GitHub Pages) holds it to the same bound as
// gzip measures it: this build's gzip is 1.26 times its brotli, so 315 KB.
// Everything kept for offline use, fetched in the background after the
// first screen, within 750 KB (docs/size.md says why it moved).
const BUDGET = { firstLoad: 250_000, firstLoadGzip: 315_000, kept: 750_000 };
const dist = 'dist';
const LOADER = '__wasm_split.js';
const kind = (name) => name.endsWith('.wasm') ? 'wasm' : name.endsWith('.js') ? 'JS'
  : name.endsWith('.css') ? 'CSS' : name.endsWith('.html') ? 'HTML'
  : name.endsWith('.webmanifest') ? 'manifest' : name.endsWith('.svg') ? 'icon' : 'other';
const kb = (n) => (n / 1000).toFixed(1);
const measured = new Map();
const measure = (name) => {
  if (!measured.has(name)) {
    const bytes = readFileSync(join(dist, name));
    measured.set(name, {
      name,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return measured.get(name);
};
const sum = (rows) => rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
  { raw: 0, gzip: 0, brotli: 0 });
const table = (title, rows, label, budget = {}) => {
  const total = sum(rows);
  return [
    title,
    '',
    '| file | raw KB | gzip KB | brotli KB |',
    '| --- | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${label(r)} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`),
    `| **total** | **${kb(total.raw)}** | **${kb(total.gzip)}** | **${kb(total.brotli)}** |`,
    ...(budget.brotli ? [`| budget | | ${budget.gzip ? kb(budget.gzip) : ''} | ${kb(budget.brotli)} |`] : []),
  ].join('\n');
};

const files = readdirSync(dist, { recursive: true, withFileTypes: true })
  // Not the build's .br and .gz copies: what is measured is each file itself.
  .filter((f) => f.isFile() && !f.name.startsWith('.') && !/\.(br|gz)$/.test(f.name))
  .map((f) => join(f.parentPath, f.name).slice(dist.length + 1));
const named = (page) => {
  const html = readFileSync(join(dist, page), 'utf8');
  return [page, ...files.filter((f) => !f.endsWith('.html') && html.includes(f)).sort()];
};
const tables = [];
const over = [];
const check = (what, total, budget, measureName = 'brotli') => {
  if (total[measureName] > budget) over.push(`${what}: ${kb(total[measureName])} KB ${measureName} (≤ ${kb(budget)})`);
};

const first = [...named('index.html'), LOADER].map(measure);
tables.push(table('**First load** (index.html: the register and set-up)', first, (r) => kind(r.name),
  { brotli: BUDGET.firstLoad, gzip: BUDGET.firstLoadGzip }));
check('first load', sum(first), BUDGET.firstLoad);
check('first load', sum(first), BUDGET.firstLoadGzip, 'gzip');

// Each section's part and the chunks it waits for, as the loader lists them.
const loader = readFileSync(join(dist, LOADER), 'utf8');
const chunkFile = new Map([...loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)]
  .map((m) => [m[1], m[2]]));
const sections = [...loader.matchAll(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?, \[([^\]]*)\]\)\);/g)]
  .map(([, section, part, deps]) => {
    const chunks = deps.split(',').map((d) => d.trim()).filter(Boolean).map((d) => chunkFile.get(d));
    return { section, rows: [part, ...chunks].map(measure) };
  });
if (sections.length === 0) throw new Error(`${dist}/${LOADER}: no parts found`);
tables.push([
  '**Parts** (each with every shared chunk it needs, fetched from the phone\'s own copy on first opening)',
  '',
  '| part | files | raw KB | gzip KB | brotli KB |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...sections.map(({ section, rows }) => {
    const t = sum(rows);
    return `| ${section} | ${rows.length} | ${kb(t.raw)} | ${kb(t.gzip)} | ${kb(t.brotli)} |`;
  }),
].join('\n'));

const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
const precache = JSON.parse(sw.match(/const PRECACHE = (\[[\s\S]*?\]);/)[1])
  .map((path) => (path === './' ? 'index.html' : path));
const kept = precache.map(measure);
const group = (name) => (name.startsWith('split_') ? 'parts' : name.startsWith('chunk_') ? 'shared chunks' : kind(name));
const groups = new Map();
for (const r of kept) groups.set(group(r.name), [...(groups.get(group(r.name)) ?? []), r]);
const byKind = [...groups].map(([label, rows]) => ({ name: `${label} (${rows.length})`, ...sum(rows) }));
tables.push(table('**Kept by the service worker at install** (everything the app needs offline, the samples too; the xlsx worker is kept on first use)',
  byKind, (r) => r.name, { brotli: BUDGET.kept }));
check('kept by the service worker', sum(kept), BUDGET.kept);

const worker = files.filter((f) => f.startsWith('xlsx.') || f.startsWith('xlsx_')).sort().map(measure);
tables.push(table('**xlsx worker** (the .xlsx writer and the member-list readers, a worker started on first «Tải tệp Excel» or on opening a list; not part of any page\'s load)',
  worker, (r) => r.name));

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
