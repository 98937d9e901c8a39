// The demo's mailbox in the browser: a booking made through the API with an
// e-mail address (answered only "sent") shows up at /{lang}/demo/mailbox
// with its links and its .ics; the page has no WCAG 2.0/2.1 A+AA violation
// (axe) in the four languages; its signed link opens the booking's page.
//
// Needs a running `sportello demo`: SPORTELLO_URL=http://127.0.0.1:PORT (see run.sh).

import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  LANGS,
  baseUrl,
  url,
  getJson,
  launchBrowser,
  newPage,
  closePage,
  assertSingleH1,
  assertNoAxeViolations,
  linkFromMailbox,
  message,
} from './helpers.mjs';

let browser;
const EMAIL = 'jonas.weber@example.org';
let reference;

before(async () => {
  baseUrl();
  browser = await launchBrowser();
  const services = await getJson('/api/v1/centres/lecce/services?lang=en');
  const guidance = services.items.find((s) => s.kind === 'basic_guidance');
  assert.ok(guidance, 'Lecce offers a basic guidance interview');
  const slots = await getJson(`/api/v1/services/${guidance.id}/slots?days=31&modality=phone`);
  const day = slots.days.find((d) => d.open && d.slots.length > 0);
  assert.ok(day, 'a free slot within 31 days');
  const res = await fetch(url('/api/v1/bookings'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      service: guidance.id,
      modality: 'phone',
      start: day.slots[day.slots.length - 1].start,
      lang: 'de',
      name: 'Jonas Weber',
      email: EMAIL,
      phone: '+49 151 23456789',
    }),
  });
  const body = await res.text();
  assert.equal(res.status, 202, `POST /api/v1/bookings: ${body}`);
  assert.equal(JSON.parse(body).status, 'sent');
  const page = await newPage(browser);
  try {
    const href = await linkFromMailbox(page, 'en', EMAIL);
    reference = /\/appointments\/booking\/(P-[A-Z0-9]{4}-[A-Z0-9]{4})\?t=/.exec(href)[1];
  } finally {
    await closePage(page);
  }
});

after(async () => {
  await browser?.close();
});

for (const lang of LANGS) {
  it(`the demo mailbox in ${lang}: the booking's mail, no axe violations`, async () => {
    const page = await newPage(browser);
    try {
      const response = await page.goto(url(`/${lang}/demo/mailbox`), { waitUntil: 'load' });
      assert.equal(response.status(), 200);
      await assertSingleH1(page, message(lang, 'mailbox-title'));
      const text = await page.locator('main').innerText();
      assert.ok(text.includes(reference), `the mailbox lists ${reference}`);
      // Open the text of the first message, then check the page again.
      await page.locator('details summary').first().click();
      await assertNoAxeViolations(page, `/${lang}/demo/mailbox`);
    } finally {
      await closePage(page);
    }
  });
}

it("the mail's signed link opens the booking, and its .ics downloads", async () => {
  const page = await newPage(browser);
  try {
    await page.goto(url('/en/demo/mailbox'), { waitUntil: 'load' });
    const item = page.locator('ol.mailbox > li', { hasText: reference }).first();
    const href = await item.locator(`a[href*="/appointments/booking/${reference}"]`).first().getAttribute('href');
    assert.ok(href.startsWith(baseUrl()), `the link uses the demo's address: ${href}`);
    const ics = await item.locator('a[download]').first().getAttribute('href');
    const calendar = await fetch(url(ics));
    assert.equal(calendar.status, 200);
    assert.match(calendar.headers.get('content-type'), /^text\/calendar/);
    assert.match(await calendar.text(), /DTSTART;TZID=Europe\/Rome:/);
    await page.goto(href, { waitUntil: 'load' });
    assert.ok((await page.locator('main').innerText()).includes(reference));
  } finally {
    await closePage(page);
  }
});
