// End to end: the doors are locked. The pages' Content-Security-Policy
// refuses any script that is not the app's own, and in a whole day of use the
// app asks nothing of any origin but its own. (Every test's phone also fails
// on a CSP report or a request elsewhere: tests/e2e/fixtures/app.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp } from './fixtures/env.mjs';
import { newPhone } from './fixtures/app.mjs';
import { everyPage, openPage } from './fixtures/pages.mjs';

const env = servedApp();

test('a script slipped into a page is refused by its policy', async () => {
  const phone = await newPhone(env.browser, env.server.url);
  try {
    const policy = await phone.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    for (const rule of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "connect-src 'self'"]) {
      assert.ok(policy.includes(rule), `${rule} in ${policy}`);
    }
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'(;|$)/, 'no inline script allowed, not even the start-up');
    /** The policy's report of a refusal, as the browser writes it to the console. */
    const report = (rule) => phone.page.waitForEvent('console', (m) => /Content Security Policy/.test(m.text()) && rule.test(m.text()));
    const refusedScript = report(/script-src/);
    const ran = await phone.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.slippedIn = true';
      document.body.append(script);
      return window.slippedIn === true;
    });
    assert.equal(ran, false);
    await refusedScript;
    // A script that did run could not send her data anywhere: connect-src.
    const refusedSending = report(/connect-src/);
    const sent = await phone.page.evaluate(() => fetch('http://127.0.0.2:9/collect', { method: 'POST', body: 'x' })
      .then(() => true, () => false));
    assert.equal(sent, false);
    await refusedSending;
    // The refusals, and nothing else, were collected as errors of the page:
    // the script's, then the connection's (Chromium writes two lines for it).
    const errors = phone.takeErrors();
    assert.match(errors[0], /^csp: .*script-src/);
    assert.ok(errors.length > 1, errors.join('\n'));
    assert.ok(errors.slice(1).every((e) => /^csp: .*connect/.test(e)), errors.join('\n'));
  } finally {
    await phone.close();
  }
});

test('a day of use asks nothing of any origin but its own', async () => {
  const phone = await newPhone(env.browser, env.server.url);
  const requests = [];
  phone.context.on('request', (r) => requests.push(r.url()));
  try {
    await phone.setUp({ unit: 'Chi hội Xóm Trại', commune: 'Hội LHPN xã Yên Mỹ' });
    await phone.addMember({ name: 'Đỗ Thị Lan', phone: '0912345678' });
    await phone.makeBackup();
    await phone.page.goto(env.server.url);
    await openPage(phone, '#/');
    for (const address of await everyPage(phone, { all: false })) await openPage(phone, address);
    const origin = new URL(env.server.url).origin;
    const elsewhere = requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url));
    assert.deepEqual(elsewhere, []);
    assert.ok(requests.length > 20, `${requests.length} requests seen`);
  } finally {
    await phone.close();
  }
});
