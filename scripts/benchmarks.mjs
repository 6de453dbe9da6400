// Reads what `cargo bench --bench domain` left in target/criterion/ and what
// scripts/bench-browser.mjs left in target/bench/browser.json, and writes BENCHMARKS.md:
// each figure's median and spread over its samples, against its target.
// `node scripts/benchmarks.mjs --write BENCHMARKS.md`; `make bench` runs both.
// `node scripts/benchmarks.mjs --keep-host LABEL` keeps the host samples in
// target/criterion as the "before" of a change of design (benches/before.json,
// `host`), before the change is measured.
import { readdirSync } from 'node:fs';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = 'target/criterion';

/** Per-iteration times (ms) of one benchmark's samples. */
function samples(group, name, size) {
  const file = join(root, group, name, String(size), 'new', 'sample.json');
  if (!existsSync(file)) return null;
  const { iters, times } = JSON.parse(readFileSync(file, 'utf8'));
  return times.map((t, i) => t / iters[i] / 1e6).sort((a, b) => a - b);
}

const median = (xs) => (xs.length % 2 ? xs[(xs.length - 1) / 2] : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2);
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const spread = (xs) => `${ms(xs[0])}–${ms(xs[xs.length - 1])}`;

/** Host samples kept from the build before a change of design: { build, command, figures }. */
const keptHost = (() => {
  const file = 'benches/before.json';
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).host ?? null : null;
})();
const hostBefore = (group, name, size) => {
  const kept = keptHost?.figures.find((f) => f.group === group && f.name === name && f.size === size);
  return kept ? median([...kept.samples].sort((a, b) => a - b)) : undefined;
};

const rows = [];
/** A row: `what` measured at `size`; `against` a bare parse of the same bytes, or a time target in ms. */
function row(what, group, name, size, { parse, limitMs, unit }) {
  const xs = samples(group, name, size);
  if (!xs) return;
  const m = median(xs);
  const then = hostBefore(group, name, size);
  const was = keptHost ? ` ${then === undefined ? '—' : ms(then)} |` : '';
  let compared = '';
  let target = '';
  let ok = true;
  if (parse) {
    const ps = samples(group, parse, size);
    const ratio = m / median(ps);
    compared = `${ms(median(ps))} ms (×${ratio.toFixed(2)})`;
    target = '≤ 2× parse';
    ok = ratio <= 2;
  }
  if (limitMs) {
    target = `≤ ${limitMs} ms`;
    ok = m <= limitMs;
  }
  rows.push(`| ${what} | ${size.toLocaleString('en')} ${unit} |${was} ${ms(m)} | ${spread(xs)} | ${xs.length} | ${compared || '—'} | ${target || '—'} | ${ok ? 'yes' : '**no**'} |`);
}

if (process.argv.includes('--keep-host')) {
  const label = process.argv[process.argv.indexOf('--keep-host') + 1];
  const figures = [];
  for (const group of readdirSync(root)) {
    for (const name of readdirSync(join(root, group)).filter((n) => n !== 'report')) {
      for (const size of readdirSync(join(root, group, name)).filter((n) => /^\d+$/.test(n))) {
        const xs = samples(group, name, size);
        if (xs) figures.push({ group, name, size: Number(size), samples: xs });
      }
    }
  }
  const file = 'benches/before.json';
  const kept = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  kept.host = { build: label, command: 'cargo bench --bench domain', figures };
  writeFileSync(file, `${JSON.stringify(kept, null, 1)}\n`);
  console.log(`kept ${figures.length} host figures of ${label} in ${file}`);
  process.exit(0);
}

for (const size of [300, 3000, 30000]) {
  row('restore the stored register', 'restore', 'members', size, { parse: 'parse', unit: 'members' });
}
for (const size of [300, 3000, 30000]) {
  row('preview a backup (one edit in ten)', 'import', 'backup', size, { parse: 'parse', unit: 'members' });
}
for (const size of [300, 3000, 30000]) {
  row("a year's figures of a chapter", 'indicators', 'year', size, { limitMs: size <= 3000 ? 50 : undefined, unit: 'members' });
}
for (const size of [10, 100, 1000]) {
  row('office imports report files', 'office', 'import', size, { parse: 'parse', unit: 'files' });
}
for (const size of [10, 100, 1000]) {
  row("office's figures, added up", 'office', 'roll-up', size, { limitMs: size <= 100 ? 50 : undefined, unit: 'files' });
}

