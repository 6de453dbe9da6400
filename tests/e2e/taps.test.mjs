// End to end: what she does most often, counted in taps and held there — a
// member found by name, the report sent from the figures, an office
// receiving a report, a group's roll call recorded. Typing and the phone's
// file chooser are not taps (fixtures/app.mjs counts trusted presses).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servedApp } from './fixtures/env.mjs';
import { newPhone, samplePhone as openSample } from './fixtures/app.mjs';

const env = servedApp();

/** A phone with the sample chapter open at its register. */
function samplePhone() {
  return openSample(env.browser, env.server.url);
}

test('a member by name: two taps from the register', async () => {
  const phone = await samplePhone();
  const p = phone.page;
  const name = await p.locator('.member-name').nth(3).innerText();
  const taps = await phone.taps(async () => {
    await p.getByLabel('Tìm hội viên').click();
    await p.keyboard.type(name.split(' ').slice(-2).join(' '));
    await p.locator('.member-row', { hasText: name }).first().click();
    await p.getByRole('heading', { level: 1, name }).waitFor();
  });
  assert.equal(taps, 2);
  await phone.close();
});

test('the report from the figures to a file she can send: one tap, then where it went', async () => {
  const phone = await samplePhone();
  const p = phone.page;
  await phone.goTo('Số liệu');
  let download;
  const taps = await phone.taps(async () => {
    [download] = await Promise.all([
      p.waitForEvent('download'),
      p.getByRole('button', { name: /^Gửi báo cáo năm \d{4}$/ }).click(),
    ]);
  });
  assert.ok(taps <= 2, `${taps} taps`);
  assert.match(download.suggestedFilename(), /^bao-cao_chi-hoi-thon-dong_\d{4}_\d{4}-\d{2}-\d{2}\.json$/);
  // The note stays, and says where the file is and how to send it in Zalo.
  const note = p.locator('.sent-note');
  await note.getByText(`«${download.suggestedFilename()}» trong mục Tải xuống`, { exact: false }).waitFor();
  await note.getByText('Gửi tệp này qua Zalo:').waitFor();
  await phone.goTo('Hội viên');
  await p.locator('.member-row').first().waitFor();
  await phone.goTo('Số liệu');
  await p.locator('details.figures').first().waitFor();
  assert.equal(await p.locator('.sent-note').count(), 1, 'still there after going elsewhere');
  await note.getByRole('button', { name: 'Đóng' }).click();
  assert.equal(await p.locator('.sent-note').count(), 0);
  await phone.close();
});

test('an office receives a report in two taps and the file picked, and sees who has not sent', async () => {
  const chapter = await newPhone(env.browser, env.server.url);
  await chapter.setUp({ unit: 'Chi hội Thôn Hạ', commune: 'Hội LHPN xã Tân Lập' });
  await chapter.addMember({ name: 'Nguyễn Thị Hoa' });
  await chapter.goTo('Số liệu');
  const [download] = await Promise.all([
    chapter.page.waitForEvent('download'),
    chapter.page.getByRole('button', { name: /^Gửi báo cáo năm/ }).click(),
  ]);
  const report = join(await mkdtemp(join(tmpdir(), 'so-tay-')), download.suggestedFilename());
  await download.saveAs(report);
  await chapter.close();

  const office = await newPhone(env.browser, env.server.url);
  const p = office.page;
  await office.setUpOffice({ unit: 'Hội LHPN xã Tân Lập', above: 'Hội LHPN tỉnh Phú Thọ' });
  // Its own home, not a member register; its own tabs.
  await p.getByRole('heading', { level: 1, name: 'Báo cáo các đơn vị gửi lên' }).waitFor();
  const tabs = await p.getByRole('navigation', { name: 'Các mục chính' }).getByRole('link').allInnerTexts();
  assert.deepEqual(tabs, ['Báo cáo', 'So sánh', 'Số liệu', 'Sao lưu', 'Đơn vị']);
  await p.getByText('Chưa có đơn vị trực thuộc').waitFor();
  // A chapter known before it sends: the one to remind.
  await office.goTo('Đơn vị');
  assert.equal(await p.getByText('Chi hội có nhóm Zalo, Facebook').count(), 0, 'an office declares no group of its own');
  await p.getByLabel('Tên đơn vị', { exact: true }).last().fill('Chi hội Bến Đò');
  await p.getByRole('button', { name: 'Thêm đơn vị cấp dưới' }).click();
  await p.getByText('Chi hội Bến Đò (Chi hội)').waitFor();
  await office.goTo('Báo cáo');

  const taps = await office.taps(async () => {
    await office.chooseFile('Nhận báo cáo', report);
    await p.getByText('«Chi hội Thôn Hạ» là đơn vị mới trên máy này, sẽ được xếp dưới «Hội LHPN xã Tân Lập».').waitFor();
    await p.getByRole('button', { name: 'Nhập vào sổ' }).click();
    await p.locator('.received-row.sent', { hasText: 'Chi hội Thôn Hạ' }).waitFor();
  });
  assert.equal(taps, 2);
  await office.reopenShowsTheSame();
  const year = new Date().getFullYear();
  await p.getByRole('heading', { name: `Đã nhận 1/2 báo cáo năm ${year}` }).waitFor();
  const rows = await p.locator('.received-row').allInnerTexts();
  assert.match(rows[0], /^Chi hội Bến Đò\s+Chưa gửi báo cáo lần nào$/);
  assert.match(rows[1], /^Chi hội Thôn Hạ\s+Đã gửi ngày \d{2}\/\d{2}\/\d{4}$/);
  await office.goTo('Số liệu');
  await p.getByRole('heading', { level: 1, name: 'Số liệu tổng hợp' }).waitFor();
  assert.equal(await office.figure('members.end'), '1');
  await office.close();
});

test("a group's roll call, every name tapped, saved in at most 35 taps from the register", async () => {
  const phone = await samplePhone();
  const p = phone.page;
  let called = 0;
  const taps = await phone.taps(async () => {
    await phone.openWork('Sinh hoạt');
    await p.getByRole('link', { name: 'Thêm buổi sinh hoạt, hoạt động' }).click();
    await p.getByRole('button', { name: 'Tổ phụ nữ số 1' }).click();
    const rows = p.locator('.roll-row');
    await rows.first().waitFor();
    called = await rows.count();
    for (let i = 0; i < called; i++) await rows.nth(i).click();
    await p.getByRole('button', { name: 'Lưu' }).click();
    await p.locator('.member-row', { hasText: `${called}/${called} có mặt` }).first().waitFor();
  });
  assert.ok(called >= 28, `${called} names called`);
  // For thirty names: one more tap.
  assert.ok(taps + (30 - called) <= 35, `${taps} taps for ${called} names`);
  await phone.close();
});
