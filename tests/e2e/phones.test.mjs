// End to end: one chapter kept on three phones, each its own browser
// profile, as a leader, her deputy and a tổ leader keep it. The deputy starts
// from the leader's backup; both edit the same members, and their backups go
// both ways: every edit of a different field is kept on both, two edits of
// one field are shown with both values and the deputy keeps the other one,
// an edit made after the leader's deletion brings the member back and says
// so, and both phones end with the same book. The tổ leader's roll call and
// fee reach the leader in an update file holding only them, and the leader's
// correction goes back down the same way. An edit taken from the other phone
// into one member, and nothing else, is still there when both phones are
// opened again, by a backup and by update files both ways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp } from './fixtures/env.mjs';
import { newPhone } from './fixtures/app.mjs';

const env = servedApp();

/** Opens `name`'s page from the register. */
async function openMember(phone, name) {
  await phone.goTo('Hội viên');
  await phone.page.locator('.member-row', { hasText: name }).click();
  await phone.page.getByLabel('Họ và tên', { exact: true }).waitFor();
}

/** Changes one field of a member's form; it is saved as the field is left. */
async function setField(phone, name, label, value) {
  await openMember(phone, name);
  const field = phone.page.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.blur();
}

/** What a member's form shows in a field. */
async function fieldOf(phone, name, label) {
  await openMember(phone, name);
  return phone.page.getByLabel(label, { exact: true }).inputValue();
}

/** A new phone restored from `backup` (a saved file). */
async function restoredFrom(backup) {
  const phone = await newPhone(env.browser, env.server.url);
  await phone.page.getByRole('link', { name: 'Khôi phục từ tệp sao lưu' }).click();
  await phone.pickFile('Chọn tệp sao lưu', backup.path);
  await phone.takeIn();
  return phone;
}

/** Picks `file` on the files page; the preview shows. */
async function preview(phone, file) {
  await phone.goTo('Sao lưu');
  await phone.pickFile('Chọn tệp để nhập', file.path);
  return phone.previewCounts();
}

/** Applies the preview on screen; the phone, opened again, shows the same. */
async function apply(phone) {
  await phone.takeIn();
}

/** The conflicts the preview lists: [{ subject, text }]. */
async function conflicts(phone) {
  const rows = phone.page.locator('.conflicts li');
  return Promise.all((await rows.all()).map(async (row) => ({
    subject: await row.locator('strong').innerText(),
    text: await row.innerText(),
  })));
}

/** The book's collections, as file-format.md lists them. */
const COLLECTIONS = ['units', 'members', 'groups', 'roles', 'trainings', 'models', 'activities',
  'fee_rates', 'fees', 'denominators', 'targets', 'reports', 'campaigns', 'scores'];

/** Every collection the phone keeps, as stored. */
function stored(phone) {
  return phone.page.evaluate((names) => Object.fromEntries(
    names.map((name) => [name, JSON.parse(localStorage.getItem(`sotay.${name}`) ?? '[]')]),
  ), COLLECTIONS);
}

