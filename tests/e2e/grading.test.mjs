// End to end, at 360×740: a member's card, the members' campaign and a
// recognition on her page, counted in the figures; the year's grading from
// the commune's sheet to each chapter's proposal, the commune's decision
// (one grade changed) and the chapter's confirmed grade, the province's
// distribution and a cluster's ranking by the share of strong chapters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servedApp } from './fixtures/env.mjs';
import { newPhone } from './fixtures/app.mjs';

const env = servedApp();
const COMMUNE = 'Hội LHPN xã An Bình';

test("a member's card, campaign year and recognition count in the figures", async () => {
  const phone = await newPhone(env.browser, env.server.url);
  const p = phone.page;
  await phone.setUp({ unit: 'Chi hội Thôn Đông', commune: COMMUNE });
  await phone.addMember({ name: 'Nguyễn Thị Hoa' });
  await phone.addMember({ name: 'Lò Thị Ánh' });
  await p.locator('.member-row', { hasText: 'Nguyễn Thị Hoa' }).click();
  await p.getByLabel('Số thẻ hội viên', { exact: true }).fill('012345');
  await p.getByLabel('Số thẻ hội viên', { exact: true }).blur();
  await p.getByLabel('Ngày cấp thẻ', { exact: true }).fill('08/03/2020');
  await p.getByLabel('Ngày cấp thẻ', { exact: true }).blur();
  await p.getByLabel('Hội viên nòng cốt', { exact: true }).check();
  const year = await p.evaluate(() => new Date().getFullYear());
  await p.getByLabel(`Đăng ký thực hiện năm ${year}`).check();
  await p.getByText('Đã đăng ký, chưa đánh giá').first().waitFor();
  const criteria = p.getByRole('group', { name: `Tiêu chí đạt năm ${year}` });
  for (const quality of ['Tri thức', 'Đạo đức', 'Sức khỏe']) await criteria.getByRole('button', { name: quality }).click();
  await p.getByText('Đạt 3/4 tiêu chí').waitFor();
  await criteria.getByRole('button', { name: 'Trách nhiệm' }).click();
  await p.getByText('Đạt cả bốn tiêu chí').waitFor();
  await p.getByRole('button', { name: 'Thêm khen thưởng, điển hình' }).click();
  await p.getByLabel('Cấp khen', { exact: true }).fill('Hội LHPN xã');
  await p.getByLabel('Thành tích', { exact: true }).fill('Gương phụ nữ vượt khó');
  await p.getByRole('button', { name: 'Lưu', exact: true }).click();
  await p.locator('.history li', { hasText: 'Điển hình' }).getByText(/Hội LHPN xã · Gương phụ nữ vượt khó$/).waitFor();
  await p.screenshot({ path: 'tests/e2e/output/member-merit.png', fullPage: true });

  // Kept across a reload, and counted: one of two holds a card.
  await phone.reload();
  await phone.goTo('Số liệu');
  assert.equal(await phone.figure('members.cards'), '1/2 = 50%');
  assert.equal(await phone.figure('members.core'), '1');
  assert.equal(await phone.figure('members.pledged'), '1');
  assert.equal(await phone.figure('members.achieved'), '1/1 = 100%');
  assert.equal(await phone.figure('members.exemplary'), '1');
  assert.deepEqual(phone.takeErrors(), []);
  await phone.close();
});

