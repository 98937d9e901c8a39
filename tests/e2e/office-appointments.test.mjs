// The appointments' back office in the browser, as the demo operator of
// Lecce: the day's agenda, the services catalogue, a service form sent with
// errors, the access rules and patron days (sent with a wrong line) and the
// steps of booking on someone's behalf, in every UI language, each with no
// WCAG 2.0/2.1 A/AA violations found by axe; a booking made with the keyboard
// alone, then its own page and its move page in every language, and moved; the
// agenda printed without the navigation; the centre's week and its part-day
// closures (one refused, one added and removed), and the patron days of the
// towns the outreach points visit.
//
// Needs a running `sportello demo` server: SPORTELLO_URL=http://127.0.0.1:PORT
// (see run.sh). It adds one booking to the demo data.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  LANGS,
  baseUrl,
  url,
  launchBrowser,
  closePage,
  collapse,
  message,
  fluentPath,
  parseFluent,
  tabUntil,
  assertNoAxeViolations,
} from './helpers.mjs';
import { pathOf, submitWith, checkShown, check, assertFieldErrors, signInAs } from './office-helpers.mjs';

let browser;
let page;

before(async () => {
  baseUrl();
  browser = await launchBrowser();
  page = await signInAs(browser, 'operator');
});

after(async () => {
  if (page) await closePage(page);
  await browser?.close();
});

/** A single-line message of office-appointments.ftl. */
function appointmentsMessage(lang, id) {
  const text = parseFluent(readFileSync(fluentPath(lang, 'office-appointments.ftl'), 'utf8')).get(id);
  assert.ok(text !== undefined, `office-appointments.ftl (${lang}) has no single-line message ${id}`);
  return text;
}

/** The id of the first service of Lecce linked from the catalogue. */
async function firstServiceId() {
  await page.goto(url('/it/office/services?centre=lecce'));
  const hrefs = await page.$$eval('table.data a[href]', (as) => as.map((a) => a.getAttribute('href')));
  const id = hrefs.map((h) => /\/office\/services\/(\d+)\?centre=lecce$/.exec(h)?.[1]).find(Boolean);
  assert.ok(id, `the catalogue links no service form: ${JSON.stringify(hrefs)}`);
  return id;
}

/** The href of the first link of `selector` on the page. */
async function firstHref(selector) {
  const href = await page.locator(selector).first().getAttribute('href');
  assert.ok(href, `${pathOf(page)}: no link ${selector}`);
  return href;
}

describe('appointments back office pages, in every language', () => {
  for (const lang of LANGS) {
    it(`agenda, catalogue and rules in ${lang}`, async () => {
      await check(page, `/${lang}/office/agenda?centre=lecce`, { lang });
      assert.equal(await page.locator('#f-day[type="date"]').count(), 1, 'the agenda has a date field');
      await check(page, `/${lang}/office/services?centre=lecce`, { lang });
      assert.ok((await page.locator('table.data tbody tr').count()) >= 6, 'the catalogue lists the services');
      await check(page, `/${lang}/office/services/rules?centre=lecce`, { lang });
      const closed = await page.locator('main table.data').count();
      assert.equal(closed, 1, 'the rules page lists the closed days ahead');
    });

    it(`a service form with errors in ${lang}`, async () => {
      const id = await firstServiceId();
      await check(page, `/${lang}/office/services/${id}?centre=lecce`, { lang });
      await page.fill('#f-capacity', '99');
      await page.fill('#f-name_it', '');
      const response = await submitWith(page, page.locator('main form button[type="submit"]'));
      await checkShown(page, response, `service form with errors (${lang})`, {
        status: 422,
        lang,
        extra: async () => {
          const links = await assertFieldErrors(page, `service form (${lang})`, lang, { name_it: 'field-required' });
          assert.ok(links.some((l) => l.href === '#f-capacity'), 'the capacity above the maximum is named');
        },
      });
    });

    it(`a wrong patron day line in ${lang}`, async () => {
      await page.goto(url(`/${lang}/office/services/rules?centre=lecce`));
      await page.fill('#f-patron_days', '08-26 Sant\'Oronzo\n13-40 Nessuno');
      const response = await submitWith(page, page.locator('main form[method="post"] button[type="submit"]'));
      await checkShown(page, response, `rules with errors (${lang})`, { status: 422, lang });
      const errors = collapse(await page.locator('#f-patron_days-error').textContent());
      const date = appointmentsMessage(lang, 'patron-date');
      assert.ok(errors.includes(date), `the error of line 2 says "${errors}"`);
      assert.ok(errors.includes('2'), 'the error names its line');
      assert.equal(await page.getAttribute('#f-patron_days', 'aria-invalid'), 'true');
    });

    it(`the steps of booking on someone's behalf in ${lang}`, async () => {
      await check(page, `/${lang}/office/agenda/new?centre=lecce`, { lang });
      const service = await firstHref('main ul.choices a[href*="service="]');
      await check(page, service, { lang });
      if ((await page.locator('main ul.choices a[href*="modality="]').count()) > 0) {
        await check(page, await firstHref('main ul.choices a[href*="modality="]'), { lang });
      }
      await check(page, await firstHref('main a[href*="start="]'), { lang });
      await page.fill('#f-email', 'not an address');
      const response = await submitWith(page, page.locator('main form[method="post"] button[type="submit"]'));
      await checkShown(page, response, `booking form with errors (${lang})`, {
        status: 422,
        lang,
        extra: () => assertFieldErrors(page, `booking form (${lang})`, lang, { name: 'field-required' }),
      });
    });
  }
});

