// Screenshots of the release build at 360×740, as a chapter leader's phone
// shows it, into docs/screenshots/. Uses the sample chapter (120 members, a year of work).
//   node scripts/screenshots.mjs      (after `make build`; `make screenshots` does both)
import { serveDist } from '../tests/e2e/fixtures/server.mjs';
import { launchBrowser, newPhone } from '../tests/e2e/fixtures/app.mjs';
import { everyPage, openPage } from '../tests/e2e/fixtures/pages.mjs';
import { mkdirSync } from 'node:fs';

const out = 'docs/screenshots';

/** The sizes a page is looked at in, and the interface languages. */
const SIZES = [[320, 640], [360, 740], [1280, 800]];
const LANGUAGES = ['vi', 'en'];
const PAGES = [['register', '#/'], ['figures', './#/so-lieu'], ['settings', './#/cai-dat']];

/**
 * The sample chapter's register, figures and settings at every size in both
 * languages: docs/screenshots/<lang>-<width>-<page>.png.
 */
async function sizesAndLanguages(browser, url) {
  for (const lang of LANGUAGES) {
    const phone = await newPhone(browser, 'about:blank');
    const p = phone.page;
    await phone.context.addInitScript((code) => localStorage.setItem('sotay.lang', code), lang);
    await p.goto(url);
    await p.locator('.setup').waitFor();
    await p.locator('.setup button[type="button"]').first().click();
    await p.locator('.member-row').first().waitFor();
    for (const [width, height] of SIZES) {
      await p.setViewportSize({ width, height });
      for (const [name, address] of PAGES) {
        await p.goto(new URL(address, url).href);
        await p.locator('h1').first().waitFor({ state: 'attached' });
        await p.waitForTimeout(300);
        await p.screenshot({ path: `${out}/${lang}-${width}-${name}.png` });
      }
    }
    await phone.close();
  }
}
/** An office's places: its home, comparison, figures, report, plans, files, unit, settings. */
const OFFICE_PAGES = ['./#/nhan-bao-cao', './#/so-sanh', './#/so-lieu', './#/bao-cao', './#/ke-hoach', './#/sao-luu', './#/don-vi', './#/cai-dat'];

/**
 * Every place in both roles at every size, as its first screen shows it:
 * the sample chapter's every page (each record's page with its first
 * record) and the sample cluster's, an office's, into
 * docs/screenshots/roles/<role>-<width>-<place>.png.
 */
async function everyPageInBothRoles(browser, url) {
  mkdirSync(`${out}/roles`, { recursive: true });
  const roles = [['chapter', 'Xem dữ liệu mẫu', null], ['office', 'Xem mẫu cụm thi đua', OFFICE_PAGES]];
  for (const [role, button, pages] of roles) {
    const phone = await newPhone(browser, url);
    const p = phone.page;
    await p.getByRole('button', { name: button }).click();
    await p.locator('.app-title').waitFor();
    const addresses = pages ?? await everyPage(phone);
    for (const [width, height] of SIZES) {
      await p.setViewportSize({ width, height });
      for (const address of addresses) {
        await openPage(phone, address);
        await p.waitForTimeout(200);
        const place = address.replace('./#/', '').replace(/\/[0-9a-f-]{20,}$/, '/mot').replaceAll('/', '-') || 'start';
        await p.screenshot({ path: `${out}/roles/${role}-${width}-${place}.png` });
      }
    }
    await phone.close();
  }
}

/**
 * Safari on an iPhone in a tab, which deletes the book after a week: the
 * warning at set-up (steps open) and at a later start (steps a tap away).
 */
