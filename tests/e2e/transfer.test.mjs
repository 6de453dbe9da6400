// End to end: a member moves from one chapter to another (chuyển sinh hoạt)
// between two phones, each its own browser profile. The first records the
// move and sends the file, locked with a passphrase and not; the second
// takes her in once, with her role and training there, and counts her from
// the day she came.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp } from './fixtures/env.mjs';
import { showsThrough } from './fixtures/files.mjs';
import { newPhone } from './fixtures/app.mjs';

const env = servedApp();
const PASSPHRASE = 'Sen hồng Đồng Tháp 2026';

/** The first chapter: Hoa, its deputy leader, trained in digital transformation. */
async function firstChapter() {
  const phone = await newPhone(env.browser, env.server.url);
  const p = phone.page;
  await phone.setUp({ unit: 'Chi hội Thôn Đông', commune: 'Hội LHPN xã An Bình' });
  await phone.addMember({ name: 'Nguyễn Thị Hoa', birthYear: 1985, phone: '0912345678' });
  await phone.addMember({ name: 'Lò Thị Ánh' });
  const jan1 = await p.evaluate(() => `${new Date().getFullYear()}-01-01`);
  await phone.addRole({ member: 'Nguyễn Thị Hoa', role: 'Chi hội phó', from: jan1 });
  await phone.openWork('Tập huấn');
  await p.getByRole('link', { name: 'Thêm lớp tập huấn' }).click();
  await p.getByLabel('Tên lớp', { exact: true }).fill('Tập huấn chuyển đổi số');
  await p.getByLabel('Chuyển đổi số', { exact: true }).check();
  await p.getByLabel('Ngày bắt đầu', { exact: true }).fill(jan1);
  await phone.pickMembers('Người dự trong sổ', ['Nguyễn Thị Hoa']);
  await p.getByRole('button', { name: 'Lưu' }).click();
  await p.locator('.member-row', { hasText: 'Tập huấn chuyển đổi số' }).waitFor();
  return phone;
}

test('a member moves to another chapter on another phone: taken in once, counted from the day she came', async () => {
  const first = await firstChapter();
  const second = await newPhone(env.browser, env.server.url);
  try {
    const p = first.page;
    await first.goTo('Hội viên');
    await p.locator('.member-row', { hasText: 'Nguyễn Thị Hoa' }).click();
    await p.getByRole('link', { name: 'Chuyển sinh hoạt' }).click();
    await p.getByRole('heading', { name: 'Chuyển sinh hoạt' }).waitFor();
    await p.getByText('các chức vụ đã giữ ở chi hội này (1) và số lớp tập huấn đã dự (1)', { exact: false }).waitFor();
    await p.getByRole('button', { name: 'Ghi chuyển đi' }).click();
    await p.locator('.field-error', { hasText: 'không được để trống' }).waitFor();
    await p.getByLabel('Chuyển đến', { exact: true }).fill('Chi hội Thôn Tây, xã Thanh Sơn');
    await p.getByRole('button', { name: 'Ghi chuyển đi' }).click();
    await p.getByText('đến Chi hội Thôn Tây, xã Thanh Sơn.', { exact: false }).waitFor();

    const plain = await first.saveFile(p.getByRole('button', { name: 'Gửi tệp chuyển sinh hoạt' }));
    assert.match(plain.name, /^chuyen-sinh-hoat_chi-hoi-thon-dong_nguyen-thi-hoa_\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(plain.text);
    assert.equal(file.kind, 'transfer');
    assert.equal(file.data.members.length, 1);
    assert.ok(!plain.text.includes('Lò Thị Ánh'), 'no one else is in the file');

    const card = p.locator('section').filter({ has: p.getByRole('heading', { name: 'Gửi tệp có mật khẩu' }) });
    await card.getByLabel('Mật khẩu cho tệp').fill(PASSPHRASE);
    await card.getByLabel('Nhập lại mật khẩu').fill(PASSPHRASE);
    const locked = await first.saveFile(card.getByRole('button', { name: 'Gửi tệp có mật khẩu' }));
    assert.match(locked.name, /^chuyen-sinh-hoat-co-mat-khau_\d{4}-\d{2}-\d{2}\.json$/);
    assert.deepEqual(showsThrough(locked.text, ['Nguyễn', 'Hoa', '0912345678', 'Thôn Đông']), []);

    // She stays in the first chapter's register as moved away: this year
    // she left, and she is no cadre at its end.
    await p.getByRole('link', { name: 'Về trang hội viên' }).click();
    await p.getByText('đến Chi hội Thôn Tây, xã Thanh Sơn', { exact: false }).waitFor();
    await first.goTo('Số liệu');
    assert.equal(await first.figure('members.end'), '1');
    assert.equal(await first.figure('members.left'), '1');
    assert.equal(await first.figure('cadres.end'), '0');

    // The second chapter takes her in from the locked file.
    const q = second.page;
    await second.setUp({ unit: 'Chi hội Thôn Tây', commune: 'Hội LHPN xã Thanh Sơn' });
    await second.addMember({ name: 'Trần Thị Bình' });
    await second.goTo('Sao lưu');
    await second.pickFile('Chọn tệp để nhập', locked.path);
    const unlock = q.locator('form.unlock');
    await unlock.getByLabel('Mật khẩu').fill(PASSPHRASE);
    await unlock.getByRole('button', { name: 'Mở tệp' }).click();
    assert.deepEqual(await second.previewCounts(), { 'Hội viên': { 'mới': 1 } });
    await q.locator('.notes li', { hasText: 'Nguyễn Thị Hoa chuyển sinh hoạt đến từ «Chi hội Thôn Đông»' }).waitFor();
    await second.takeIn(q.locator('.member-row').nth(1));
    await second.goTo('Hội viên');
    await q.locator('.member-row').nth(1).waitFor();
    assert.deepEqual(await second.memberNames(), ['Trần Thị Bình', 'Nguyễn Thị Hoa']);

    // The same file again (here without its lock) adds no one.
    await second.goTo('Sao lưu');
    await second.pickFile('Chọn tệp để nhập', plain.path);
    assert.deepEqual(await second.previewCounts(), { 'Hội viên': { 'không đổi': 1 } });
    await q.locator('.notes li', { hasText: 'sổ đã có chị ấy («Nguyễn Thị Hoa»)' }).waitFor();

    // Counted from today; her training there counts once she is a cadre here.
    await second.goTo('Số liệu');
    assert.equal(await second.figure('members.end'), '2');
    assert.equal(await second.figure('members.admitted'), '1');
    const today = await q.evaluate(() => new Date().toLocaleDateString('sv'));
    await second.addRole({ member: 'Nguyễn Thị Hoa', role: 'Ủy viên Ban Chấp hành', from: today });
    await second.goTo('Số liệu');
    assert.equal(await second.figure('cadres.trained.digital_transformation'), '1/1 = 100%');

    // Her page leads to her time in the first chapter.
    await second.goTo('Hội viên');
    await q.locator('.member-row', { hasText: 'Nguyễn Thị Hoa' }).click();
    await q.getByRole('link', { name: 'Quá trình chuyển sinh hoạt' }).click();
    const before = q.locator('section.history');
    await before.getByText('Chuyển đến từ Chi hội Thôn Đông, Hội LHPN xã An Bình', { exact: false }).waitFor();
    await before.getByText('Chi hội phó', { exact: false }).waitFor();
    await before.getByText('đã dự 1 lớp tập huấn (chuyển đổi số)').waitFor();
  } finally {
    await first.close();
    await second.close();
  }
});