describe('booking on behalf with the keyboard alone, and printing the agenda', () => {
  it('books a person by phone with Tab, typing and Enter', async () => {
    await page.goto(url('/it/office/agenda?centre=lecce'));
    await tabUntil(page, 'main a[href*="/office/agenda/new"]', 40);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await tabUntil(page, 'main ul.choices a[href*="service="]', 40);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    if ((await page.locator('main ul.choices a[href*="modality="]').count()) > 0) {
      await tabUntil(page, 'main ul.choices a[href*="modality="]', 40);
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    }
    await tabUntil(page, 'main a[href*="start="]', 80);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await tabUntil(page, '#f-name', 40);
    await page.keyboard.type('Amina Diallo');
    await tabUntil(page, '#f-phone', 5);
    await page.keyboard.type('+39 333 123 4567');
    await tabUntil(page, '#f-email', 5);
    await page.keyboard.type('amina.diallo@example.org');
    await tabUntil(page, '#f-wheelchair', 10);
    await page.keyboard.press('Space');
    await tabUntil(page, 'main form[method="post"] button[type="submit"]', 10);
    const [response] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.equal(response?.status(), 200, `after booking: ${pathOf(page)}`);
    assert.match(new URL(page.url()).pathname, /\/it\/office\/agenda$/);
    const note = collapse(await page.locator('main p.note').first().textContent());
    const reference = /P-[2-9A-Z]{4}-[2-9A-Z]{4}/.exec(note)?.[0];
    assert.ok(reference, `the agenda confirms the booking: ${note}`);
    assert.ok(note.includes(appointmentsMessage('it', 'agenda-booked-mailed')));
    const row = page.locator('table.data tbody tr', { hasText: reference });
    assert.equal(await row.count(), 1, 'the booking is in the agenda of its day');
    const line = collapse(await row.textContent());
    assert.ok(line.includes('Amina Diallo'), line);
    assert.ok(line.includes(appointmentsMessage('it', 'agenda-need-wheelchair')), line);
    await assertNoAxeViolations(page, 'agenda after booking');

    // The booking at its own address, in every language: only its line.
    for (const lang of LANGS) {
      await check(page, `/${lang}/office/agenda/${reference}`, { lang });
      const rows = page.locator('table.data tbody tr');
      assert.equal(await rows.count(), 1, `${lang}: one booking on its page`);
      assert.ok(collapse(await rows.first().textContent()).includes(reference));
      // Moving it: the free times as radio buttons grouped by day.
      await check(page, `/${lang}/office/agenda/${reference}/move`, { lang });
      assert.ok((await page.locator('main fieldset legend').count()) > 0, `${lang}: days to move to`);
    }
    // Moved to the first free time offered: the agenda of its new day says so.
    await check(page, `/it/office/agenda/${reference}/move`, { lang: 'it' });
    const moved = await submitWith(page, page.locator('main form[method="post"] button[type="submit"]'));
    await checkShown(page, moved, 'booking moved', { lang: 'it' });
    assert.ok(collapse(await page.locator('main p.note').first().textContent()).includes(reference));
  });

  it('prints the agenda without navigation or buttons', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      assert.equal(await page.locator('.office-nav').isVisible(), false, 'the office navigation is printed');
      assert.equal(await page.locator('.site-header').isVisible(), false, 'the header is printed');
      assert.equal(await page.locator('main button').first().isVisible(), false, 'buttons are printed');
      assert.equal(await page.locator('main form').first().isVisible(), false, 'the day form is printed');
      assert.equal(await page.locator('main h1').isVisible(), true, 'the heading is not printed');
      const heading = collapse(await page.locator('main h1').textContent());
      assert.ok(heading.includes('Lecce'), `the printed heading names the centre: ${heading}`);
      assert.equal(await page.locator('table.data').isVisible(), true, 'the table is not printed');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    assert.equal(await page.locator('.office-nav').isVisible(), true);
    assert.ok(message('it', 'office-nav'));
  });
});

describe("the centre's week and its part-day closures, in every language", () => {
  for (const lang of LANGS) {
    it(`week and closures in ${lang}`, async () => {
      await check(page, `/${lang}/office/outreach/towns?centre=lecce`, { lang });
      assert.ok((await page.locator('main textarea[name="days"]').count()) > 0, 'the towns visited');
      await check(page, `/${lang}/office/week?centre=lecce`, { lang });
      assert.ok((await page.locator('main section.week-day').count()) >= 5, 'the week has its working days');
      await check(page, `/${lang}/office/closures?centre=lecce`, { lang });
      // A closure that ends before it starts: errors shown, nothing saved.
      await page.fill('#f-date', '2099-03-10');
      await page.fill('#f-from', '11:00');
      await page.fill('#f-to', '10:00');
      await page.fill('#f-reason', 'Prova');
      const response = await submitWith(page, page.locator('form[action*="/office/closures?"] button[type="submit"]'));
      await checkShown(page, response, `${lang} closure refused`, { status: 422, lang });
      await assertFieldErrors(page, `${lang} closure refused`, lang);
    });
  }

  it('a closure added, then removed', async () => {
    await check(page, '/it/office/closures?centre=lecce', { lang: 'it' });
    await page.fill('#f-date', '2099-03-10');
    await page.fill('#f-from', '09:00');
    await page.fill('#f-to', '10:00');
    await page.fill('#f-reason', 'Sala riunioni occupata (prova e2e)');
    const added = await submitWith(page, page.locator('form[action*="/office/closures?"] button[type="submit"]'));
    await checkShown(page, added, 'closure added', { lang: 'it' });
    assert.match(await page.locator('main').innerText(), /Sala riunioni occupata \(prova e2e\)/);
    const removed = await submitWith(page, page.locator('form[action$="/remove"] button').last());
    await checkShown(page, removed, 'closure removed', { lang: 'it' });
    assert.doesNotMatch(await page.locator('main').innerText(), /prova e2e/);
  });
});