const cpu = (() => {
  try {
    return readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)[1];
  } catch {
    return 'unknown CPU';
  }
})();

const host = `## Host (criterion, release build)

\`make bench\` (= \`cargo bench --bench domain\`, then this table). Each figure
is the median of ${'its'} samples' per-iteration times, in milliseconds, with the
fastest and slowest sample; "bare parse" is \`serde_json::from_str::<Value>\`
of the same bytes. Measured on: ${cpu}, one thread.

${keptHost ? `"Before" is the median of the same figure on ${keptHost.build}, measured with \`${keptHost.command}\` (benches/before.json, \`host\`).\n\n` : ''}| what | size |${keptHost ? ' before ms |' : ''} median ms | spread ms | samples | bare parse | target | met |
| --- | ---: |${keptHost ? ' ---: |' : ''} ---: | ---: | ---: | ---: | --- | --- |
${rows.join('\n')}
`;

/**
 * The same figures measured on the build before a change of design, kept in
 * benches/before.json ({ build, command, figures }), matched by what and size.
 */
function before() {
  const file = 'benches/before.json';
  if (!existsSync(file)) return null;
  const kept = JSON.parse(readFileSync(file, 'utf8'));
  const medians = new Map(kept.figures.map(({ what, size, samples }) => [`${what}\n${size}`, median([...samples].sort((a, b) => a - b))]));
  return { ...kept, of: ({ what, size }) => medians.get(`${what}\n${size}`) };
}

/** The browser figures scripts/bench-browser.mjs left in target/bench/browser.json. */
function browserSection() {
  const file = 'target/bench/browser.json';
  if (!existsSync(file)) return '';
  const { runs, chromium, figures } = JSON.parse(readFileSync(file, 'utf8'));
  const earlier = before();
  const lines = figures.map((f) => {
    const xs = [...f.samples].sort((a, b) => a - b);
    const m = median(xs);
    const then = earlier?.of(f);
    const was = earlier ? ` ${then === undefined ? '—' : ms(then)} |` : '';
    return `| ${f.what} | ${f.size} |${was} ${ms(m)} | ${spread(xs)} | ${xs.length} | ≤ ${f.target} ms | ${m <= f.target ? 'yes' : '**no**'} |`;
  });
  const head = earlier
    ? `| what | size | before ms | median ms | spread ms | samples | target | met |\n| --- | --- | ---: | ---: | ---: | ---: | --- | --- |`
    : `| what | size | median ms | spread ms | samples | target | met |\n| --- | --- | ---: | ---: | ---: | --- | --- |`;
  const beforeNote = earlier
    ? `\n"Before" is the median of the same figure on ${earlier.build}, measured with \`${earlier.command}\` (benches/before.json).\n`
    : '';
  return `## Browser (headless Chromium ${chromium}, release build, 360×740)

\`make bench\` (= \`cargo run --example bench_files\`, \`make build\`, then
\`node scripts/bench-browser.mjs\`, ${runs} runs of each). Times are the app's
own performance measures (src/ui/perf.rs: \`first-render\` from the start of
the page's code to the frame after the first draw, storage read included;
\`save\`; \`search\`, a key to the frame that shows its result; \`import\`,
files picked to the frame that shows their previews), or, for a tap, from the
click to the next frame; a bottom tab, from the tap to the frame where its
place and content are drawn; a first visit, from the navigation to the frame
where set-up is drawn. Scrolling is the longest frame while the page is
scrolled a screen per frame from top to bottom. Same machine as above.
${beforeNote}
${head}
${lines.join('\n')}
`;
}

const out = process.argv.includes('--write') ? process.argv[process.argv.indexOf('--write') + 1] : null;
const browser = browserSection();
if (out) {
  writeFileSync(out, `# Benchmarks\n\nEvery figure the app is held to, with the command that reproduces it.\n\n${host}\n${browser}`);
}
console.log(host);
console.log(browser);
