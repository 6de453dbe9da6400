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
import { samplePhone } from './fixtures/app.mjs';

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
      for (let i = 0; i < 14; i++) await page.click('#save');
      await page.waitForTimeout(1500);
      page.off('download', count);
      const revoked = later ? 'a minute later' : 'at once';
      assert.ok(arrived >= 10 && arrived < 14, `link let go of ${revoked}: ${arrived} of 14 arrived`);
    }
  } finally {
    await context.close();
  }
});

test('a backup made after a crowd of others says it may not have arrived and how to make it again', async () => {
  const phone = await samplePhone(env.browser, env.server.url);
  const p = phone.page;
  try {
    await phone.goTo('Sao lưu');
    const make = p.getByRole('button', { name: 'Tạo tệp sao lưu', exact: true });
    const notice = p.locator('.notice');
    // On its own: it arrives, and the notice says where it is.
    const first = await phone.saveFile(make);
    await notice.getByText(`Đã tạo tệp «${first.name}».`, { exact: false }).waitFor();
    // Ten more in a row: she is told the last may be missing.
    for (let i = 0; i < 10; i++) await make.click();
    await notice.getByText('ngay sau nhiều tệp khác: trình duyệt có thể đã bỏ qua tệp này mà không báo. Nếu không thấy nó trong mục Tải xuống, hãy chờ vài giây rồi bấm lại nút để tạo lại.', { exact: false }).waitFor();
    // Once the crowd has passed, made again: it arrives, said plainly.
    await p.waitForTimeout(2100);
    const again = await phone.saveFile(make);
    assert.match(again.text, /"kind":"backup"/);
    await notice.getByText(`Đã tạo tệp «${again.name}».`, { exact: false }).waitFor();
  } finally {
    await phone.close();
  }
});
