// End to end: a meeting as its minutes — the roll call on one screen of
// names, fees ticked off at it, what was said and decided — printed on A4
// and sent; the women's groups in the register and side by side in the
// figures; a quiet word when the chapter has not met for three months; and
// nothing of it in the report that goes up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { servedApp } from './fixtures/env.mjs';
import { newPhone, samplePhone as openSample } from './fixtures/app.mjs';

const env = servedApp();

/** A phone with the sample chapter open at its register. */
function samplePhone() {
  return openSample(env.browser, env.server.url);
}

/** Today as the minutes write it. */
function todayVn(p) {
  return p.evaluate(() => new Date().toLocaleDateString('en-GB'));
}

test('a meeting entered at 360×740 becomes minutes she prints and sends, and none of it goes up', async () => {
  const phone = await samplePhone();
  const p = phone.page;
  await phone.openWork('Sinh hoạt');
  await p.getByRole('link', { name: 'Thêm buổi sinh hoạt, hoạt động' }).click();
  await p.getByLabel('Loại', { exact: true }).selectOption({ label: 'Sinh hoạt chuyên đề' });
  // The fourth group has not collected this year's fee yet.
  await p.getByRole('button', { name: 'Tổ phụ nữ số 4' }).click();
  // Everyone present, then one tap makes the first excused, two the second absent.
  await p.getByRole('button', { name: 'Tất cả có mặt' }).click();
  const rows = p.locator('.roll-row');
  const called = await rows.count();
  const excused = (await rows.nth(0).locator('.member-name').innerText());
  const absent = (await rows.nth(1).locator('.member-name').innerText());
  await rows.nth(0).click();
  await rows.nth(1).click();
  await rows.nth(1).click();
  assert.match(await rows.nth(0).innerText(), /Vắng có phép$/);
  assert.match(await rows.nth(1).innerText(), /Vắng$/);
  await p.getByText(`Có mặt ${called - 2} · Có phép 1 · Vắng 1 / ${called} hội viên`).waitFor();

  // The fee collected at the meeting is ticked in the fee register, on its day.
  await p.locator('.meeting-fees > summary').click();
  const unpaid = p.locator('.meeting-fees .fee-row').filter({ has: p.locator('input:not(:checked)') }).first();
  const payer = await unpaid.locator('.member-name').innerText();
  await unpaid.getByRole('checkbox').check();
  await p.getByText(/Đã thu 1 người, 12\.000 đ\./).waitFor();

  await p.getByLabel('Nội dung', { exact: true }).fill('Phổ biến cách nhận biết lừa đảo qua mạng\nBàn việc thăm hội viên ốm');
  await p.getByLabel('Kết luận, biểu quyết').fill(`Thống nhất ${called - 2}/${called - 2} thăm hội viên ốm`);
  await p.getByLabel('Giờ bắt đầu').fill('19:30');
  await p.getByLabel('Địa điểm').fill('Nhà văn hóa thôn Đông');
  const chair = await rows.nth(2).locator('.member-name').innerText();
  await p.getByLabel('Chủ trì').selectOption({ label: chair });
  // Picking in one field leaves what she typed in another, not yet left, as it was.
  assert.equal(await p.getByLabel('Địa điểm').inputValue(), 'Nhà văn hóa thôn Đông');
  await p.getByRole('button', { name: 'Lưu' }).click();
  const saved = p.locator('.member-row', { hasText: 'Sinh hoạt chuyên đề · Tổ phụ nữ số 4' }).first();
  await saved.waitFor();
  assert.match(await saved.innerText(), new RegExp(`${called - 2}/${called} có mặt`));

  await saved.click();
  await p.getByRole('link', { name: 'Xem, in biên bản' }).click();
  const paper = p.locator('article.minutes');
  await paper.waitFor();
  const text = await paper.innerText();
  const day = await todayVn(p);
  for (const line of [
    'HỘI LHPN XÃ AN BÌNH',
    'CHI HỘI THÔN ĐÔNG',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'BIÊN BẢN SINH HOẠT TỔ PHỤ NỮ SỐ 4',
    '(Sinh hoạt chuyên đề)',
    `Vào lúc 19:30 ngày ${day}, tại Nhà văn hóa thôn Đông.`,
    `Chủ trì: ${chair}`,
    `Tổng số hội viên: ${called}. Có mặt: ${called - 2}. Vắng có phép: 1. Vắng không phép: 1.`,
    `Vắng có phép: ${excused}.`,
    `Vắng không phép: ${absent}.`,
    'Bàn việc thăm hội viên ốm',
    'Thu hội phí tại buổi sinh hoạt: 1 hội viên, 12.000 đồng.',
    'THƯ KÝ',
    'CHỦ TRÌ',
  ]) {
    assert.ok(text.includes(line), `the minutes lack «${line}»:\n${text}`);
  }
  // On A4 upright, as the print dialog lays it out, kept for a look in
  // tests/e2e/output/ (docs/screenshots/minutes-a4.png is one of these).
  await mkdir('tests/e2e/output', { recursive: true });
  await p.setViewportSize({ width: 794, height: 1123 });
  await p.emulateMedia({ media: 'print' });
  assert.equal(await p.locator('.no-print').first().isVisible(), false, 'buttons stay off the paper');
  await p.screenshot({ path: 'tests/e2e/output/minutes-a4.png', fullPage: true });
  const pdf = await p.pdf({ path: 'tests/e2e/output/minutes.pdf', preferCSSPageSize: true });
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  assert.match(pdf.toString('latin1'), /MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]/, 'A4 upright');
  await p.emulateMedia({ media: 'screen' });
  await p.setViewportSize({ width: 360, height: 740 });

  // Sent as a text file (a download where the browser cannot share files).
  const [download] = await Promise.all([
    p.waitForEvent('download'),
    p.getByRole('button', { name: 'Gửi biên bản (Zalo…)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^bien-ban-sinh-hoat-to-phu-nu-so-4-chi-hoi-thon-dong-\d{4}-\d{2}-\d{2}\.txt$/);
  const sent = await readFile(await download.path(), 'utf8');
  assert.ok(sent.includes(`Vắng không phép: ${absent}.`));

  // The report that goes up holds counts, never who came or what was said.
  await phone.goTo('Số liệu');
  const [report] = await Promise.all([
    p.waitForEvent('download'),
    p.getByRole('button', { name: /^Gửi báo cáo năm \d{4}$/ }).click(),
  ]);
  const up = await readFile(await report.path(), 'utf8');
  for (const personal of [excused, absent, payer, chair, 'Nhà văn hóa', 'lừa đảo', 'Thống nhất']) {
    assert.equal(up.includes(personal), false, `the report holds «${personal}»`);
  }
  const rates = JSON.parse(up).data.reports.map((r) => r.data.values['meetings.attendance_rate']);
  assert.ok(rates.some((rate) => rate?.den > 0), 'the attendance rate goes up');
  await phone.close();
});

test("each women's group in the register and side by side in the figures", async () => {
  const phone = await samplePhone();
  const p = phone.page;
  await p.getByLabel('Tổ', { exact: true }).selectOption({ label: 'Tổ phụ nữ số 2' });
  const count = Number((await p.locator('.result-count').innerText()).match(/^(\d+) người$/)[1]);
  await phone.goTo('Số liệu');
  const card = p.locator('details.figures.groups');
  assert.match(await card.locator('summary').innerText(), /^Các tổ phụ nữ\s+4 tổ$/);
  await card.locator('summary').click();
  const heads = await card.locator('thead th').allInnerTexts();
  assert.deepEqual(heads, ['Chỉ tiêu', 'Tổ phụ nữ số 1', 'Tổ phụ nữ số 2', 'Tổ phụ nữ số 3', 'Tổ phụ nữ số 4']);
  const members = await card.locator('tbody tr', { hasText: 'Hội viên cuối kỳ' }).locator('td').allInnerTexts();
  assert.equal(Number(members[1]), count, 'the register and the figures count the group alike');
  await card.locator('tbody tr', { hasText: 'Tỷ lệ hội viên dự sinh hoạt' }).waitFor();
  await phone.close();
});

test('a chapter that has not met for three months is told so, quietly, until it meets', async () => {
  const phone = await newPhone(env.browser, env.server.url);
  const p = phone.page;
  await phone.setUp({ unit: 'Chi hội Thôn Hạ', commune: 'Hội LHPN xã Tân Lập' });
  await phone.openWork('Sinh hoạt');
  assert.equal(await p.locator('.banner.quiet').count(), 0, 'nothing to say before anyone is in the register');
  await phone.goTo('Hội viên');
  await phone.addMember({ name: 'Nguyễn Thị Hoa' });
  await phone.openWork('Sinh hoạt');
  await p.getByText('Chưa ghi buổi sinh hoạt nào của cả chi hội trong 3 tháng qua.').waitFor();
  await p.getByRole('link', { name: 'Thêm buổi sinh hoạt, hoạt động' }).click();
  await p.locator('.roll-row', { hasText: 'Nguyễn Thị Hoa' }).click();
  await p.getByRole('button', { name: 'Lưu' }).click();
  await p.locator('.member-row', { hasText: '1/1 có mặt' }).waitFor();
  assert.equal(await p.locator('.banner.quiet').count(), 0);
  await phone.close();
});
