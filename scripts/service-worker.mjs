// Writes dist/sw.js from pwa/sw.js once every page is built: the files of
// every page to keep at install (Trunk hashes their names, so the list comes
// from dist/ itself), and a version that changes whenever any file does.
//   node scripts/service-worker.mjs    (called by scripts/build.sh)
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

const dist = 'dist';
/** Loaded only on first use, and kept then: not fetched at install. */
const onFirstUse = [/^xlsx/];

async function filesUnder(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
  return nested.flat();
}

const files = (await filesUnder(dist))
  .map((path) => relative(dist, path).split('\\').join('/'))
  .filter((name) => name !== 'sw.js')
  .sort();
const hash = createHash('sha256');
for (const name of files) {
  hash.update(name);
  hash.update(await readFile(join(dist, name)));
}
const version = hash.digest('hex').slice(0, 16);
const precache = ['./', ...files.filter((name) => !onFirstUse.some((re) => re.test(name)))];
const template = await readFile('pwa/sw.js', 'utf8');
await writeFile(join(dist, 'sw.js'), template
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__PRECACHE__', JSON.stringify(precache, null, 2)));
console.log(`dist/sw.js: version ${version}, ${precache.length} files kept at install`);
