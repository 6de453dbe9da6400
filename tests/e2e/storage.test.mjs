// End to end: what keeps her register alive. The browser is asked to keep
// the data after set-up and the answer is shown; the storage meter warns
// before storage is full; a backup is offered when one is due; Safari on an
// iPhone, which deletes the book after a week unless it is on the Home
// Screen, is named with the way out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp } from './fixtures/env.mjs';
import { newPhone } from './fixtures/app.mjs';
import { resealed, tempFile } from './fixtures/files.mjs';

const env = servedApp();
const UNIT = { unit: 'Chi hội Xóm Trại', commune: 'Hội LHPN xã Yên Mỹ', province: 'Hội LHPN tỉnh Hưng Yên' };

test('after set-up the browser is asked to keep the data, and settings show its answer', async () => {
  const phone = await newPhone(env.browser, 'about:blank');
  try {
    await phone.context.addInitScript(() => {
      const persist = StorageManager.prototype.persist;
      StorageManager.prototype.persist = function () {
        window.persistAsked = (window.persistAsked ?? 0) + 1;
        return persist.call(this);
      };
    });
    await phone.page.goto(env.server.url);
    await phone.page.getByText('xin trình duyệt giữ sổ lâu dài').waitFor();
    assert.equal(await phone.page.evaluate(() => window.persistAsked), undefined);
    await phone.setUp(UNIT);
    await phone.page.waitForFunction(() => window.persistAsked === 1);
    await phone.page.getByRole('link', { name: 'Cài đặt' }).click();
    const storage = phone.page.locator('.storage');
    // Headless Chromium does not grant it to a site never installed.
    await storage.getByText('Trình duyệt chưa đồng ý giữ sổ lâu dài').waitFor();
    await storage.getByRole('button', { name: 'Xin giữ sổ lâu dài' }).click();
    // Asked again on her tap.
    await phone.page.waitForFunction(() => window.persistAsked === 2);
    // The meter counts what her book holds.
    const used = await storage.getByText(/^Đã dùng/).innerText();
    assert.match(used, /^Đã dùng [\d.]+ trong khoảng 5\.000\.000 ký tự trình duyệt cho phép \(1%\)\.$/);
    assert.ok(await storage.getByRole('cell', { name: 'Đơn vị', exact: true }).count() === 1);
  } finally {
    await phone.close();
  }
});

test('storage nearly full is said on every page, and settings show what fills it', async () => {
  const phone = await newPhone(env.browser, env.server.url);
  try {
    await phone.setUp(UNIT);
    await phone.addMember({ name: 'Đỗ Thị Lan' });
    // Another page of the same site filled most of the space.
    await phone.page.evaluate(() => localStorage.setItem('trang-khac', 'x'.repeat(4_100_000)));
    await phone.reload();
    const warning = phone.page.getByRole('alert').filter({ hasText: 'Bộ nhớ trình duyệt đã dùng 83%' });
    await warning.waitFor();
    await warning.getByRole('link', { name: 'Xem bộ nhớ' }).click();
    const storage = phone.page.locator('.storage');
    await storage.getByText('Bộ nhớ sắp đầy').waitFor();
    const first = storage.locator('tbody tr').first();
    assert.deepEqual(await first.locator('td').allInnerTexts(), ['Khác', '4.100.010']);
    await phone.page.evaluate(() => localStorage.removeItem('trang-khac'));
    await phone.reload();
    assert.equal(await phone.page.getByText('Bộ nhớ trình duyệt đã dùng').count(), 0);
  } finally {
    await phone.close();
  }
});

test('a backup too big to be held twice in storage is restored whole on a new phone', async () => {
  const first = await newPhone(env.browser, env.server.url);
  const phone = await newPhone(env.browser, env.server.url);
  const p = phone.page;
  try {
    await first.setUp(UNIT);
    await first.addMember({ name: 'Đỗ Thị Lan', birthYear: 1980, phone: '0912345678' });
    const backup = JSON.parse((await first.makeBackup()).text);
    // 18,000 members: about 2.9 million characters, which fit in storage
    // once but not beside a second copy of themselves.
    const [lan] = backup.data.members;
    for (let i = 0; i < 18_000; i++) backup.data.members.push({ ...lan, id: `lon-${i}` });
    const file = await tempFile('sao-luu_lon.json', resealed(backup));
    await p.getByRole('link', { name: 'Khôi phục từ tệp sao lưu' }).click();
    await phone.pickFile('Chọn tệp sao lưu', file);
    await p.getByRole('button', { name: 'Nhập vào sổ' }).click();
    await p.locator('.summary').getByText('18.001').waitFor();
    assert.equal(await p.getByText('Bộ nhớ trình duyệt đã đầy').count(), 0);
    await phone.reopenShowsTheSame();
    await p.locator('.summary').getByText('18.001').waitFor();
    const stored = await phone.storage();
    assert.equal(stored['sotay.journal'], undefined);
    assert.ok(stored['sotay.members'].length > 2_800_000, `${stored['sotay.members'].length} characters of members`);
  } finally {
    await first.close();
    await phone.close();
  }
});

