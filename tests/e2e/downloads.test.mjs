// End to end: files saved as downloads. Chromium drops a download from a
// tab that has started ten in about the last second, without a word to the
// page: a bare page loses the same ones whether it lets go of the file's
// link at once or a minute later, so it is the browser's guard, not the
// app's doing. The app cannot see it; when a file comes after such a crowd
// she is told it may not have arrived and how to make it again, and a file
// made on its own arrives and says so plainly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp } from './fixtures/env.mjs';
import { newPhone } from './fixtures/app.mjs';

const env = servedApp();

test('the browser drops a download after ten in a second, whatever the page does with its link', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  try {
    const page = await context.newPage();
    await page.goto(env.server.url);
    for (const later of [false, true]) {
      // A button that saves a file as the app does, from her tap.
      await page.evaluate((later) => {
        document.body.replaceChildren(Object.assign(document.createElement('button'), {
          id: 'save',
          textContent: 'Lưu',
          onclick: () => {
            const url = URL.createObjectURL(new Blob(['{}'], { type: 'application/json' }));
            Object.assign(document.createElement('a'), { href: url, download: 'tep.json' }).click();
            setTimeout(() => URL.revokeObjectURL(url), later ? 60_000 : 0);
          },
        }));
      }, later);
      let arrived = 0;
      const count = () => { arrived += 1; };
      page.on('download', count);
      // A rest first: the guard counts the downloads of the last second.
      await page.waitForTimeout(2000);
      const start = Date.now();
      for (let i = 0; i < 14; i++) await page.click('#save');
      const spent = Date.now() - start;
      await page.waitForTimeout(1500);
      page.off('download', count);
      const revoked = later ? 'a minute later' : 'at once';
      assert.ok(arrived >= 10, `link let go of ${revoked}: ten arrive (${arrived})`);
      // Fourteen taps within the second the guard counts: some are dropped.
      // (A machine too slow to tap fourteen times in a second leaves the
      // guard nothing to drop.)
      if (spent < 900) assert.ok(arrived < 14, `link let go of ${revoked}: ${arrived} of 14 arrived in ${spent} ms`);
    }
  } finally {
    await context.close();
  }
});

test('a backup made after a crowd of others says it may not have arrived and how to make it again', async () => {
  const phone = await newPhone(env.browser, 'about:blank');
  const p = phone.page;
  // The page's clock stands still, so that every tap below falls in one
  // moment however slow the machine: the crowd is the app's count, not a race.
  const at = new Date('2026-11-29T09:00:00+07:00');
  await p.clock.setFixedTime(at);
  try {
    await p.goto(env.server.url);
    await p.getByRole('button', { name: 'Xem dữ liệu mẫu' }).click();
    await p.locator('.member-row').first().waitFor();
    await phone.goTo('Sao lưu');
    const make = p.getByRole('button', { name: 'Tạo tệp sao lưu', exact: true });
    const notice = p.locator('.notice');
    // On its own: it arrives, and the notice says where it is.
    const first = await phone.saveFile(make);
    await notice.getByText(`Đã tạo tệp «${first.name}».`, { exact: false }).waitFor();
    // Ten more in a row: she is told the last may be missing.
    for (let i = 0; i < 10; i++) await make.click();
    await notice.getByText('ngay sau nhiều tệp khác: trình duyệt có thể đã bỏ qua tệp này mà không báo. Nếu không thấy nó trong mục Tải xuống, hãy chờ vài giây rồi bấm lại nút để tạo lại.', { exact: false }).waitFor();
    // Once the crowd has passed (for the browser, whose clock runs, and for
    // the page's), made again: it arrives, said plainly.
    await p.waitForTimeout(1500);
    await p.clock.setFixedTime(new Date(at.getTime() + 2100));
    const again = await phone.saveFile(make);
    assert.match(again.text, /"kind":"backup"/);
    await notice.getByText(`Đã tạo tệp «${again.name}».`, { exact: false }).waitFor();
  } finally {
    await phone.close();
  }
});
