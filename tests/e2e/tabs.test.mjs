// End to end: several tabs of one browser share one register. Each tab
// takes in what the others save (the browser's `storage` event, and again
// before each save), so no tab writes its stale copy over another's edits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp } from './fixtures/env.mjs';
import { newPhone } from './fixtures/app.mjs';

const env = servedApp();
const UNIT = { unit: 'Chi hội Xóm Trại', commune: 'Hội LHPN xã Yên Mỹ' };

/** Leaves a field of the member form after typing, and waits for the save. */
async function edit(tab, label, value) {
  const field = tab.page.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.blur();
  await tab.page.getByText('Đã lưu vào máy.').waitFor();
}

test('two tabs edit the same member and different ones, interleaved: every edit survives', async () => {
  const first = await newPhone(env.browser, env.server.url);
  try {
    await first.setUp(UNIT);
    await first.addMember({ name: 'Nguyễn Thị Hoa' });
    const second = await first.newTab();
    // Both open Hoa's page before either changes her.
    for (const tab of [first, second]) await tab.page.locator('.member-row', { hasText: 'Nguyễn Thị Hoa' }).click();
    await edit(first, 'Số điện thoại', '0912345678');
    // The second tab's form was opened before the phone number was saved.
    await edit(second, 'Địa chỉ (thôn, xóm)', 'Xóm Trại');
    assert.equal(await second.page.getByLabel('Số điện thoại', { exact: true }).inputValue(), '0912 345 678',
      'the other tab’s edit shows in the open form');

    // Different members, one in each tab, each tab not reloaded.
    await first.goTo('Hội viên');
    await first.addMember({ name: 'Đỗ Thị Lan' });
    await second.goTo('Hội viên');
    await second.addMember({ name: 'Vũ Thị Mai' });
    await first.addMember({ name: 'Phạm Thị Yến' });

    const everyone = ['Đỗ Thị Lan', 'Nguyễn Thị Hoa', 'Phạm Thị Yến', 'Vũ Thị Mai'].sort();
    for (const tab of [first, second]) {
      await tab.page.locator('.member-row', { hasText: 'Phạm Thị Yến' }).waitFor();
      assert.deepEqual((await tab.memberNames()).sort(), everyone);
    }
    const stored = JSON.parse((await first.storage())['sotay.members']);
    assert.deepEqual(stored.map((r) => r.data.given_name).sort(), ['Hoa', 'Lan', 'Mai', 'Yến']);
    const hoa = stored.find((r) => r.data.given_name === 'Hoa').data;
    assert.equal(hoa.phone, '0912 345 678', 'the first tab’s edit');
    assert.equal(hoa.address, 'Xóm Trại', 'the second tab’s edit');

    await first.reload();
    await first.goTo('Hội viên');
    await first.page.locator('.member-row', { hasText: 'Vũ Thị Mai' }).waitFor();
    assert.deepEqual((await first.memberNames()).sort(), everyone);
  } finally {
    await first.close();
  }
});
