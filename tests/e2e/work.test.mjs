// End to end: the chapter's work recorded through its forms, the dashboard
// following every edit, and the report printed and exported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { servedApp } from './fixtures/env.mjs';
import { newPhone } from './fixtures/app.mjs';

const env = servedApp();

/** A set-up phone with three members, on 1 January of this year or later. */
async function chapter() {
  const phone = await newPhone(env.browser, env.server.url);
  await phone.setUp({ unit: 'Chi hội Thôn Đông', commune: 'Hội LHPN xã An Bình' });
  for (const name of ['Nguyễn Thị Hoa', 'Lò Thị Ánh', 'Trần Thị Bình']) await phone.addMember({ name });
  const jan1 = await phone.page.evaluate(() => `${new Date().getFullYear()}-01-01`);
  return { phone, p: phone.page, jan1 };
}

test("a new chapter's figures read at a glance: headlines first, no «0/0», yes and no in words", async () => {
  const { phone, p } = await chapter();
  await phone.goTo('Số liệu');
  // One prompt for the area's counts, a target for a thumb.
  const prompt = p.getByRole('link', { name: 'Nhập số liệu' });
  assert.ok((await prompt.boundingBox()).height >= 48);
  // Every group folded to its title and headline figure, the year's
  // grading among them.
  const groups = p.locator('details.figures');
  assert.equal(await groups.count(), 8);
  assert.equal(await p.locator('details.figures[open]').count(), 0);
  assert.match(await groups.first().locator('summary').innerText(), /^Hội viên\s+3$/);
  assert.equal(await phone.figure('online_group'), 'Không');
  for (const group of await groups.all()) {
    if (!await group.evaluate((details) => details.open)) await group.locator(':scope > summary').click();
  }
  await p.locator('details.figures[open] .figure').first().waitFor();
  const shown = await p.locator('.figure-value').allTextContents();
  assert.ok(shown.length > 8, 'the open groups draw their figures');
  assert.ok(shown.every((v) => !v.includes('/0')), `no rate over nothing: ${shown}`);
  // The report: rows without figures folded under one line.
  await p.getByRole('link', { name: 'Xem bảng báo cáo, in, tải bảng tính' }).click();
  const cells = await p.locator('.report-table td').allTextContents();
  assert.ok(cells.every((v) => !v.includes('/0')), 'no «0/0» in the report');
  await p.getByText(/^\d+ chỉ tiêu chưa có số liệu$/).waitFor();
  await phone.close();
});

