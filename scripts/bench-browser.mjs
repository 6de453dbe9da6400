// Browser figures: the release build in headless Chromium at 360×740, driven
// as she would use it, timed by the app's own performance measures
// (src/ui/perf.rs) or, for a tap, from the tap to the next frame. Each figure
// is taken RUNS times; target/bench/browser.json keeps every sample, which
// scripts/benchmarks.mjs writes into BENCHMARKS.md.
//   node scripts/bench-browser.mjs [group…]   (after `make build` and the
//   files of `cargo run --example bench_files`; `make bench` does all of it;
//   naming groups — cold, chapter, tabs, meeting, commune, office — runs only those
//   and writes no file unless `--write FILE`)
import { writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist } from '../tests/e2e/fixtures/server.mjs';
import { launchBrowser, newPhone } from '../tests/e2e/fixtures/app.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const FILES = 'target/bench';
const figures = [];

/** Records a figure's samples (ms) with its target. */
function figure(what, size, samples, target) {
  figures.push({ what, size, samples, target });
  const sorted = [...samples].sort((a, b) => a - b);
  console.log(`${what} (${size}): median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms of ${samples.length}`);
}

/** The app's latest measure named `name`, once it exists, in ms. */
async function measure(page, name) {
  const handle = await page.waitForFunction((n) => {
    const entries = performance.getEntriesByName(n, 'measure');
    return entries.length ? entries[entries.length - 1].duration : null;
  }, name);
  return handle.jsonValue();
}

/** Forgets the app's measures, so the next one read is the next one made. */
const forget = (page) => page.evaluate(() => performance.clearMeasures());

/** Time from a click on what `locator` finds to the next frame, in ms. */
function tapToFrame(locator) {
  return locator.evaluate((element) => new Promise((done) => {
    const start = performance.now();
    element.click();
    requestAnimationFrame(() => done(performance.now() - start));
  }));
}

/** The longest frame while the page scrolls from top to bottom in steps of a screen. */
function scrollFrames(page) {
  return page.evaluate(() => new Promise((done) => {
    window.scrollTo(0, 0);
    let last = performance.now();
    let longest = 0;
    const step = () => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      if (window.scrollY + innerHeight >= document.body.scrollHeight - 1) return done(longest);
      window.scrollBy(0, innerHeight);
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }));
}

/** A new phone with a backup restored before set-up, as on a new phone. */
async function restored(browser, url, backup, landing) {
  const phone = await newPhone(browser, url);
  const p = phone.page;
  await p.getByRole('link', { name: 'Khôi phục từ tệp sao lưu' }).click();
  await phone.pickFile('Chọn tệp sao lưu', backup);
  await p.getByRole('button', { name: 'Nhập vào sổ' }).click({ timeout: 120_000 });
  await p.locator(landing).first().waitFor({ timeout: 120_000 });
  return phone;
}

/** Opens `address` `RUNS` times and returns the app's first-render measures. */
async function firstRenders(phone, address, ready) {
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    // From a blank page, so that each run loads the page afresh.
    await phone.page.goto('about:blank');
    await phone.page.goto(address);
    await phone.page.locator(ready).first().waitFor();
    samples.push(await measure(phone.page, 'first-render'));
  }
  return samples;
}

/** The bottom tabs: label, the place drawn, and what shows it is drawn. */
const TABS = [
  ['Công việc', '#/cong-viec/can-bo', 'h1'],
  ['Số liệu', '#/so-lieu', 'details.figures'],
  ['Sao lưu', '#/sao-luu', 'h1'],
  ['Đơn vị', '#/don-vi', 'h1'],
  ['Hội viên', '#/', '.member-row'],
];

/** From a tap on the bottom tab `tab` to the frame where its place and content are drawn, in ms. */
async function tapTab(p, [tab, hash, ready]) {
  const link = p.getByRole('navigation', { name: 'Các mục chính' }).getByRole('link', { name: tab });
  // On the page's clock from its time origin, which spans a page load.
  const tapped = await link.evaluate((a) => {
    const at = performance.timeOrigin + performance.now();
    a.click();
    return at;
  });
  const drawn = await p.waitForFunction(([place, content]) => document.body.dataset.page === place
    && document.querySelector(`main ${content}`) && performance.timeOrigin + performance.now(),
  [hash, ready], { polling: 'raf', timeout: 60_000 });
  return (await drawn.jsonValue()) - tapped;
}

/**
 * Taps on each bottom tab with the CPU slowed 4× as on a low-end phone and
 * the service worker in control, the 3,000-member chapter open: the first
 * tap on each after the app opens (its part arriving from the phone's own
 * copy and starting), then a tap again. The app is opened afresh each run.
 */
