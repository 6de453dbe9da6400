// End to end: every page passes axe-core's checks (WCAG 2.1 A and AA and
// axe's best practices) with zero violations, in light and dark, with the
// sample chapter and the sample cluster filling them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp } from './fixtures/env.mjs';
import { newPhone } from './fixtures/app.mjs';
import { everyPage, openBeforeSetUp, openPage } from './fixtures/pages.mjs';
import { readFileSync } from 'node:fs';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

const env = servedApp();

// The office's pages, and a chapter's form it can reach with no member to name.
const CLUSTER = ['./#/nhan-bao-cao', './#/so-sanh', './#/ke-hoach', './#/so-lieu', './#/don-vi', './#/cong-viec/can-bo/moi'];

/** axe's violations on the page as it is, one line each. */
async function violations(page) {
  // Evaluated through DevTools, which the page's CSP does not govern (a
  // script tag would be refused, as it should be).
  if (!await page.evaluate(() => 'axe' in window)) await page.evaluate(AXE);
  const found = await page.evaluate(async () => (await window.axe.run(document)).violations);
  return found.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary.split('\n').slice(1).join(' ')}`));
}

async function checkAll(phone, addresses, found) {
  for (const address of addresses) {
    await openPage(phone, address);
    for (const line of await violations(phone.page)) found.push(`${address} ${line}`);
  }
}

for (const scheme of ['light', 'dark']) {
  test(`every page passes axe in ${scheme}`, async () => {
    const phone = await newPhone(env.browser, env.server.url);
    const found = [];
    try {
      await phone.page.emulateMedia({ colorScheme: scheme });
      for (const [address, heading] of [['#/', 'Sổ tay Chi hội'], ['./#/sao-luu', 'Khôi phục sổ từ tệp sao lưu']]) {
        await openBeforeSetUp(phone, address, heading);
        for (const line of await violations(phone.page)) found.push(`${address} ${line}`);
      }
      await openBeforeSetUp(phone, '#/', 'Sổ tay Chi hội');
      await phone.page.getByRole('button', { name: 'Xem dữ liệu mẫu' }).click();
      await phone.page.locator('.member-row').first().waitFor();
      await checkAll(phone, await everyPage(phone), found);
      await openPage(phone, './#/cai-dat');
      // Leaving the sample reloads the page: wait for it, or the next
      // address races the reload.
      await Promise.all([
        phone.page.waitForEvent('load'),
        phone.page.getByRole('button', { name: 'Thoát dữ liệu mẫu' }).click(),
      ]);
      await openBeforeSetUp(phone, '#/', 'Sổ tay Chi hội');
      await phone.page.getByRole('button', { name: 'Xem mẫu cụm thi đua' }).click();
      await phone.page.locator('.app-title').waitFor();
      await checkAll(phone, CLUSTER, found);
      assert.deepEqual(found, []);
    } finally {
      await phone.close();
    }
  });
}

test('every page of the sample chapter passes axe in English', async () => {
  const phone = await newPhone(env.browser, env.server.url);
  const found = [];
  try {
    await phone.context.addInitScript(() => localStorage.setItem('sotay.lang', 'en'));
    await phone.page.reload();
    await phone.page.getByRole('button', { name: 'Open the sample data' }).click();
    await phone.page.locator('.member-row').first().waitFor();
    await checkAll(phone, await everyPage(phone), found);
    assert.equal(await phone.page.evaluate(() => document.documentElement.lang), 'en');
    assert.deepEqual(found, []);
  } finally {
    await phone.close();
  }
});

test('the page sweep fails on an address that is no page of the app', async () => {
  const phone = await newPhone(env.browser, env.server.url);
  try {
    await phone.page.getByRole('button', { name: 'Xem dữ liệu mẫu' }).click();
    await phone.page.locator('.member-row').first().waitFor();
    await openPage(phone, './#/cong-viec/hoi-phi');
    await assert.rejects(openPage(phone, './#/cong-viec/hoi-phi/moi'), /does not show its own page/);
    await assert.rejects(openPage(phone, './#/khong-co'), /does not show its own page/);
  } finally {
    await phone.close();
  }
});