test('cadres and training sessions: created, edited, deleted, and counted', async () => {
  const { phone, p, jan1 } = await chapter();
  await phone.goTo('Số liệu');
  assert.equal(await phone.figure('members.end'), '3');
  assert.equal(await phone.figure('cadres.end'), '0');

  await phone.addRole({ member: 'Lò Thị Ánh', role: 'Chi hội trưởng', from: jan1 });

  await phone.openWork('Tập huấn');
  await p.getByRole('link', { name: 'Thêm lớp tập huấn' }).click();
  await p.getByRole('button', { name: 'Lưu' }).click();
  const problems = p.getByRole('alert');
  await problems.waitFor();
  assert.match(await problems.innerText(), /Tên lớp: không được để trống/);
  assert.match(await problems.innerText(), /Chủ đề: cần chọn ít nhất một mục/);
  await p.getByLabel('Tên lớp', { exact: true }).fill('Tập huấn chuyển đổi số');
  await p.getByLabel('Tên lớp', { exact: true }).blur();
  await p.getByLabel('Chuyển đổi số', { exact: true }).check();
  await p.getByLabel('Ngày bắt đầu', { exact: true }).fill(jan1);
  await phone.pickMembers('Người dự trong sổ', ['Lò Thị Ánh']);
  await p.getByLabel('Số người dự không có trong sổ').fill('5');
  await p.getByLabel('Số người dự không có trong sổ').blur();
  await p.getByRole('button', { name: 'Lưu' }).click();
  await p.locator('.member-row', { hasText: 'Tập huấn chuyển đổi số' }).waitFor();

  await phone.goTo('Số liệu');
  assert.equal(await phone.figure('cadres.end'), '1');
  assert.equal(await phone.figure('cadres.trained.digital_transformation'), '1/1 = 100%');
  assert.equal(await phone.figure('trainings.held'), '1');
  assert.equal(await phone.figure('trainings.attendances'), '6');

  // An edit is saved as the field is left, and the dashboard follows.
  await phone.openWork('Tập huấn');
  await p.locator('.member-row', { hasText: 'Tập huấn chuyển đổi số' }).click();
  await p.getByLabel('Số người dự không có trong sổ').fill('9');
  await p.getByLabel('Số người dự không có trong sổ').blur();
  await p.getByText('Đã lưu vào máy.').waitFor();
  await phone.goTo('Số liệu');
  assert.equal(await phone.figure('trainings.attendances'), '10');

  // Deleting keeps a tombstone that can be restored.
  await phone.openWork('Tập huấn');
  await p.locator('.member-row', { hasText: 'Tập huấn chuyển đổi số' }).click();
  await p.getByRole('button', { name: 'Xoá…' }).click();
  await p.getByRole('button', { name: 'Xoá', exact: true }).click();
  await p.getByText('Đã xoá', { exact: true }).click();
  await phone.goTo('Số liệu');
  assert.equal(await phone.figure('trainings.held'), '0');
  await phone.openWork('Tập huấn');
  await p.getByText('Đã xoá', { exact: true }).click();
  await p.locator('.deleted .member-row', { hasText: 'Tập huấn chuyển đổi số' }).click();
  await p.getByRole('button', { name: 'Khôi phục' }).click();
  await phone.goTo('Số liệu');
  assert.equal(await phone.figure('trainings.held'), '1');
  await phone.close();
});

test("on a model's page, a stage chosen and a session typed in are kept when she leaves", async () => {
  const { phone, p } = await chapter();
  await phone.openWork('Mô hình');
  await p.getByRole('link', { name: 'Thêm mô hình' }).click();
  await p.getByLabel('Mô hình', { exact: true }).selectOption({ label: '3 có, 3 biết' });
  await p.getByRole('button', { name: 'Lưu' }).click();
  await p.locator('.member-row', { hasText: 'Dự kiến từ' }).waitFor();
  await p.locator('.member-row', { hasText: 'Dự kiến từ' }).click();
  // No «Ghi» to remember for the stage; the session is typed and not added.
  await p.getByLabel('Giai đoạn hiện nay', { exact: true }).selectOption({ label: 'Thí điểm' });
  await p.getByLabel('Số người dự', { exact: true }).fill('14');
  await p.getByLabel('Số người dự', { exact: true }).blur();
  await p.getByRole('link', { name: 'Về danh sách' }).click();
  const row = p.locator('.member-row', { hasText: 'Thí điểm từ' });
  await row.waitFor();
  await row.click();
  await p.getByText(/: 14 người/).waitFor();
  await phone.close();
});

