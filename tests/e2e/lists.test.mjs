// End to end: the spreadsheet worker reads member lists in the browser as
// it writes workbooks — a workbook it wrote reads back row for row, a .csv
// as a spreadsheet program saves it keeps its quotes and Vietnamese, and a
// file in an old code page says so. (The screens that use it come next.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp } from './fixtures/env.mjs';
import { newPhone } from './fixtures/app.mjs';

const env = servedApp();

/** Runs the worker on the page: each message in turn, each answer back. */
function worker(page, messages) {
  return page.evaluate(async (sent) => {
    const w = new Worker('./xlsx_loader.js');
    const next = () => new Promise((resolve, reject) => {
      w.onmessage = (e) => resolve(e.data);
      w.onerror = (e) => reject(new Error(e.message));
    });
    await next(); // "ready"
    const answers = [];
    let previous = null;
    for (const message of sent) {
      const answer = next();
      // A message of `null` sends back the bytes of the answer before it.
      w.postMessage(message === null ? previous : typeof message === 'string' ? message : new Uint8Array(message));
      previous = await answer;
      answers.push(typeof previous === 'string' ? previous : [...previous].length);
    }
    w.terminate();
    return answers;
  }, messages);
}

test('the worker reads back a workbook it wrote, a .csv, and refuses an old code page', async () => {
  const phone = await newPhone(env.browser, env.server.url);
  try {
    const sheet = JSON.stringify({
      title: 'DANH SÁCH HỘI VIÊN',
      columns: ['Họ và tên', 'Năm sinh'],
      rows: [['Nguyễn Thị Hoa', 1985], ['Lò Thị Ánh', '12/03/1990']],
    });
    const csv = [...Buffer.from('\uFEFFHọ và tên;Năm sinh\r\n"Trần Thị ""Bình""";1979\r\n')];
    const oldCodePage = [...Buffer.from('Nguy\xD2n,1985', 'latin1')];
    const [size, workbook, fromCsv, refused] = await worker(phone.page, [sheet, null, csv, oldCodePage]);
    assert.ok(size > 1000, `a workbook of ${size} bytes`);
    const rows = JSON.parse(workbook).Ok;
    assert.deepEqual(rows[0][0], 'DANH SÁCH HỘI VIÊN');
    assert.deepEqual(rows.slice(2), [['Họ và tên', 'Năm sinh'], ['Nguyễn Thị Hoa', 1985], ['Lò Thị Ánh', '12/03/1990']]);
    assert.deepEqual(JSON.parse(fromCsv).Ok, [['Họ và tên', 'Năm sinh'], ['Trần Thị "Bình"', '1979']]);
    assert.deepEqual(JSON.parse(refused), { Err: 'not_utf8' });
    assert.deepEqual(phone.errors, []);
  } finally {
    await phone.close();
  }
});