test('a leader and her deputy edit one book on two phones: nothing is lost, a clash is shown and chosen', async () => {
  const leader = await newPhone(env.browser, env.server.url);
  let deputy;
  let to;
  try {
    await leader.setUp({ unit: 'Chi hội Thôn Đông', commune: 'Hội LHPN xã An Bình' });
    await leader.addMember({ name: 'Nguyễn Thị Hoa', phone: '0912000001' });
    await leader.addMember({ name: 'Trần Thị Lan', phone: '0912000002' });
    await leader.addMember({ name: 'Lê Thị Mai' });
    deputy = await restoredFrom(await leader.makeBackup());

    // Different fields of one member; the same field of another; a deletion
    // on one phone and, later, an edit of the same member on the other.
    await setField(leader, 'Nguyễn Thị Hoa', 'Số điện thoại', '0988000001');
    await setField(deputy, 'Nguyễn Thị Hoa', 'Địa chỉ (thôn, xóm)', 'Xóm Đình');
    await setField(leader, 'Trần Thị Lan', 'Số điện thoại', '0911111111');
    await setField(deputy, 'Trần Thị Lan', 'Số điện thoại', '0922222222');
    await openMember(leader, 'Lê Thị Mai');
    await leader.page.getByRole('button', { name: 'Xoá khỏi sổ…' }).click();
    await leader.page.getByRole('button', { name: 'Xoá', exact: true }).click();
    await leader.page.locator('.summary').waitFor();
    await setField(deputy, 'Lê Thị Mai', 'Địa chỉ (thôn, xóm)', 'Xóm Chùa');

    // The leader's backup on the deputy's phone.
    const counts = await preview(deputy, await leader.makeBackup());
    assert.deepEqual(counts['Hội viên'], {
      'gộp từng trường với bản trên máy': 2,
      'cũ hơn bản trên máy, bỏ qua': 1,
    });
    const clashes = await conflicts(deputy);
    assert.equal(clashes.length, 2, JSON.stringify(clashes));
    const lan = clashes.find((c) => c.subject.includes('Trần Thị Lan'));
    assert.match(lan.subject, /Số điện thoại/);
    assert.match(lan.text, /Máy này: «0922 222 222»\. Tệp: «0911 111 111»\./);
    assert.match(lan.text, /Sẽ giữ bản trên máy \(sửa sau\)\./);
    const mai = clashes.find((c) => c.subject.includes('Lê Thị Mai'));
    assert.match(mai.text, /Máy này: «còn trong sổ»\. Tệp: «đã xoá khỏi sổ»\./);
    // She keeps the leader's number for Lan.
    const row = deputy.page.locator('.conflicts li', { hasText: 'Trần Thị Lan' });
    await row.getByRole('button', { name: 'Giữ «0911 111 111»' }).click();
    await row.getByText('Bạn đã chọn giữ «0911 111 111».').waitFor();
    await apply(deputy);
    assert.equal(await fieldOf(deputy, 'Nguyễn Thị Hoa', 'Số điện thoại'), '0988 000 001');
    assert.equal(await fieldOf(deputy, 'Nguyễn Thị Hoa', 'Địa chỉ (thôn, xóm)'), 'Xóm Đình');
    assert.equal(await fieldOf(deputy, 'Trần Thị Lan', 'Số điện thoại'), '0911 111 111');
    assert.equal(await fieldOf(deputy, 'Lê Thị Mai', 'Địa chỉ (thôn, xóm)'), 'Xóm Chùa');

    // Back the other way: the leader is told Mai came back, and both
    // phones end with the same book.
    await preview(leader, await deputy.makeBackup());
    const back = await conflicts(leader);
    assert.equal(back.length, 1, JSON.stringify(back));
    assert.match(back[0].text, /Máy này: «đã xoá khỏi sổ»\. Tệp: «còn trong sổ»\./);
    await apply(leader);
    assert.equal(await fieldOf(leader, 'Trần Thị Lan', 'Số điện thoại'), '0911 111 111');
    assert.equal(await fieldOf(leader, 'Nguyễn Thị Hoa', 'Địa chỉ (thôn, xóm)'), 'Xóm Đình');
    assert.equal(await fieldOf(leader, 'Lê Thị Mai', 'Địa chỉ (thôn, xóm)'), 'Xóm Chùa');
    assert.deepEqual(await stored(leader), await stored(deputy));

    // A tổ leader's phone holds the whole book; her roll call and a fee
    // go back to the leader in an update file holding only what she wrote.
    to = await restoredFrom(await leader.makeBackup());
    const p = to.page;
    await to.openWork('Sinh hoạt');
    await p.getByRole('link', { name: 'Thêm buổi sinh hoạt, hoạt động' }).click();
    for (const name of ['Nguyễn Thị Hoa', 'Trần Thị Lan']) await p.locator('.roll-row', { hasText: name }).click();
    await p.getByRole('button', { name: 'Lưu' }).click();
    await p.locator('.member-row', { hasText: 'Sinh hoạt định kỳ' }).waitFor();
    await to.openWork('Hội phí');
    await p.getByLabel('Mức hội phí cả năm (đồng)').fill('12000');
    await p.getByLabel('Mức hội phí cả năm (đồng)').blur();
    await p.locator('.fee-row', { hasText: 'Lê Thị Mai' }).getByRole('checkbox').check();
    await to.goTo('Sao lưu');
    await p.getByText('3 mục máy đó chưa có sẽ vào tệp.').waitFor();
    const update = await to.saveFile(p.getByRole('button', { name: 'Tạo tệp cập nhật' }));
    assert.match(update.name, /^cap-nhat_chi-hoi-thon-dong_\d{4}-\d{2}-\d{2}\.json$/);
    const full = await to.makeBackup();
    assert.ok(update.text.length < full.text.length, `${update.text.length} bytes against ${full.text.length}`);
    const held = Object.fromEntries(Object.entries(JSON.parse(update.text).data)
      .filter(([, records]) => records.length > 0).map(([name, records]) => [name, records.length]));
    assert.deepEqual(held, { units: 1, activities: 1, fee_rates: 1, fees: 1 }, 'what she wrote, and the unit it speaks for');
    const fromTo = await preview(leader, update);
    await leader.page.getByText('Tệp cập nhật của', { exact: false }).waitFor();
    assert.deepEqual(fromTo['Sinh hoạt, hoạt động'], { 'mới': 1 });
    assert.deepEqual(fromTo['Hội phí đã đóng'], { 'mới': 1 });
    await apply(leader);
    await leader.openWork('Hội phí');
    await leader.page.getByText(/^1\/3 hội viên đang sinh hoạt đã đóng hội phí năm \d+, tổng 12.000 đ\.$/).waitFor();
    await leader.openWork('Sinh hoạt');
    await leader.page.locator('.member-row', { hasText: 'Sinh hoạt định kỳ' }).waitFor();

    // And back down: the leader's correction reaches the tổ leader the same way.
    await setField(leader, 'Nguyễn Thị Hoa', 'Số điện thoại', '0977000001');
    await leader.goTo('Sao lưu');
    await leader.page.getByText('1 mục máy đó chưa có sẽ vào tệp.').waitFor();
    const down = await leader.saveFile(leader.page.getByRole('button', { name: 'Tạo tệp cập nhật' }));
    await preview(to, down);
    await to.page.getByText('Tệp cập nhật của', { exact: false }).waitFor();
    await apply(to);
    assert.equal(await fieldOf(to, 'Nguyễn Thị Hoa', 'Số điện thoại'), '0977 000 001');
    assert.deepEqual(await stored(to), await stored(leader));
  } finally {
    await leader.close();
    await deputy?.close();
    await to?.close();
  }
});