async function tabsOf3000(browser, url) {
  const phone = await restored(browser, url, join(FILES, 'chapter-3000.json'), '.member-row');
  const p = phone.page;
  await p.waitForFunction(() => navigator.serviceWorker.controller);
  const cdp = await p.context().newCDPSession(p);
  const first = new Map(TABS.map(([tab]) => [tab, []]));
  const again = new Map(TABS.map(([tab]) => [tab, []]));
  for (let i = 0; i < RUNS; i++) {
    await p.goto(new URL('./#/', url).href);
    await p.locator('.member-row').first().waitFor();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    for (const tab of TABS) first.get(tab[0]).push(await tapTab(p, tab));
    for (const tab of TABS) again.get(tab[0]).push(await tapTab(p, tab));
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
  for (const [tab, taps] of first) figure(`first tap on «${tab}» after opening, CPU ×4`, '3,000 members', taps, 100);
  for (const [tab, taps] of again) figure(`tap on «${tab}» again, CPU ×4`, '3,000 members', taps, 100);
  await phone.close();
}

/**
 * A first visit on a slow link to a cheap phone: 1.6 Mbit/s down, 150 ms
 * each way, the CPU slowed 4×, nothing cached, the build served compressed.
 * From the start of the navigation to the frame where set-up's first screen
 * is drawn.
 */
async function coldVisit(browser, url) {
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const phone = await newPhone(browser, 'about:blank');
    const p = phone.page;
    const cdp = await p.context().newCDPSession(p);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await p.goto(url, { waitUntil: 'commit' });
    const drawn = await p.waitForFunction(() => document.querySelector('main h1, form h1, h1') && performance.now(),
      null, { polling: 'raf', timeout: 60_000 });
    samples.push(await drawn.jsonValue());
    await phone.close();
  }
  figure('first visit to the first screen, 1.6 Mbit/s, 150 ms, CPU ×4', 'empty phone', samples, 2500);
}

async function chapterOf3000(browser, url) {
  const phone = await restored(browser, url, join(FILES, 'chapter-3000.json'), '.member-row');
  const p = phone.page;
  figure('first render of the register', '3,000 members', await firstRenders(phone, url, '.member-row'), 150);

  const saves = [];
  for (let i = 0; i < RUNS; i++) {
    await p.locator('.member-row').nth(i).click();
    const phoneBox = p.getByLabel('Số điện thoại', { exact: true });
    await forget(p);
    await phoneBox.fill(`09123450${i}${i}`);
    await phoneBox.blur();
    await p.getByText('Đã lưu vào máy.').waitFor();
    saves.push(await measure(p, 'save'));
    await p.goBack();
    await p.locator('.member-row').first().waitFor();
  }
  figure('save after one edit', '3,000 members', saves, 16);

  const keys = [];
  const search = p.getByLabel('Tìm hội viên');
  for (let i = 0; i < RUNS; i++) {
    await search.fill('');
    for (const key of 'nguyen thi h') {
      await forget(p);
      await search.press(key === ' ' ? 'Space' : key);
      keys.push(await measure(p, 'search'));
    }
  }
  figure('search as she types, each key to its frame', '3,000 members', keys, 50);
  await search.fill('');

  const scrolls = [];
  const more = [];
  for (let i = 0; i < RUNS; i++) {
    await p.goto(url);
    await p.locator('.member-row').first().waitFor();
    scrolls.push(await scrollFrames(p));
    more.push(await tapToFrame(p.locator('button.more')));
  }
  figure('scroll the register, longest frame', '3,000 members', scrolls, 50);
  figure('«Xem thêm» draws the next 100', '3,000 members', more, 100);

  const pickers = [];
  const pickerKeys = [];
  for (let i = 0; i < RUNS; i++) {
    // From another page, so that each run opens the form afresh.
    await p.goto(url);
    await p.goto(new URL('./#/cong-viec/tap-huan/moi', url).href);
    // The list opens by itself on a new session's form: closed, then timed
    // as she opens it again.
    const picker = p.getByRole('group', { name: 'Người dự trong sổ' });
    await picker.getByRole('button', { name: 'Xong' }).click();
    pickers.push(await tapToFrame(picker.getByRole('button', { name: 'Chọn người' })));
    const box = picker.getByRole('searchbox');
    for (const key of 'thi h') {
      await forget(p);
      await box.press(key === ' ' ? 'Space' : key);
      pickerKeys.push(await measure(p, 'search'));
    }
  }
  figure('open the attendee picker', '3,000 members', pickers, 100);
  figure('search in the attendee picker, each key to its frame', '3,000 members', pickerKeys, 50);
  await phone.close();
}

/**
 * A meeting's roll call with the CPU slowed 4×, the 3,000-member chapter
 * open: from the tap on «Thêm buổi sinh hoạt» to the frame where the names
 * are drawn, then from a tap on a name, on «Tất cả có mặt», and on a name
 * once all are present, to the frame that shows the mark (the whole chapter
 * called: 3,000 names).
 */