test('models, meetings, fees and the numbers entered by hand reach the dashboard', async () => {
  const { phone, p, jan1 } = await chapter();

  await phone.openWork('Mô hình');
  await p.getByRole('link', { name: 'Thêm mô hình' }).click();
  await p.getByLabel('Mô hình', { exact: true }).selectOption({ label: '1+1' });
  // A stage chosen is recorded: no other button to remember.
  await p.getByLabel('Giai đoạn hiện nay', { exact: true }).selectOption({ label: 'Ra mắt' });
  await phone.pickMembers('Hội viên tham gia', ['Nguyễn Thị Hoa', 'Trần Thị Bình']);
  await p.getByRole('button', { name: 'Lưu' }).click();
  await p.locator('.member-row', { hasText: '1+1' }).waitFor();
  assert.match(await p.locator('.member-row', { hasText: '1+1' }).innerText(), /Ra mắt từ/);

  await phone.openWork('Sinh hoạt');
  await p.getByRole('link', { name: 'Thêm buổi sinh hoạt, hoạt động' }).click();
  await p.getByLabel('Ngày', { exact: true }).fill(jan1);
  await p.getByLabel('Số người khác (hoặc tổng số nếu không điểm danh)').fill('20');
  await p.getByLabel('Số người khác (hoặc tổng số nếu không điểm danh)').blur();
  await p.getByRole('button', { name: 'Lưu' }).click();
  await p.locator('.member-row', { hasText: 'Sinh hoạt định kỳ' }).waitFor();

  await phone.openWork('Hội phí');
  // Money groups in thousands as she types it, and a digit typed in the
  // middle stays where she put it.
  const rate = p.getByLabel('Mức hội phí cả năm (đồng)');
  await rate.fill('');
  await rate.pressSequentially('1200');
  assert.equal(await rate.inputValue(), '1.200');
  await rate.press('End');
  await rate.press('ArrowLeft');
  await rate.press('ArrowLeft');
  await rate.pressSequentially('0');
  assert.equal(await rate.inputValue(), '12.000');
  assert.equal(await rate.evaluate((el) => el.selectionStart), 4, 'the caret after the digit typed');
  await rate.blur();
  await p.locator('.fee-row', { hasText: 'Trần Thị Bình' }).getByRole('checkbox').check();
  await p.locator('.fee-row', { hasText: 'Lò Thị Ánh' }).getByRole('checkbox').check();
  await p.getByText(/^2\/3 hội viên đang sinh hoạt đã đóng hội phí năm \d+, tổng 24.000 đ\.$/).waitFor();
  await p.locator('.fee-row', { hasText: 'Trần Thị Bình' }).getByRole('checkbox').uncheck();
  await p.getByText(/^1\/3 hội viên đang sinh hoạt đã đóng hội phí năm \d+, tổng 12.000 đ\.$/).waitFor();

  // A women's group, and a member put in it from her page.
  await phone.openWork('Cán bộ');
  await p.getByLabel('Tên tổ mới').fill('Tổ phụ nữ số 1');
  await p.getByRole('button', { name: 'Thêm tổ' }).click();
  await p.getByText('Tổ phụ nữ số 1: 0 hội viên').waitFor();
  await phone.goTo('Hội viên');
  await p.locator('.member-row', { hasText: 'Lò Thị Ánh' }).click();
  await p.getByLabel('Tổ phụ nữ', { exact: true }).selectOption({ label: 'Tổ phụ nữ số 1' });
  await p.getByText('Đã lưu vào máy.').waitFor();
  await phone.openWork('Cán bộ');
  await p.getByText('Tổ phụ nữ số 1: 1 hội viên').waitFor();

  await phone.openWork('Số phụ nữ, chỉ tiêu');
  await p.getByLabel('Phụ nữ từ 18 tuổi trở lên').fill('10');
  await p.getByLabel('Phụ nữ từ 18 tuổi trở lên').blur();
  await p.getByLabel('Hội viên cuối kỳ').fill('5');
  await p.getByLabel('Hội viên cuối kỳ').blur();

  await phone.goTo('Số liệu');
  assert.equal(await phone.figure('models.launched'), '1');
  assert.equal(await phone.figure('models.participants'), '2');
  assert.equal(await phone.figure('meetings.held'), '1');
  assert.equal(await phone.figure('meetings.attendance'), '20');
  assert.equal(await phone.figure('fees.collected'), '12.000 đ');
  assert.equal(await phone.figure('fees.paid'), '1/3 = 33,3%');
  assert.equal(await phone.figure('attraction.all'), '3/10 = 30%');
  await phone.figure('members.end');
  assert.match(await p.locator('.figure[data-code="members.end"] .figure-target').innerText(), /^Chỉ tiêu 5: đạt 60%$/);

  // Everything recorded travels in a backup.
  const backup = JSON.parse((await phone.makeBackup()).text);
  for (const collection of ['models', 'activities', 'fee_rates', 'denominators', 'targets', 'groups']) {
    assert.equal(backup.data[collection].length, 1, collection);
  }
  assert.deepEqual(backup.data.fees.map((f) => Boolean(f.deleted)).sort(), [false, true], 'an unticked fee is a tombstone');
  await phone.close();
});