test('an edit taken from the other phone into one member is still there when both phones are opened again', async () => {
  const leader = await newPhone(env.browser, env.server.url);
  let deputy;
  try {
    await leader.setUp({ unit: 'Chi hội Thôn Đông', commune: 'Hội LHPN xã An Bình' });
    await leader.addMember({ name: 'Nguyễn Thị Hoa', phone: '0912000001' });
    await leader.addMember({ name: 'Trần Thị Lan' });
    await leader.goTo('Sao lưu');
    await leader.page.getByText('Máy này chưa nhận tệp sao lưu hay tệp cập nhật nào từ máy khác', { exact: false }).waitFor();
    deputy = await restoredFrom(await leader.makeBackup());
    // The deputy's backup, just restored, brings the leader nothing new, yet
    // tells the leader what the deputy holds: an update file can go to her.
    await preview(leader, await deputy.makeBackup());
    await leader.page.getByRole('button', { name: 'Đóng' }).click();
    await leader.page.getByText('Cho máy đã gửi tệp mà máy này nhận lúc', { exact: false }).waitFor();
    await leader.page.getByText('Máy đó đã có mọi thứ trên máy này', { exact: false }).waitFor();

    // The leader changes Hoa's phone; the deputy, later, her address.
    await setField(leader, 'Nguyễn Thị Hoa', 'Số điện thoại', '0988000001');
    await setField(deputy, 'Nguyễn Thị Hoa', 'Địa chỉ (thôn, xóm)', 'Xóm Đình');
    const counts = await preview(deputy, await leader.makeBackup());
    assert.deepEqual(counts['Hội viên'], { 'gộp từng trường với bản trên máy': 1, 'không đổi': 1 });
    await apply(deputy);
    await openMember(deputy, 'Nguyễn Thị Hoa');
    for (const phone of [deputy, leader]) await phone.reopenShowsTheSame();
    assert.equal(await fieldOf(deputy, 'Nguyễn Thị Hoa', 'Số điện thoại'), '0988 000 001');
    assert.equal(await fieldOf(deputy, 'Nguyễn Thị Hoa', 'Địa chỉ (thôn, xóm)'), 'Xóm Đình');

    // The deputy's address, changed again, goes up in an update file into
    // the card number the leader gave Hoa later.
    await setField(deputy, 'Nguyễn Thị Hoa', 'Địa chỉ (thôn, xóm)', 'Xóm Chùa');
    await setField(leader, 'Nguyễn Thị Hoa', 'Số thẻ hội viên', '0123');
    await deputy.goTo('Sao lưu');
    await deputy.page.getByText('1 mục máy đó chưa có sẽ vào tệp.').waitFor();
    const up = await deputy.saveFile(deputy.page.getByRole('button', { name: 'Tạo tệp cập nhật' }));
    const fromDeputy = await preview(leader, up);
    assert.equal(fromDeputy['Hội viên']['gộp từng trường với bản trên máy'], 1);
    await apply(leader);
    await openMember(leader, 'Nguyễn Thị Hoa');
    for (const phone of [leader, deputy]) await phone.reopenShowsTheSame();
    assert.equal(await fieldOf(leader, 'Nguyễn Thị Hoa', 'Địa chỉ (thôn, xóm)'), 'Xóm Chùa');
    assert.equal(await fieldOf(leader, 'Nguyễn Thị Hoa', 'Số thẻ hội viên'), '0123');

    // And the card number back down: the leader heard from the deputy by
    // its update file, which said what the deputy's book held.
    await leader.goTo('Sao lưu');
    await leader.page.getByText('1 mục máy đó chưa có sẽ vào tệp.').waitFor();
    const down = await leader.saveFile(leader.page.getByRole('button', { name: 'Tạo tệp cập nhật' }));
    await preview(deputy, down);
    await apply(deputy);
    await openMember(deputy, 'Nguyễn Thị Hoa');
    for (const phone of [deputy, leader]) await phone.reopenShowsTheSame();
    assert.equal(await fieldOf(deputy, 'Nguyễn Thị Hoa', 'Số thẻ hội viên'), '0123');
    assert.deepEqual(await stored(deputy), await stored(leader));
    await deputy.goTo('Sao lưu');
    await deputy.page.getByText('Máy đó đã có mọi thứ trên máy này', { exact: false }).waitFor();
  } finally {
    await leader.close();
    await deputy?.close();
  }
});
