// Citizens' booking pages in the browser: a person books (the answer: "we
// have sent you a message"; the booking from the link in the demo mailbox),
// moves and cancels an appointment with the keyboard only; every new page has no WCAG 2.0/2.1
// A+AA violation (axe) in the four languages and fits a 320 px screen; and the
// whole flow works with JavaScript switched off.
//
// Needs a running server: SPORTELLO_URL=http://127.0.0.1:PORT (see run.sh).

import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  LANGS,
  baseUrl,
  url,
  launchBrowser,
  newPage,
  closePage,
  assertSingleH1,
  assertNoAxeViolations,
  activeMatches,
  describeActive,
  tabUntil,
  linkFromMailbox,
} from './helpers.mjs';

let browser;

before(async () => {
  baseUrl(); // fail early and clearly when SPORTELLO_URL is unset
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** Presses `key` and waits for the page it opens. */
async function pressAndWait(page, key) {
  const navigation = page.waitForNavigation({ waitUntil: 'load' });
  await page.keyboard.press(key);
  await navigation;
}

/** Clicks `selector` and waits for the page it opens. */
async function clickAndWait(page, selector) {
  const navigation = page.waitForNavigation({ waitUntil: 'load' });
  await page.click(selector);
  await navigation;
}

/** Tabs to the first radio of a group (none checked yet) and ticks it with Space. */
async function chooseFirstRadio(page, name) {
  await tabUntil(page, `input[type="radio"][name="${name}"]`, 80);
  await page.keyboard.press('Space');
  assert.ok(
    await activeMatches(page, `input[type="radio"][name="${name}"]:checked`),
    `${page.url()}: Space should tick the focused radio, focused ${await describeActive(page)}`,
  );
}

/** The page fits a 320 px wide screen: nothing wider than the window. */
async function assertFitsNarrowScreen(page, label) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 320, `${label}: ${width} px wide at a 320 px viewport`);
}

it('a citizen books, moves and cancels an appointment with the keyboard only', async () => {
  const page = await newPage(browser);
  try {
    const response = await page.goto(url('/en/appointments'));
    assert.equal(response?.status(), 200);
    await assertSingleH1(page, 'Book an appointment');

    await tabUntil(page, 'a[href="/en/appointments/lecce"]', 120);
    await pressAndWait(page, 'Enter');
    assert.match(page.url(), /\/en\/appointments\/lecce$/);

    await tabUntil(page, 'ul.services a', 60);
    await pressAndWait(page, 'Enter');
    await chooseFirstRadio(page, 'modality');
    await tabUntil(page, 'form button[type="submit"]', 10);
    await pressAndWait(page, 'Enter');
    assert.match(page.url(), /modality=/);

    await tabUntil(page, 'ul.days a', 60);
    await pressAndWait(page, 'Enter');
    assert.match(page.url(), /day=/);
    await chooseFirstRadio(page, 'start');
    await tabUntil(page, '#slots button[type="submit"]', 10);
    await pressAndWait(page, 'Enter');
    assert.match(page.url(), /\/book\?/);
    await assertSingleH1(page, 'Your details');

    // A wrong e-mail address first: the errors are listed and linked.
    await tabUntil(page, '#f-name', 80);
    await page.keyboard.type('Amina Diallo');
    await page.keyboard.press('Tab');
    await page.keyboard.type('amina@');
    await tabUntil(page, 'form[method="post"] button[type="submit"]', 30);
    await pressAndWait(page, 'Enter');
    assert.equal(await page.inputValue('#f-name'), 'Amina Diallo', 'typed values are kept');
    assert.equal(await page.getAttribute('#f-email', 'aria-invalid'), 'true');
    await tabUntil(page, '.error-summary a[href="#f-email"]', 60);
    await page.keyboard.press('Enter');
    // The link moves focus to the field, or the reading point just before it.
    if (!(await activeMatches(page, '#f-email'))) await page.keyboard.press('Tab');
    assert.ok(await activeMatches(page, '#f-email'), `the summary link leads to the field, focused ${await describeActive(page)}`);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('amina.keyboard@example.org');
    await tabUntil(page, '#f-wheelchair', 20);
    await page.keyboard.press('Space');
    await tabUntil(page, 'form[method="post"] button[type="submit"]', 30);
    await pressAndWait(page, 'Enter');
    // The answer: a message with the link went to the address.
    await assertSingleH1(page, 'Check your messages');
    assert.match(await page.textContent('main'), /amina\.keyboard@example\.org/);
    await page.goto(await linkFromMailbox(page, 'en', 'amina.keyboard@example.org'));
    assert.match(page.url(), /\/en\/appointments\/booking\/P-[A-Z0-9]{4}-[A-Z0-9]{4}\?t=/);
    const reference = /booking\/(P-[A-Z0-9-]+)\?/.exec(page.url())[1];
    await assertSingleH1(page, `Appointment ${reference}`);
    assert.match(await page.textContent('main'), /Wheelchair access/);

    // Move: another day, its first free time.
    await tabUntil(page, 'main a[href*="/move?"]', 80);
    await pressAndWait(page, 'Enter');
    await assertSingleH1(page, 'Move the appointment');
    await tabUntil(page, 'ul.days a:not([aria-current])', 60);
    await pressAndWait(page, 'Enter');
    await chooseFirstRadio(page, 'start');
    await tabUntil(page, '#slots button[type="submit"]', 10);
    await pressAndWait(page, 'Enter');
    await assertSingleH1(page, `Appointment ${reference}`);

    // Cancel, after its own confirmation page.
    await tabUntil(page, 'main a[href*="/cancel?"]', 80);
    await pressAndWait(page, 'Enter');
    await assertSingleH1(page, 'Cancel the appointment?');
    await tabUntil(page, 'main button[type="submit"]', 40);
    await pressAndWait(page, 'Enter');
    assert.match(await page.textContent('main'), /This appointment is cancelled\./);
    assert.equal(await page.locator('main a[href*="/cancel?"]').count(), 0, 'no cancel link any more');
  } finally {
    await closePage(page);
  }
});