async function safari(browser, url) {
  const phone = await newPhone(browser, 'about:blank', {
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1',
    isMobile: true,
    hasTouch: true,
  });
  const p = phone.page;
  await phone.context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'standalone', { get: () => false }));
  await p.goto(url);
  await p.getByText('Safari sẽ tự xoá toàn bộ sổ', { exact: false }).waitFor();
  await p.evaluate(() => window.scrollTo(0, 0));
  await p.screenshot({ path: `${out}/safari-first-run.png`, fullPage: true });
  await phone.setUp({ unit: 'Chi hội Thôn Đông', commune: 'Hội LHPN xã An Bình' });
  await phone.addMember({ name: 'Nguyễn Thị Hoa' });
  await phone.reload();
  await p.screenshot({ path: `${out}/safari-start.png` });
  await phone.close();
}

const server = await serveDist();
const browser = await launchBrowser();
try {
  const phone = await newPhone(browser, server.url);
  const p = phone.page;
  const shot = (name, fullPage = false) => p.screenshot({ path: `${out}/${name}.png`, fullPage });
  await p.getByRole('heading', { name: 'Sổ tay Chi hội' }).waitFor();
  await shot('first-run');
  await p.getByText('Hội LHPN xã, tỉnh hoặc cụm thi đua').click();
  await shot('first-run-office');
  await p.getByText('Một chi hội', { exact: true }).click();
  await p.getByRole('button', { name: 'Xem dữ liệu mẫu' }).click();
  await p.locator('.member-row').first().waitFor();
  await shot('register');
  await p.mouse.wheel(0, 900);
  await p.waitForTimeout(300);
  await shot('register-scrolled');
  await p.evaluate(() => window.scrollTo(0, 0));
  await phone.search('thi hong');
  await p.waitForTimeout(300);
  await shot('register-search');
  await phone.search('');
  await p.locator('.member-row').nth(2).click();
  await p.getByLabel('Họ và tên', { exact: true }).waitFor();
  await shot('member', true);
  await p.getByRole('link', { name: 'Về danh sách' }).click();
  await p.getByRole('link', { name: 'Thêm hội viên' }).click();
  await p.getByRole('button', { name: 'Thêm vào sổ' }).click();
  await p.locator('.field-error').first().waitFor();
  await p.waitForTimeout(300);
  await shot('member-new-errors');
  const backup = await phone.makeBackup();
  await phone.pickFile('Chọn tệp để nhập', backup.path);
  await p.locator('.tally').waitFor();
  await shot('backup-preview', true);
  await p.getByRole('button', { name: 'Đóng' }).click();
  await shot('files', true);
  // Another phone restored from that backup; both change one member's phone:
  // the preview shows the clash with both values and the choice.
  const twin = await newPhone(browser, server.url);
  await twin.page.getByRole('link', { name: 'Khôi phục từ tệp sao lưu' }).click();
  await twin.pickFile('Chọn tệp sao lưu', backup.path);
  await twin.page.getByRole('button', { name: 'Nhập vào sổ' }).click();
  await twin.page.locator('.summary').waitFor();
  for (const [who, number] of [[phone, '0911 222 333'], [twin, '0988 777 666']]) {
    await who.goTo('Hội viên');
    await who.page.locator('.member-row').nth(2).click();
    await who.page.getByLabel('Số điện thoại', { exact: true }).fill(number);
    await who.page.getByLabel('Số điện thoại', { exact: true }).blur();
  }
  const theirs = await twin.makeBackup();
  await phone.goTo('Sao lưu');
  await phone.pickFile('Chọn tệp để nhập', theirs.path);
  await twin.close();
  await p.locator('.conflicts li').first().scrollIntoViewIfNeeded();
  await shot('conflicts');
  await p.getByRole('button', { name: 'Huỷ' }).click();
  // A backup locked with a passphrase, picked again: the passphrase asked first.
  const card = p.locator('section').filter({ has: p.getByRole('heading', { name: 'Sao lưu có mật khẩu' }) });
  await card.getByLabel('Mật khẩu cho tệp').fill('Hoa sen nở giữa đầm 2026');
  await card.getByLabel('Nhập lại mật khẩu').fill('Hoa sen nở giữa đầm 2026');
  const [locked] = await Promise.all([
    p.waitForEvent('download'),
    card.getByRole('button', { name: 'Tạo tệp sao lưu có mật khẩu' }).click(),
  ]);
  await phone.pickFile('Chọn tệp để nhập', await locked.path());
  await p.getByLabel('Mật khẩu', { exact: true }).fill('sai mật khẩu');
  await p.getByRole('button', { name: 'Mở tệp' }).click();
  await p.getByText('Mật khẩu không đúng', { exact: false }).waitFor();
  await p.locator('form.unlock').scrollIntoViewIfNeeded();
  await shot('unlock');
  await phone.goTo('Đơn vị');
  await shot('unit', true);
  await phone.goTo('Số liệu');
  await p.locator('details.figures').first().waitFor();
  // The confirmation of the locked backup, which follows her for a few seconds, gone.
  await p.locator('.notice').filter({ hasText: /./ }).waitFor({ state: 'detached' });
  await shot('figures');
  await shot('figures-full', true);
  // The report sent: the note that stays, where the file is and how to send it in Zalo.
  await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: /^Gửi báo cáo năm/ }).click()]);
  await p.locator('.sent-note').waitFor();
  await shot('figures-sent');
  await p.locator('.sent-note').getByRole('button', { name: 'Đóng' }).click();
  await phone.openWork('Tập huấn');
  await p.locator('.member-row').first().waitFor();
  await shot('work-trainings');
  await p.locator('.member-row').first().click();
  await p.getByLabel('Tên lớp', { exact: true }).waitFor();
  await shot('work-training', true);
  await phone.openWork('Mô hình');
  await p.locator('.member-row').first().click();
  await p.getByLabel('Đối tượng', { exact: true }).waitFor();
  await shot('work-model', true);
  await phone.openWork('Hội phí');
  await p.locator('.fee-row').first().waitFor();
  await shot('work-fees');
  await p.goto(`${server.url}#/bao-cao`);
  await p.locator('.report-table tbody tr').first().waitFor();
  await shot('report');
  await p.emulateMedia({ media: 'print' });
  await p.pdf({ path: `${out}/report.pdf`, format: 'A4' });
  await p.emulateMedia({ media: 'screen' });
  // A cadre moving to another chapter (last: the sample has one member fewer after it).
  await p.goto(server.url);
  await p.locator('.member-row').nth(4).click();
  await p.getByRole('link', { name: 'Chuyển sinh hoạt' }).click();
  await p.getByRole('button', { name: 'Ghi chuyển đi' }).waitFor();
  await shot('transfer', true);
  await p.getByLabel('Chuyển đến', { exact: true }).fill('Chi hội Thôn Tây, xã Thanh Sơn, Phú Thọ');
  await p.getByRole('button', { name: 'Ghi chuyển đi' }).click();
  await p.getByRole('button', { name: 'Gửi tệp chuyển sinh hoạt' }).waitFor();
  await p.waitForTimeout(4500); // the notice fades
  await shot('transfer-moved', true);
  await p.goto(server.url);
  await p.getByRole('button', { name: 'Thoát dữ liệu mẫu' }).click();
  await p.getByRole('button', { name: 'Xem mẫu cụm thi đua' }).click();
  await p.getByText('Dữ liệu mẫu: cụm thi đua', { exact: false }).waitFor();
  await p.goto(`${server.url}#/so-sanh`);
  await p.locator('.compare-table tbody tr').first().waitFor();
  await shot('compare');
  await shot('compare-full', true);
  await p.setViewportSize({ width: 1280, height: 800 });
  await shot('compare-wide');
  await p.setViewportSize({ width: 360, height: 740 });
  await p.goto(`${server.url}#/ke-hoach`);
  await p.getByRole('heading', { name: 'Đợt thi đua mới' }).waitFor();
  await shot('plan', true);
  await p.setViewportSize({ width: 1280, height: 800 });
  await shot('plan-wide');
  await safari(browser, server.url);
  await sizesAndLanguages(browser, server.url);
  await everyPageInBothRoles(browser, server.url);
  console.log(`screenshots written to ${out}/`);
} finally {
  await browser.close();
  server.stop();
}