test('roles, models and activities open for editing, delete and come back', async () => {
  const { phone, p, jan1 } = await chapter();
  const records = [
    ['Cán bộ', 'Thêm chức vụ cán bộ', async () => {
      await p.getByLabel('Từ ngày', { exact: true }).fill(jan1);
    }, 'Chi hội trưởng · Nguyễn Thị Hoa', async () => {
      await p.getByLabel('Chức vụ', { exact: true }).selectOption({ label: 'Chi hội phó' });
    }, 'Chi hội phó · Nguyễn Thị Hoa'],
    ['Mô hình', 'Thêm mô hình', async () => {}, 'Chi hội kiểu mẫu', async () => {
      await p.getByLabel('Mô hình', { exact: true }).selectOption({ label: '3 có, 3 biết' });
    }, '3 có, 3 biết'],
    ['Sinh hoạt', 'Thêm buổi sinh hoạt, hoạt động', async () => {
      await p.getByLabel('Ngày', { exact: true }).fill(jan1);
    }, 'Sinh hoạt định kỳ', async () => {
      await p.getByLabel('Loại', { exact: true }).selectOption({ label: 'Thăm hỏi, hỗ trợ' });
    }, 'Thăm hỏi, hỗ trợ'],
  ];
  for (const [tab, add, fill, listed, edit, edited] of records) {
    await phone.openWork(tab);
    await p.getByRole('link', { name: add }).click();
    await fill();
    await p.getByRole('button', { name: 'Lưu' }).click();
    await p.locator('.member-row', { hasText: listed }).click();
    await edit();
    await p.getByText('Đã lưu vào máy.').waitFor();
    await p.getByRole('link', { name: 'Về danh sách' }).click();
    await p.locator('.member-row', { hasText: edited }).click();
    await p.getByRole('button', { name: 'Xoá…' }).click();
    await p.getByRole('button', { name: 'Xoá', exact: true }).click();
    await p.getByText('Đã xoá', { exact: true }).click();
    await p.locator('.deleted .member-row', { hasText: edited }).click();
    await p.getByRole('button', { name: 'Khôi phục' }).click();
    await p.getByRole('link', { name: 'Về danh sách' }).click();
    await p.locator(':not(.deleted) > .member-list .member-name', { hasText: edited }).waitFor();
    assert.equal(await p.locator('.deleted').count(), 0, `${tab}: nothing left deleted`);
  }
  await phone.close();
});

test('the report prints on A4 and exports a CSV that Excel reads and that holds no formula', async () => {
  const phone = await newPhone(env.browser, env.server.url);
  const p = phone.page;
  await phone.setUp({ unit: '=HYPERLINK("http://x","Chi hội")' });
  await p.goto(`${env.server.url}#/bao-cao`);
  await p.locator('.report-table tbody tr').first().waitFor();
  const [download] = await Promise.all([
    p.waitForEvent('download'),
    p.getByRole('button', { name: 'Tải bảng tính (mở bằng Excel)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^bao-cao_hyperlink-http-x-chi-hoi_\d{4}\.csv$/);
  const bytes = await readFile(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const lines = bytes.toString('utf8').slice(1).split('\r\n');
  assert.ok(lines[0].startsWith('"\'=HYPERLINK(""http://x"",""Chi hội"")","'), `the formula is neutralised: ${lines[0]}`);
  assert.equal(lines[1], '"Mã","Chỉ tiêu","Giá trị","Tử số","Mẫu số","Chỉ tiêu đặt ra"');
  assert.equal(lines[2], '"members.end","Hội viên cuối kỳ","0","0","",""');

  await p.emulateMedia({ media: 'print' });
  assert.equal(await p.locator('.bottom-nav').isVisible(), false, 'the print hides the app around the report');
  const pdf = await p.pdf({ format: 'A4' });
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  await phone.close();
});