test('the commune grades three chapters, one changed; each sees hers; the province adds them up', async () => {
  const commune = await newPhone(env.browser, env.server.url);
  const c = commune.page;
  await commune.setUpOffice({ unit: COMMUNE, above: 'Hội LHPN tỉnh Ninh Bình' });
  await c.goto(`${env.server.url}#/ke-hoach`);
  // The sample sheet fills the form, labelled as a sample; this commune
  // grades on one criterion by hand instead.
  await c.getByRole('button', { name: 'Dùng bảng mẫu xếp loại chi hội' }).click();
  assert.match(await c.getByLabel('Tên đợt thi đua').inputValue(), /^Xếp loại chi hội năm \d{4} \(bảng mẫu\)$/);
  assert.equal(await c.locator('fieldset.sub').count(), 9);
  assert.ok(await c.getByLabel('Xếp loại cuối năm (chi hội và tổ phụ nữ)').isChecked());
  await c.reload();
  await c.getByLabel('Tên đợt thi đua').fill('Xếp loại chi hội');
  await c.getByLabel('Nội dung', { exact: true }).fill('Hoàn thành nhiệm vụ năm');
  await c.getByLabel('Nội dung', { exact: true }).blur();
  await c.getByLabel('Điểm tối đa').fill('100');
  await c.getByLabel('Điểm tối đa').blur();
  await c.getByLabel('Xếp loại cuối năm (chi hội và tổ phụ nữ)').check();
  await c.getByRole('button', { name: 'Lưu đợt thi đua' }).click();
  await c.getByRole('heading', { name: /^Xếp loại chi hội/ }).waitFor();
  const plan = await commune.saveFile(c.getByRole('button', { name: 'Gửi kế hoạch' }));

  // Three chapters score themselves 95, 75 and 55: strong, good, average.
  const chapters = [['Chi hội Thôn Đông', 95, 'Vững mạnh'], ['Chi hội Thôn Tây', 75, 'Khá'], ['Chi hội Thôn Bắc', 55, 'Trung bình']];
  const reports = [];
  let last;
  for (const [unit, score, grade] of chapters) {
    const chapter = await newPhone(env.browser, env.server.url);
    const p = chapter.page;
    await chapter.setUp({ unit, commune: COMMUNE });
    await chapter.addMember({ name: `Nguyễn Thị ${unit.split(' ').pop()}` });
    await importPlan(chapter, plan.path);
    await p.getByLabel('Điểm tự chấm').fill(String(score));
    await p.getByLabel('Điểm tự chấm').blur();
    await p.getByLabel('Minh chứng').fill('Báo cáo tổng kết năm');
    await p.getByLabel('Minh chứng').blur();
    await p.getByText(`Tổng ${score} / 100 điểm: ${grade}`).waitFor();
    await p.goto(`${env.server.url}#/bao-cao`);
    const report = await chapter.saveFile(p.getByRole('button', { name: 'Gửi báo cáo lên cấp trên' }));
    assert.equal(report.text.includes('Nguyễn Thị'), false, `${unit}'s report names no member`);
    assert.ok(report.text.includes('Báo cáo tổng kết năm'), 'the evidence goes up with the scores');
    reports.push(await kept(report));
    if (last) await last.close();
    last = chapter;
  }

  // The commune sees each proposal, confirms two and changes one.
  await c.goto(`${env.server.url}#/sao-luu`);
  await commune.pickFile('Chọn tệp để nhập', reports);
  await commune.takeIn(c.locator('.received-row.sent').nth(2));
  await c.goto(`${env.server.url}#/ke-hoach`);
  for (const [unit, , grade] of chapters) {
    await c.locator('.decision', { hasText: unit }).getByText(`tự xếp loại ${grade}`).waitFor();
  }
  await c.getByLabel('Xếp loại Chi hội Thôn Đông').selectOption('Vững mạnh');
  await c.getByLabel('Chi hội mẫu: Chi hội Thôn Đông').selectOption({ label: 'Chi hội mẫu' });
  await c.getByLabel('Xếp loại Chi hội Thôn Tây').selectOption('Khá');
  await c.getByLabel('Xếp loại Chi hội Thôn Bắc').selectOption('Khá');
  await c.locator('.decision', { hasText: 'Chi hội Thôn Bắc' }).getByText(/^Đã quyết định ngày \d{2}\/\d{2}\/\d{4}$/).waitFor();
  await c.screenshot({ path: 'tests/e2e/output/grading-decisions.png', fullPage: true });
  await commune.goTo('Số liệu');
  assert.equal(await commune.figure('grading.chapters.strong'), '1/3 = 33,3%');
  assert.equal(await commune.figure('grading.chapters.good'), '2/3 = 66,7%');
  assert.equal(await commune.figure('grading.model'), '1/3 = 33,3%');

  // Down in the plan: Thôn Bắc, who proposed «Trung bình», sees «Khá».
  await c.goto(`${env.server.url}#/ke-hoach`);
  const decided = await commune.saveFile(c.getByRole('button', { name: 'Gửi kế hoạch' }));
  await importPlan(last, decided.path);
  await last.page.getByText(/^Hội cấp trên xếp loại: Khá \(ngày \d{2}\/\d{2}\/\d{4}\)$/).waitFor();
  await last.goTo('Số liệu');
  assert.equal(await last.figure('grading.chapters.good'), '1/1 = 100%');
  await last.close();

  // Up to the province: the distribution, added up, with no one named.
  await c.goto(`${env.server.url}#/bao-cao`);
  const up = await commune.saveFile(c.getByRole('button', { name: 'Gửi báo cáo lên cấp trên' }));
  assert.equal(up.text.includes('Nguyễn Thị'), false);
  const province = await newPhone(env.browser, env.server.url);
  await province.setUpOffice({ unit: 'Hội LHPN tỉnh Ninh Bình' });
  await province.page.goto(`${env.server.url}#/sao-luu`);
  await province.pickFile('Chọn tệp để nhập', up.path);
  await province.takeIn(province.page.locator('.received-row.sent').first());
  await province.goTo('Số liệu');
  assert.equal(await province.figure('grading.chapters.strong'), '1/3 = 33,3%');
  assert.equal(await province.figure('grading.chapters.good'), '2/3 = 66,7%');
  for (const phone of [commune, province]) assert.deepEqual(phone.takeErrors(), []);
  await province.close();
  await commune.close();
});