async function meetingOf3000(browser, url) {
  const phone = await restored(browser, url, join(FILES, 'chapter-3000.json'), '.member-row');
  const p = phone.page;
  await p.waitForFunction(() => navigator.serviceWorker.controller);
  const cdp = await p.context().newCDPSession(p);
  const opens = [];
  const names = [];
  const everyone = [];
  const afterAll = [];
  for (let i = 0; i < RUNS; i++) {
    await p.goto(new URL('./#/cong-viec/sinh-hoat', url).href);
    const add = p.getByRole('link', { name: 'Thêm buổi sinh hoạt, hoạt động' });
    await add.waitFor();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const tapped = await add.evaluate((a) => {
      const at = performance.timeOrigin + performance.now();
      a.click();
      return at;
    });
    const drawn = await p.waitForFunction(() => document.querySelector('.roll-row')
      && performance.timeOrigin + performance.now(), null, { polling: 'raf', timeout: 60_000 });
    opens.push((await drawn.jsonValue()) - tapped);
    for (let n = 0; n < 5; n++) names.push(await tapToFrame(p.locator('.roll-row').nth(n)));
    everyone.push(await tapToFrame(p.getByRole('button', { name: 'Tất cả có mặt' })));
    for (let n = 5; n < 10; n++) afterAll.push(await tapToFrame(p.locator('.roll-row').nth(n)));
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
  figure('open a new meeting, its roll call drawn, CPU ×4', '3,000 members', opens, 300);
  figure('a tap on a name at the roll call, CPU ×4', '3,000 members', names, 100);
  figure('«Tất cả có mặt», CPU ×4', '3,000 members', everyone, 300);
  figure('a tap on a name once all are present, CPU ×4', '3,000 members', afterAll, 100);
  await phone.close();
}

async function communeOf100(browser, url) {
  const reports = readdirSync(join(FILES, 'reports-100')).map((f) => join(FILES, 'reports-100', f));
  const imports = [];
  let phone;
  for (let i = 0; i < RUNS; i++) {
    await phone?.close();
    phone = await newPhone(browser, url);
    const p = phone.page;
    await p.getByLabel('Tên đơn vị của bạn', { exact: true }).fill('Hội LHPN xã An Bình');
    await p.getByLabel('Loại đơn vị', { exact: true }).fill('Hội LHPN cấp xã');
    await p.getByRole('button', { name: 'Bắt đầu' }).click();
    await p.goto(new URL('./#/sao-luu', url).href);
    await phone.pickFile('Chọn tệp để nhập', reports);
    await p.getByRole('button', { name: 'Nhập vào sổ' }).waitFor({ timeout: 60_000 });
    imports.push(await measure(p, 'import'));
  }
  figure('import report files, picked to preview', '100 files', imports, 1000);
  await phone.page.getByRole('button', { name: 'Nhập vào sổ' }).click();
  await phone.page.locator('.received-row').first().waitFor();
  const compare = new URL('./#/so-sanh', url).href;
  figure('first render of the comparison', '100 units', await firstRenders(phone, compare, '.compare-table tbody tr'), 150);
  await phone.close();
}

async function officeOf1000(browser, url) {
  const compare = new URL('./#/so-sanh', url).href;
  const phone = await restored(browser, url, join(FILES, 'office-1000.json'), '.received-row');
  const p = phone.page;
  const home = new URL('./#/nhan-bao-cao', url).href;
  figure("first render of an office's home, who has sent", '1,000 units', await firstRenders(phone, home, '.received-row'), 150);
  figure('first render of the comparison', '1,000 units', await firstRenders(phone, compare, '.compare-table tbody tr'), 150);
  const sorts = [];
  const scrolls = [];
  for (let i = 0; i < RUNS; i++) {
    sorts.push(await tapToFrame(p.locator('.compare-table thead button').nth((i % 3) + 1)));
    scrolls.push(await scrollFrames(p));
  }
  figure('rank by another column', '1,000 units', sorts, 100);
  figure('scroll the comparison, longest frame', '1,000 units', scrolls, 50);
  await phone.close();
}

const GROUPS = {
  cold: coldVisit, chapter: chapterOf3000, tabs: tabsOf3000, meeting: meetingOf3000, commune: communeOf100, office: officeOf1000,
};
const asked = process.argv.slice(2);
const write = asked.indexOf('--write');
// All groups are written for BENCHMARKS.md; some, only where asked.
const out = write >= 0 ? asked.splice(write, 2)[1] : asked.length === 0 ? join(FILES, 'browser.json') : null;
const unknown = asked.filter((name) => !GROUPS[name]);
if (unknown.length) throw new Error(`no group ${unknown.join(', ')}: the groups are ${Object.keys(GROUPS).join(', ')}`);
const server = await serveDist();
const browser = await launchBrowser();
const chromium = browser.version();
try {
  for (const [name, group] of Object.entries(GROUPS)) {
    if (asked.length === 0 || asked.includes(name)) await group(browser, server.url);
  }
} finally {
  await browser.close();
  server.stop();
}
if (out) {
  writeFileSync(out, JSON.stringify({ runs: RUNS, chromium, figures }, null, 1));
  console.log(`wrote ${out}`);
}