for (const lang of LANGS) {
  it(`every booking page has no axe violation and fits 320 px (${lang})`, async () => {
    const page = await newPage(browser, { viewport: { width: 320, height: 640 } });
    const check = async (label) => {
      await assertSingleH1(page, undefined, `${lang} ${label}`);
      await assertNoAxeViolations(page, `${lang} ${label}`);
      await assertFitsNarrowScreen(page, `${lang} ${label}`);
    };
    try {
      assert.equal((await page.goto(url(`/${lang}/appointments`)))?.status(), 200);
      await check('centre list');
      await clickAndWait(page, `a[href="/${lang}/appointments/lecce"]`);
      await check('centre page');
      await clickAndWait(page, 'ul.services a');
      await check('way to meet');
      await page.check('input[name="modality"] >> nth=0');
      await clickAndWait(page, 'form button[type="submit"]');
      await check('open days');
      await clickAndWait(page, 'ul.days a >> nth=0');
      await check('free times');
      await page.check('input[name="start"] >> nth=0');
      await clickAndWait(page, '#slots button[type="submit"]');
      await check('details form');
      await page.fill('#f-name', 'Amina Diallo');
      await page.fill('#f-phone', 'call me');
      await clickAndWait(page, 'form[method="post"] button[type="submit"]');
      await check('details form with errors');
      // A number of its own per language: one booking per person.
      const number = `+3933312345${LANGS.indexOf(lang)}`;
      await page.fill('#f-phone', number);
      await page.selectOption('#f-interpreter', 'ar');
      await clickAndWait(page, 'form[method="post"] button[type="submit"]');
      await check('answer: a text was sent');
      assert.ok((await page.textContent('main')).includes(number));
      await page.goto(await linkFromMailbox(page, lang, number));
      assert.match(page.url(), /\/appointments\/booking\/P-/);
      await check('booking page');
      const bookingUrl = page.url();
      await clickAndWait(page, 'main a[href*="/move?"]');
      await check('move page');
      await clickAndWait(page, 'ul.days a >> nth=0');
      await check('move page with free times');
      await page.goto(bookingUrl);
      await clickAndWait(page, 'main a[href*="/cancel?"]');
      await check('cancel confirmation');
      await clickAndWait(page, 'main button[type="submit"]');
      await check('cancelled booking');
      const tampered = bookingUrl.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
      assert.equal((await page.goto(tampered))?.status(), 403);
      await check('link that does not work');
    } finally {
      await closePage(page);
    }
  });
}

it('the whole flow works with JavaScript switched off', async () => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  try {
    assert.equal((await page.goto(url('/fr/appointments/lecce')))?.status(), 200);
    await clickAndWait(page, 'ul.services a');
    await page.check('input[name="modality"] >> nth=0');
    await clickAndWait(page, 'form button[type="submit"]');
    await clickAndWait(page, 'ul.days a >> nth=0');
    await page.check('input[name="start"] >> nth=0');
    await clickAndWait(page, '#slots button[type="submit"]');
    await page.fill('#f-name', 'Jean Martin');
    await page.fill('#f-email', 'jean.martin@example.org');
    await clickAndWait(page, 'form[method="post"] button[type="submit"]');
    assert.match(await page.textContent('main'), /Nous avons envoyé le lien de votre réservation à jean\.martin@example\.org/);
    await page.goto(await linkFromMailbox(page, 'fr', 'jean.martin@example.org'));
    assert.match(page.url(), /\/fr\/appointments\/booking\/P-/);
    assert.match(await page.textContent('main'), /Votre rendez-vous est réservé\./);
    await clickAndWait(page, 'main a[href*="/move?"]');
    await clickAndWait(page, 'ul.days a:not([aria-current]) >> nth=0');
    await page.check('input[name="start"] >> nth=0');
    await clickAndWait(page, '#slots button[type="submit"]');
    assert.match(await page.textContent('main'), /Votre rendez-vous est réservé\./);
    await clickAndWait(page, 'main a[href*="/cancel?"]');
    await clickAndWait(page, 'main button[type="submit"]');
    assert.match(await page.textContent('main'), /Ce rendez-vous est annulé\./);
  } finally {
    await closePage(page);
  }
});
