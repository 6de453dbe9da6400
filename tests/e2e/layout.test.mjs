// End to end: a phone held in one hand. At 320 px no page scrolls sideways,
// every control is at least 48 px each way, number fields bring up the
// number keyboard, and text at twice its size still fits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp } from './fixtures/env.mjs';
import { newPhone } from './fixtures/app.mjs';
import { everyPage, openPage } from './fixtures/pages.mjs';

const env = servedApp();


/** What is wrong with the page at this width, one line each. */
function problems(page) {
  return page.evaluate(() => {
    const found = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) found.push(`scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    const name = (el) => (el.getAttribute('aria-label') || el.textContent || el.name || el.id || el.tagName).trim().slice(0, 40);
    for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary')) {
      if (el.type === 'hidden' || el.closest('[hidden], .visually-hidden:not(input)')) continue;
      // A box's own label is the target a finger hits.
      const target = el.closest('label') ?? (el.classList.contains('visually-hidden') ? null : el);
      if (!target) continue;
      const box = target.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      // Links inside a sentence are exempt (WCAG 2.5.8, inline).
      if (el.tagName === 'A' && el.closest('p, li:not(.nav-item)') && getComputedStyle(el).display === 'inline') continue;
      if (box.height < 47.5 || box.width < 47.5) found.push(`small target ${Math.round(box.width)}×${Math.round(box.height)}: ${el.tagName.toLowerCase()} «${name(el)}»`);
    }
    // A field holding a number must bring up the phone's number keyboard.
    for (const input of document.querySelectorAll('input[type="number"], input[type="text"], input:not([type])')) {
      const numeric = input.type === 'number' || /^\d+$/.test(input.value);
      const label = input.labels?.[0]?.textContent ?? name(input);
      if (numeric && !['numeric', 'decimal', 'tel'].includes(input.inputMode)) found.push(`no number keyboard: «${label.trim()}»`);
    }
    return found;
  });
}

async function checkAll(phone, found, label) {
  for (const address of await everyPage(phone)) {
    await openPage(phone, address);
    for (const line of await problems(phone.page)) found.push(`${label} ${address} ${line}`);
  }
}

test('at 320 px nothing scrolls sideways and every control is big enough for a thumb', async () => {
  const phone = await newPhone(env.browser, env.server.url);
  const found = [];
  try {
    await phone.page.setViewportSize({ width: 320, height: 640 });
    for (const line of await problems(phone.page)) found.push(`set-up ${line}`);
    await phone.page.getByRole('button', { name: 'Xem dữ liệu mẫu' }).click();
    await phone.page.locator('.member-row').first().waitFor();
    await checkAll(phone, found, '320');
    assert.deepEqual(found, []);
  } finally {
    await phone.close();
  }
});

test('text at 200 % still fits at 360 px', async () => {
  const phone = await newPhone(env.browser, env.server.url);
  const found = [];
  try {
    await phone.context.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => { document.documentElement.style.fontSize = '200%'; });
    });
    await phone.page.reload();
    await phone.page.getByRole('button', { name: 'Xem dữ liệu mẫu' }).click();
    await phone.page.locator('.member-row').first().waitFor();
    for (const address of await everyPage(phone)) {
      await openPage(phone, address);
      const wide = await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (wide > 0) found.push(`${address} scrolls sideways by ${wide} px`);
    }
    assert.deepEqual(found, []);
  } finally {
    await phone.close();
  }
});
