// End to end: a chapter sends its report up, the commune office imports it
// in its own browser profile and sees the chapter's figures in its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servedApp } from './fixtures/env.mjs';
import { newPhone } from './fixtures/app.mjs';

const env = servedApp();
const MEMBERS = [
  { name: 'Nguyễn Thị Hoa', phone: '0912345678', birthYear: 1985 },
  { name: 'Lò Thị Ánh', phone: '0987654321' },
  { name: 'Trần Thị Bình' },
];

test('a chapter report reaches the commune without any personal data', async () => {
  const chapter = await newPhone(env.browser, env.server.url);
  await chapter.setUp({ unit: 'Chi hội Thôn Đông', commune: 'Hội LHPN xã An Bình' });
  for (const member of MEMBERS) await chapter.addMember(member);
  await chapter.page.goto(`${env.server.url}#/bao-cao`);
  const [download] = await Promise.all([
    chapter.page.waitForEvent('download'),
    chapter.page.getByRole('button', { name: 'Gửi báo cáo lên cấp trên' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^bao-cao_chi-hoi-thon-dong_\d{4}_\d{4}-\d{2}-\d{2}\.json$/);
  const path = await download.path();
  const text = await readFile(path, 'utf8');
  for (const personal of ['Nguyễn Thị Hoa', 'Lò Thị Ánh', 'Trần Thị Bình', '0912345678', '0912 345 678', '0987 654 321', 'Hoa']) {
    assert.equal(text.includes(personal), false, `the report holds «${personal}»`);
  }

  const commune = await newPhone(env.browser, env.server.url);
  const p = commune.page;
  await p.getByLabel('Tên đơn vị của bạn', { exact: true }).fill('Hội LHPN xã An Bình');
  await p.getByLabel('Loại đơn vị', { exact: true }).fill('Hội LHPN cấp xã');
  await p.getByRole('button', { name: 'Bắt đầu' }).click();
  await commune.goTo('Sao lưu');
  await commune.pickFile('Chọn tệp để nhập', path);
  await p.getByText('Báo cáo của Chi hội Thôn Đông', { exact: false }).waitFor();
  await p.getByText('«Chi hội Thôn Đông» là đơn vị mới trên máy này, sẽ được xếp dưới «Hội LHPN xã An Bình».').waitFor();
  assert.deepEqual((await commune.previewCounts())['Báo cáo của đơn vị'], { 'mới': 1 });
  // Nothing taken until she says so, and the preview says it as such.
  await p.getByText('Chưa nhập: sổ trên máy chưa thay đổi gì.', { exact: false }).waitFor();
  await commune.takeIn(p.locator('.received-row.sent').first());
  await commune.goTo('Số liệu');
  assert.equal(await commune.figure('members.end'), '3', "the commune's figure adds up its chapter's");

  // The same report again changes nothing.
  await commune.goTo('Sao lưu');
  await commune.pickFile('Chọn tệp để nhập', path);
  await p.getByText('Tệp này không có gì mới').waitFor();
  await chapter.close();
  await commune.close();
});

/** A chapter's phone with members, and the report file it sends up. */
async function chapterReport(unit, names) {
  const phone = await newPhone(env.browser, env.server.url);
  await phone.setUp({ unit, commune: 'Hội LHPN xã An Bình' });
  for (const name of names) await phone.addMember({ name });
  await phone.page.goto(`${env.server.url}#/bao-cao`);
  const [download] = await Promise.all([
    phone.page.waitForEvent('download'),
    phone.page.getByRole('button', { name: 'Gửi báo cáo lên cấp trên' }).click(),
  ]);
  // Kept apart: closing the profile removes its downloads.
  const path = join(await mkdtemp(join(tmpdir(), 'so-tay-')), download.suggestedFilename());
  await download.saveAs(path);
  await phone.close();
  return path;
}

test('the commune compares its chapters, the silent one marked', async () => {
  const east = await chapterReport('Chi hội Thôn Đông', ['Nguyễn Thị Hoa', 'Lò Thị Ánh', 'Trần Thị Bình']);
  const west = await chapterReport('Chi hội Thôn Tây', ['Phan Thị Mơ', 'Vũ Thị Na']);

  const commune = await newPhone(env.browser, env.server.url);
  const p = commune.page;
  await p.getByLabel('Tên đơn vị của bạn', { exact: true }).fill('Hội LHPN xã An Bình');
  await p.getByRole('button', { name: 'Bắt đầu' }).click();
  await commune.goTo('Đơn vị');
  await p.getByLabel('Tên đơn vị', { exact: true }).last().fill('Chi hội Thôn Bắc');
  await p.getByRole('button', { name: 'Thêm đơn vị cấp dưới' }).click();
  await p.getByText('Chi hội Thôn Bắc (Chi hội)').waitFor();
  // Both files at once: a preview for each, then all applied together.
  await commune.goTo('Sao lưu');
  await commune.pickFile('Chọn tệp để nhập', [west, east]);
  await p.getByText('Báo cáo của Chi hội Thôn Tây', { exact: false }).waitFor();
  await p.getByText('Báo cáo của Chi hội Thôn Đông', { exact: false }).waitFor();
  assert.equal(await p.locator('.preview').count(), 2);
  // The office stays on its home, where who has sent shows.
  await commune.takeIn(p.locator('.received-row.sent', { hasText: 'Chi hội Thôn Tây' }));
  await p.locator('.received-row.missing', { hasText: 'Chi hội Thôn Bắc' }).waitFor();

  await commune.goTo('Số liệu');
  await p.getByRole('link', { name: 'So sánh các đơn vị cấp dưới' }).click();
  const rows = p.locator('.compare-table tbody tr');
  await rows.first().waitFor();
  const table = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].slice(0, 3).map((c) => c.textContent)));
  assert.deepEqual(table, [
    ['1', 'Chi hội Thôn Đông', '3'],
    ['2', 'Chi hội Thôn Tây', '2'],
    ['', 'Chi hội Thôn Bắc', 'Chưa báo cáo'],
  ]);
  assert.equal(await p.locator('.compare-table tr.missing').count(), 1);
  assert.equal(await p.locator('.compare-table tfoot td').nth(1).textContent(), '5');
  await p.getByText('1 đơn vị chưa báo cáo kỳ này.').waitFor();
  assert.equal(await p.locator('.bars rect').count(), 3);

  const [download] = await Promise.all([
    p.waitForEvent('download'),
    p.getByRole('button', { name: 'Tải bảng tính (mở bằng Excel)' }).click(),
  ]);
  const csv = await readFile(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeff"Hội LHPN xã An Bình"'));
  assert.ok(csv.includes('"Chi hội Thôn Bắc","chưa báo cáo"'));

  // The .xlsx comes from a worker started now; its text is read back as Excel would.
  const [workbook] = await Promise.all([
    p.waitForEvent('download'),
    p.getByRole('button', { name: 'Tải tệp Excel' }).click(),
  ]);
  assert.match(workbook.suggestedFilename(), /^so-sanh_hoi-lhpn-xa-an-binh_\d{4}\.xlsx$/);
  const xlsx = await workbook.path();
  const strings = execFileSync('python3', ['-c',
    'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("xl/sharedStrings.xml").decode())', xlsx]).toString();
  for (const text of ['Chi hội Thôn Đông', 'Chi hội Thôn Bắc', 'chưa báo cáo', 'Tổng', 'Hội viên cuối kỳ']) {
    assert.ok(strings.includes(text), `the workbook holds «${text}»`);
  }
  await commune.close();
});

test("the sample cluster's review shows the article's figures", async () => {
  const office = await newPhone(env.browser, env.server.url);
  const p = office.page;
  await p.getByRole('button', { name: 'Xem mẫu cụm thi đua' }).click();
  await p.getByText('Dữ liệu mẫu: cụm thi đua năm 2023.', { exact: false }).waitFor();
  // An office opens on the reports of its units.
  await p.getByRole('heading', { name: 'Báo cáo các đơn vị gửi lên' }).waitFor();
  await p.getByRole('heading', { name: 'Đã nhận 9/9 báo cáo năm 2023' }).waitFor();
  await office.goTo('So sánh');
  await p.locator('.compare-table tbody tr').first().waitFor();
  await p.getByText(/^Chỉ tiêu so sánh/).click();
  await p.getByLabel('Lớp tập huấn ứng dụng công nghệ thông tin', { exact: true }).check();
  await p.getByLabel('Lượt dự tập huấn ứng dụng công nghệ thông tin', { exact: true }).check();
  await p.getByRole('button', { name: 'Lớp tập huấn ứng dụng công nghệ thông tin' }).click();
  const first = await p.locator('.compare-table tbody tr').first().evaluate((tr) => [...tr.children].map((c) => c.textContent));
  assert.equal(first[1], 'Hội LHPN tỉnh Bắc Ninh');
  assert.deepEqual(first.slice(-2), ['124', '18.230'], '124 sessions for 18.230 cadres');
  await p.getByRole('button', { name: 'Cán bộ đã được tập huấn chuyển đổi số' }).click();
  const top = await p.locator('.compare-table tbody tr').evaluateAll((trs) => trs.slice(0, 2).map((tr) => [tr.children[0].textContent, tr.children[1].textContent]));
  assert.deepEqual(top, [['1', 'Hội LHPN tỉnh Hà Nam'], ['1', 'Hội LHPN tỉnh Quảng Ninh']], '100% of cadres trained');

  // Below Ninh Bình, one commune's chapters; Thôn Đông is the sample chapter in full.
  await p.getByLabel('Các đơn vị dưới').selectOption({ label: '— — Hội LHPN xã An Bình' });
  const east = p.locator('.compare-table tbody tr', { hasText: 'Chi hội Thôn Đông' });
  await east.waitFor();
  const headers = await p.locator('.compare-table thead th').allTextContents();
  const cells = await east.evaluate((tr) => [...tr.children].map((c) => c.textContent));
  const held = Number(cells[headers.indexOf('Lớp tập huấn trong kỳ')]);
  assert.ok(held > 0, `Thôn Đông held ${held} training sessions in 2023`);
  assert.equal(await p.locator('.compare-table tbody tr').count(), 3);

  // At 360 px the unit's column stays while the figures scroll, its names whole.
  const wrap = p.locator('.table-wrap');
  const unitCell = p.locator('.compare-table tbody th[scope="row"]').first();
  const before = await unitCell.boundingBox();
  await wrap.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
  assert.ok(await wrap.evaluate((el) => el.scrollLeft > 0), 'the figures scroll sideways');
  assert.deepEqual(await unitCell.boundingBox(), before, 'the unit column stays');
  const names = p.locator('.compare-table tbody th[scope="row"]');
  for (const cut of await names.evaluateAll((ths) => ths.filter((th) => th.scrollWidth > th.clientWidth).map((th) => th.textContent))) {
    assert.fail(`«${cut}» is cut`);
  }
  const choice = await p.getByLabel('Các đơn vị dưới').boundingBox();
  assert.ok(choice.width >= 300, `the unit choice spans the screen (${choice.width} px)`);
  await office.close();
});

test('a plan goes down, the chapter scores herself, and the commune grades her', async () => {
  const commune = await newPhone(env.browser, env.server.url);
  const c = commune.page;
  await c.getByLabel('Tên đơn vị của bạn', { exact: true }).fill('Hội LHPN xã An Bình');
  await c.getByRole('button', { name: 'Bắt đầu' }).click();
  await commune.goTo('Đơn vị');
  await c.getByLabel('Tên đơn vị', { exact: true }).last().fill('Chi hội Thôn Bắc');
  await c.getByRole('button', { name: 'Thêm đơn vị cấp dưới' }).click();
  await c.goto(`${env.server.url}#/ke-hoach`);
  await c.getByLabel('Hội viên cuối kỳ', { exact: true }).fill('4');
  await c.getByLabel('Hội viên cuối kỳ', { exact: true }).blur();
  await c.getByLabel('Tên đợt thi đua').fill('Xây dựng cơ sở Hội vững mạnh');
  await c.getByLabel('Nội dung', { exact: true }).fill('Phát triển hội viên');
  await c.getByLabel('Nội dung', { exact: true }).blur();
  await c.getByLabel('Đo bằng').selectOption({ label: 'Hội viên cuối kỳ' });
  await c.getByLabel('Chỉ tiêu cần đạt (số, hoặc % với tỷ lệ)').fill('4');
  await c.getByLabel('Chỉ tiêu cần đạt (số, hoặc % với tỷ lệ)').blur();
  await c.getByRole('button', { name: 'Thêm tiêu chí' }).click();
  await c.getByLabel('Nội dung', { exact: true }).nth(1).fill('Tổ chức phong trào');
  await c.getByLabel('Nội dung', { exact: true }).nth(1).blur();
  await c.getByRole('button', { name: 'Lưu đợt thi đua' }).click();
  await c.getByRole('heading', { name: /^Xây dựng cơ sở Hội vững mạnh/ }).waitFor();
  const [planDownload] = await Promise.all([
    c.waitForEvent('download'),
    c.getByRole('button', { name: 'Gửi kế hoạch' }).click(),
  ]);
  const plan = join(await mkdtemp(join(tmpdir(), 'so-tay-')), planDownload.suggestedFilename());
  await planDownload.saveAs(plan);
  assert.match(planDownload.suggestedFilename(), /^ke-hoach_hoi-lhpn-xa-an-binh_\d{4}-\d{2}-\d{2}\.json$/);

  // The chapter typed the commune's name at set-up; the plan puts her under its real id.
  const chapter = await newPhone(env.browser, env.server.url);
  const p = chapter.page;
  await chapter.setUp({ unit: 'Chi hội Thôn Bắc', commune: 'Hội LHPN xã An Bình' });
  for (const name of ['Nguyễn Thị Hoa', 'Lò Thị Ánh']) await chapter.addMember({ name });
  await chapter.goTo('Sao lưu');
  await chapter.pickFile('Chọn tệp để nhập', plan);
  await p.getByText('«Chi hội Thôn Bắc» sẽ được xếp dưới «Hội LHPN xã An Bình» theo kế hoạch này, thay cho «Hội LHPN xã An Bình» đã ghi lúc thiết lập.').waitFor();
  await chapter.takeIn(p.getByRole('heading', { name: 'Kế hoạch, thi đua' }));
  await chapter.goTo('Số liệu');
  await chapter.figure('members.end');
  assert.match(await p.locator('.figure[data-code="members.end"] .figure-target').innerText(), /^Chỉ tiêu 4: đạt 50%$/, "the commune's target");
  await p.getByRole('link', { name: 'Kế hoạch, thi đua' }).click();
  await p.getByRole('heading', { name: /^Xây dựng cơ sở Hội vững mạnh/ }).waitFor();
  await p.getByLabel('Điểm tự chấm').fill('7');
  await p.getByLabel('Điểm tự chấm').blur();
  await p.getByText('Tổng 12 / 20 điểm: Trung bình').waitFor();

  // Her report carries the score up; the commune grades and ranks her.
  await p.goto(`${env.server.url}#/bao-cao`);
  const [reportDownload] = await Promise.all([
    p.waitForEvent('download'),
    p.getByRole('button', { name: 'Gửi báo cáo lên cấp trên' }).click(),
  ]);
  const report = join(await mkdtemp(join(tmpdir(), 'so-tay-')), reportDownload.suggestedFilename());
  await reportDownload.saveAs(report);
  await c.goto(`${env.server.url}#/sao-luu`);
  await commune.pickFile('Chọn tệp để nhập', report);
  await commune.takeIn(c.locator('.received-row.sent', { hasText: 'Chi hội Thôn Bắc' }));
  await c.goto(`${env.server.url}#/ke-hoach`);
  const row = c.locator('.compare-table tbody tr', { hasText: 'Chi hội Thôn Bắc' });
  await row.waitFor();
  assert.deepEqual(await row.evaluate((tr) => [...tr.children].map((td) => td.textContent)),
    ['1', 'Chi hội Thôn Bắc', '12', 'Trung bình', '5', '7']);
  assert.equal(await c.locator('.compare-table tbody tr').count(), 1, 'the unit listed by hand became the chapter itself');
  await chapter.close();
  await commune.close();
});

/** Clicks a button that produces a file and keeps the file. */
async function saved(page, button) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const path = join(await mkdtemp(join(tmpdir(), 'so-tay-')), download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

/** A phone set up for an office: its name only. */
async function office(name) {
  const phone = await newPhone(env.browser, env.server.url);
  await phone.page.getByLabel('Tên đơn vị của bạn', { exact: true }).fill(name);
  await phone.page.getByLabel('Loại đơn vị', { exact: true }).fill('Hội LHPN');
  await phone.page.getByRole('button', { name: 'Bắt đầu' }).click();
  await phone.page.locator('.app-title').getByText(name).waitFor();
  return phone;
}

/** Imports files on a phone, applies them and waits for the page it lands
 * on: for reports, an office's home with the units that sent them. */
async function importFiles(phone, files, landing = phone.page.locator('.received-row.sent').first()) {
  await phone.page.goto(`${env.server.url}#/sao-luu`);
  await phone.pickFile('Chọn tệp để nhập', files);
  await phone.takeIn(landing);
}

async function compareTable(phone) {
  await phone.page.goto(`${env.server.url}#/so-sanh`);
  await phone.page.locator('.compare-table tbody tr').first().waitFor();
  return phone.page.locator('.compare-table tr').evaluateAll((trs) => trs.map((tr) => tr.textContent));
}

/** Figures the province must find equal to the chapters' own, added up. */
const SUMMED = ['members.end', 'trainings.held', 'trainings.attendances', 'fees.paid'];

/** Adds two figures as the dashboard shows them: counts, or rates as "a/b = p%". */
function sum(a, b) {
  const parts = (text) => text.split(' = ')[0].split('/').map((n) => Number(n.replaceAll('.', '')));
  const [[an, ad], [bn, bd]] = [parts(a), parts(b)];
  if (ad === undefined) return String(an + bn);
  const percent = (Math.round((1000 * (an + bn)) / (ad + bd)) / 10).toString().replace('.', ',');
  return `${an + bn}/${ad + bd} = ${percent}%`;
}

/** A chapter's year of work in small: one training session that all her
 * members and two guests attended, and the first member's fee paid. */
async function recordWork(phone, names) {
  const p = phone.page;
  const jan1 = await p.evaluate(() => `${new Date().getFullYear()}-01-01`);
  await phone.openWork('Tập huấn');
  await p.getByRole('link', { name: 'Thêm lớp tập huấn' }).click();
  await p.getByLabel('Tên lớp', { exact: true }).fill('Tập huấn chuyển đổi số');
  await p.getByLabel('Chuyển đổi số', { exact: true }).check();
  await p.getByLabel('Ngày bắt đầu', { exact: true }).fill(jan1);
  await phone.pickMembers('Người dự trong sổ', names);
  await p.getByLabel('Số người dự không có trong sổ').fill('2');
  await p.getByLabel('Số người dự không có trong sổ').blur();
  await p.getByRole('button', { name: 'Lưu' }).click();
  await p.locator('.member-row', { hasText: 'Tập huấn chuyển đổi số' }).waitFor();
  await phone.openWork('Hội phí');
  await p.getByLabel('Mức hội phí cả năm (đồng)').fill('12000');
  await p.getByLabel('Mức hội phí cả năm (đồng)').blur();
  await p.locator('.fee-row', { hasText: names[0] }).getByRole('checkbox').check();
  await p.getByText(/^1\/\d hội viên đang sinh hoạt đã đóng hội phí năm/).waitFor();
}

test('plan down, reports up in either order, the province adds up, no one named', async () => {
  const commune = await office('Hội LHPN xã An Bình');
  await commune.page.goto(`${env.server.url}#/ke-hoach`);
  await commune.page.getByLabel('Hội viên cuối kỳ', { exact: true }).fill('3');
  await commune.page.getByLabel('Hội viên cuối kỳ', { exact: true }).blur();
  const plan = await saved(commune.page, 'Gửi kế hoạch');
  const before = (await commune.makeBackup()).path;

  const chapters = [
    ['Chi hội Thôn Đông', [{ name: 'Nguyễn Thị Hoa', phone: '0912345678' }, { name: 'Lò Thị Ánh' }, { name: 'Trần Thị Bình' }]],
    ['Chi hội Thôn Tây', [{ name: 'Phan Thị Mơ', phone: '0987000111' }, { name: 'Vũ Thị Na' }]],
  ];
  const reports = [];
  const own = [];
  for (const [unit, members] of chapters) {
    const chapter = await newPhone(env.browser, env.server.url);
    await chapter.setUp({ unit, commune: 'Hội LHPN xã An Bình' });
    await importFiles(chapter, [plan], chapter.page.getByText('Đã nhập kế hoạch của «Hội LHPN xã An Bình»: 1 chỉ tiêu, 0 đợt thi đua mới hoặc đổi.'));
    await chapter.page.getByRole('heading', { name: 'Kế hoạch, thi đua' }).waitFor();
    await chapter.goTo('Hội viên');
    for (const member of members) await chapter.addMember(member);
    await recordWork(chapter, members.map((m) => m.name));
    await chapter.goTo('Số liệu');
    const figures = {};
    for (const code of SUMMED) figures[code] = await chapter.figure(code);
    own.push(figures);
    assert.match(await chapter.page.locator('.figure[data-code="members.end"] .figure-target').innerText(), /^Chỉ tiêu 3:/);
    await chapter.page.goto(`${env.server.url}#/bao-cao`);
    const report = await saved(chapter.page, 'Gửi báo cáo lên cấp trên');
    const text = await readFile(report, 'utf8');
    for (const member of members) {
      // Phones are kept grouped as she reads them («0912 345 678»).
      const grouped = member.phone?.replace(/^(\d{4})(\d{3})(\d{3})$/, '$1 $2 $3');
      for (const personal of [member.name, grouped].filter(Boolean)) {
        assert.equal(text.includes(personal), false, `${unit}'s report holds «${personal}»`);
      }
    }
    reports.push(report);
    await chapter.close();
  }

  // The same commune, restored on a second phone, takes the reports in the other order.
  await importFiles(commune, reports);
  const table = await compareTable(commune);
  const twin = await newPhone(env.browser, env.server.url);
  await twin.page.getByRole('link', { name: 'Khôi phục từ tệp sao lưu' }).click();
  await twin.pickFile('Chọn tệp sao lưu', before);
  await twin.takeIn(twin.page.getByRole('heading', { name: 'Báo cáo các đơn vị gửi lên' }));
  await importFiles(twin, [...reports].reverse());
  assert.deepEqual(await compareTable(twin), table, 'the same table whatever the order');
  await twin.close();

  // The commune sends its own report up; the province adds it up.
  await commune.page.goto(`${env.server.url}#/bao-cao`);
  const communeReport = await saved(commune.page, 'Gửi báo cáo lên cấp trên');
  const province = await office('Hội LHPN tỉnh Ninh Bình');
  await importFiles(province, [communeReport]);
  await province.goTo('Số liệu');
  for (const code of SUMMED) {
    const [east, west] = own.map((figures) => figures[code]);
    assert.equal(await province.figure(code), sum(east, west), `${code}: the sum of the chapters' own dashboards, ${east} and ${west}`);
  }
  const provinceTable = await compareTable(province);
  assert.ok(provinceTable.some((row) => row.includes('Hội LHPN xã An Bình')));
  const text = await readFile(communeReport, 'utf8');
  for (const name of ['Nguyễn Thị Hoa', 'Phan Thị Mơ', '0912 345 678', '0987 000 111']) {
    assert.equal(text.includes(name), false, `the commune's report holds «${name}»`);
  }
  await commune.close();
  await province.close();
});