test('a month without a backup brings a quiet offer, put off or taken', async () => {
  const phone = await newPhone(env.browser, 'about:blank');
  const clock = phone.page.clock;
  const reminder = phone.page.getByRole('note').filter({ hasText: 'chưa sao lưu' });
  try {
    await clock.install({ time: new Date('2026-10-01T08:00:00+07:00') });
    await phone.page.goto(env.server.url);
    await phone.setUp(UNIT);
    await phone.addMember({ name: 'Đỗ Thị Lan' });
    await phone.makeBackup();
    await phone.goTo('Hội viên');
    await phone.addMember({ name: 'Vũ Thị Mai' });
    await phone.reload();
    assert.equal(await reminder.count(), 0);

    await clock.setSystemTime(new Date('2026-11-05T12:00:00+07:00'));
    await phone.reload();
    await reminder.getByText('Đã 35 ngày chưa sao lưu, với 1 thay đổi.').waitFor();
    await reminder.getByRole('button', { name: 'Để sau' }).click();
    assert.equal(await reminder.count(), 0);
    await phone.reload();
    assert.equal(await reminder.count(), 0);

    // Put off for three days, then back; a backup ends it.
    await clock.setSystemTime(new Date('2026-11-08T11:00:00+07:00'));
    await phone.reload();
    assert.equal(await reminder.count(), 0);
    await clock.setSystemTime(new Date('2026-11-08T13:00:00+07:00'));
    await phone.reload();
    const [download] = await Promise.all([
      phone.page.waitForEvent('download'),
      reminder.getByRole('button', { name: 'Sao lưu ngay' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^sao-luu_.*\.json$/);
    await reminder.waitFor({ state: 'detached' });
    await phone.reload();
    assert.equal(await reminder.count(), 0);
  } finally {
    await phone.close();
  }
});

const IPHONE_SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1';

/** A phone that says it is Safari on an iPhone, opened from a Safari tab or the Home Screen. */
async function iPhone(standalone) {
  const phone = await newPhone(env.browser, 'about:blank', { userAgent: IPHONE_SAFARI, isMobile: true, hasTouch: true });
  // iOS sets `navigator.standalone`; Chromium has none.
  await phone.context.addInitScript((value) => {
    Object.defineProperty(Navigator.prototype, 'standalone', { get: () => value, configurable: true });
  }, standalone);
  await phone.page.goto(env.server.url);
  return phone;
}

test('Safari on an iPhone, in a tab, is told it deletes the book after a week, and how to keep it', async () => {
  const phone = await iPhone(false);
  const p = phone.page;
  const warning = p.getByRole('note').filter({ hasText: 'Safari sẽ tự xoá toàn bộ sổ' });
  const steps = warning.getByRole('listitem');
  try {
    // At set-up, with the steps open.
    await warning.waitFor();
    assert.deepEqual(await steps.allInnerTexts(), [
      'Chạm nút Chia sẻ (ô vuông có mũi tên lên) ở thanh dưới cùng của Safari.',
      'Kéo xuống, chạm «Thêm vào MH chính» (Thêm vào Màn hình chính), rồi chạm «Thêm».',
      'Từ nay mở sổ bằng biểu tượng Sổ tay Chi hội trên Màn hình chính.',
    ]);
    assert.ok(await steps.first().isVisible());
    await phone.setUp(UNIT);
    // Every day is a backup day: one change, and the backup is offered.
    await phone.addMember({ name: 'Đỗ Thị Lan' });
    const reminder = p.getByRole('note').filter({ hasText: 'Sổ chưa được sao lưu lần nào' });
    await reminder.waitFor();
    // On every start, the steps a tap away.
    await phone.reload();
    await warning.waitFor();
    assert.equal(await steps.first().isVisible(), false);
    await warning.getByText('Cách đưa sổ ra Màn hình chính').click();
    await steps.first().waitFor();
    await p.getByRole('link', { name: 'Cài đặt' }).click();
    await p.getByText('sổ nhắc sao lưu ngay khi có thay đổi chưa sao lưu').waitFor();
    await warning.waitFor();
  } finally {
    await phone.close();
  }
});

test('Safari on an iPhone, opened from the Home Screen, keeps the book and says nothing of it', async () => {
  const phone = await iPhone(true);
  const p = phone.page;
  try {
    await phone.setUp(UNIT);
    await phone.addMember({ name: 'Đỗ Thị Lan' });
    await phone.reload();
    await p.locator('.member-row').first().waitFor();
    assert.equal(await p.getByText('Safari sẽ tự xoá toàn bộ sổ').count(), 0);
    assert.equal(await p.getByText('Sổ chưa được sao lưu lần nào').count(), 0, 'the usual rule: not after one change');
  } finally {
    await phone.close();
  }
});

test('the language chosen in settings holds across pages and reloads, and switches back', async () => {
  const phone = await newPhone(env.browser, env.server.url);
  const p = phone.page;
  const nav = () => p.locator('.bottom-nav .nav-item span').allInnerTexts();
  try {
    await phone.setUp(UNIT);
    assert.equal(await p.evaluate(() => document.documentElement.lang), 'vi');
    await p.getByRole('link', { name: 'Cài đặt' }).click();
    await Promise.all([p.waitForEvent('load'), p.getByLabel('Ngôn ngữ · Language').selectOption('en')]);
    await p.getByRole('heading', { name: 'Settings' }).waitFor();
    assert.equal(await p.evaluate(() => document.documentElement.lang), 'en');
    assert.deepEqual(await nav(), ['Members', 'Work', 'Figures', 'Backup', 'Unit']);
    // Another page, another bundle: still English.
    await p.getByRole('link', { name: 'Work' }).click();
    await p.getByRole('navigation', { name: 'Parts of the work' }).waitFor();
    await phone.reload();
    assert.deepEqual(await nav(), ['Members', 'Work', 'Figures', 'Backup', 'Unit']);
    await p.getByRole('link', { name: 'Settings' }).click();
    await Promise.all([p.waitForEvent('load'), p.getByLabel('Language · Ngôn ngữ').selectOption('vi')]);
    await p.getByRole('heading', { name: 'Cài đặt' }).waitFor();
    assert.deepEqual(await nav(), ['Hội viên', 'Công việc', 'Số liệu', 'Sao lưu', 'Đơn vị']);
  } finally {
    await phone.close();
  }
});

test('in English the figures and dates take English forms', async () => {
  const phone = await newPhone(env.browser, 'about:blank');
  const p = phone.page;
  try {
    // The sample's year of work is drawn back from the day it is made: its
    // figures are those of one day.
    await p.clock.setFixedTime(new Date('2026-11-29T09:00:00+07:00'));
    await phone.context.addInitScript(() => localStorage.setItem('sotay.lang', 'en'));
    await p.goto(env.server.url);
    await p.getByRole('button', { name: 'Open the sample data' }).click();
    await p.locator('.member-row').first().waitFor();
    await p.goto(`${env.server.url}#/so-lieu`);
    assert.equal(await phone.figure('attraction.all'), '113/150 = 75.3%');
    assert.equal(await phone.figure('fees.collected'), '1,080,000 đ');
    assert.equal(await phone.figure('meetings.attendance'), '42.8');
    await p.goto(`${env.server.url}#/bao-cao`);
    const made = await p.getByText(/^Made on /).innerText();
    assert.match(made, /^Made on \d{2}\/\d{2}\/\d{4}$/);
    const [month, day] = made.slice('Made on '.length).split('/').map(Number);
    // Today where the phone is (Vietnam), which is not this machine's day
    // from 17:00 UTC on.
    const today = await p.evaluate(() => [new Date().getMonth() + 1, new Date().getDate()]);
    assert.deepEqual([month, day], today);
  } finally {
    await phone.close();
  }
});

test('a save cut short between two collections is finished at the next start', async () => {
  const phone = await newPhone(env.browser, env.server.url);
  const p = phone.page;
  try {
    await phone.setUp(UNIT);
    await phone.addMember({ name: 'Đỗ Thị Lan' });
    // The state a save of members and units leaves when the tab dies after its
    // first key: the journal holds both new texts, only members was written.
    await p.evaluate(() => {
      const members = JSON.parse(localStorage.getItem('sotay.members'));
      members.push({ ...members[0], id: 'ca-trong-1', data: { ...members[0].data, given_name: 'Mai' } });
      const units = JSON.parse(localStorage.getItem('sotay.units'));
      const home = JSON.parse(localStorage.getItem('sotay.device')).home;
      units.find((u) => u.id === home).data.name = 'Chi hội Xóm Trại Mới';
      const journal = { 'sotay.members': JSON.stringify(members), 'sotay.units': JSON.stringify(units) };
      localStorage.setItem('sotay.journal', JSON.stringify(journal));
      localStorage.setItem('sotay.members', journal['sotay.members']);
    });
    await phone.reload();
    await p.locator('.app-title').getByText('Chi hội Xóm Trại Mới').waitFor();
    await p.locator('.member-row', { hasText: 'Đỗ Thị Mai' }).waitFor();
    const stored = await phone.storage();
    assert.equal(stored['sotay.journal'], undefined, 'finished, then removed');
    assert.ok(stored['sotay.units'].includes('Chi hội Xóm Trại Mới'));
  } finally {
    await phone.close();
  }
});