test("the cluster ranks its provinces by the share of strong chapters", async () => {
  const office = await newPhone(env.browser, env.server.url);
  const p = office.page;
  await p.getByRole('button', { name: 'Xem mẫu cụm thi đua' }).click();
  await p.getByRole('heading', { name: 'Đã nhận 9/9 báo cáo năm 2023' }).waitFor();
  await office.goTo('So sánh');
  await p.locator('.compare-table tbody tr').first().waitFor();
  await p.getByText(/^Chỉ tiêu so sánh/).click();
  await p.getByLabel('Tỷ lệ chi hội vững mạnh', { exact: true }).check();
  await p.getByRole('button', { name: 'Tỷ lệ chi hội vững mạnh' }).click();
  const top = await p.locator('.compare-table tbody tr').evaluateAll((trs) => trs.slice(0, 3).map((tr) => [tr.children[0].textContent, tr.children[1].textContent]));
  // The sample gives more strong chapters where more cadres were trained.
  assert.deepEqual(top, [['1', 'Hội LHPN tỉnh Hà Nam'], ['1', 'Hội LHPN tỉnh Quảng Ninh'], ['3', 'Hội LHPN tỉnh Ninh Bình']]);
  await office.goTo('Số liệu');
  assert.match(await office.figure('grading.chapters.strong'), /^[\d.]+\/[\d.]+ = \d+(,\d)?%$/);
  assert.deepEqual(office.takeErrors(), []);
  await office.close();
});

/** A copy of a downloaded file that outlives the phone that saved it. */
async function kept(file) {
  const path = join(await mkdtemp(join(tmpdir(), 'so-tay-')), file.name);
  await copyFile(file.path, path);
  return path;
}

/** Imports a plan on a chapter's phone and opens her campaigns. */
async function importPlan(phone, path) {
  const p = phone.page;
  await p.goto(`${env.server.url}#/sao-luu`);
  await phone.pickFile('Chọn tệp để nhập', path);
  await phone.takeIn(p.getByRole('heading', { name: 'Kế hoạch, thi đua' }));
}
