// End to end: a chapter sends its report up, the commune office imports it
// in its own browser profile and sees the chapter's figures in its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
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
  await chapter.page.goto(`${env.server.url}cong-viec.html#/bao-cao`);
  const [download] = await Promise.all([
    chapter.page.waitForEvent('download'),
    chapter.page.getByRole('button', { name: 'Tải tệp báo cáo gửi cấp trên' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^bao-cao_chi-hoi-thon-dong_\d{4}_\d{4}-\d{2}-\d{2}\.json$/);
  const path = await download.path();
  const text = await readFile(path, 'utf8');
  for (const personal of ['Nguyễn Thị Hoa', 'Lò Thị Ánh', 'Trần Thị Bình', '0912345678', '0987654321', 'Hoa']) {
    assert.equal(text.includes(personal), false, `the report holds «${personal}»`);
  }

  const commune = await newPhone(env.browser, env.server.url);
  const p = commune.page;
  await p.getByLabel('Tên đơn vị của bạn', { exact: true }).fill('Hội LHPN xã An Bình');
  await p.getByLabel('Loại đơn vị', { exact: true }).fill('Hội LHPN cấp xã');
  await p.getByRole('button', { name: 'Bắt đầu' }).click();
  await commune.goTo('Sao lưu');
  await commune.pickFile('Chọn tệp (.json)', path);
  await p.getByText('Báo cáo của Chi hội Thôn Đông', { exact: false }).waitFor();
  await p.getByText('«Chi hội Thôn Đông» là đơn vị mới trên máy này, sẽ được xếp dưới «Hội LHPN xã An Bình».').waitFor();
  assert.deepEqual((await commune.previewCounts())['Báo cáo của đơn vị'], { 'mới': 1 });
  await p.getByRole('button', { name: 'Nhập vào sổ' }).click();
  await commune.goTo('Số liệu');
  assert.equal(await commune.figure('members.end'), '3', "the commune's figure adds up its chapter's");

  // The same report again changes nothing.
  await commune.goTo('Sao lưu');
  await commune.pickFile('Chọn tệp (.json)', path);
  await p.getByText('Tệp này không có gì mới').waitFor();
  assert.deepEqual(commune.errors, []);
  await chapter.close();
  await commune.close();
});
