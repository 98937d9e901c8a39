// Group meetings in the browser: a person finds the Rimini youth series,
// registers with the keyboard only (the answer: "we have sent you a
// message"; the registration from the link in the demo mailbox, with an
// `.ics` per session); every new page has no WCAG 2.0/2.1 A+AA violation
// (axe) in the four languages and fits a 320 px screen.
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
  baseUrl();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

async function pressAndWait(page, key) {
  const navigation = page.waitForNavigation({ waitUntil: 'load' });
  await page.keyboard.press(key);
  await navigation;
}

async function clickAndWait(page, selector) {
  const navigation = page.waitForNavigation({ waitUntil: 'load' });
  await page.click(selector);
  await navigation;
}

async function assertFitsNarrowScreen(page, label) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 320, `${label}: ${width} px wide at a 320 px viewport`);
}

it('a person registers for the youth series with the keyboard only', async () => {
  const page = await newPage(browser);
  try {
    assert.equal((await page.goto(url('/en/events?audience=young_people')))?.status(), 200);
    await assertSingleH1(page, 'Group meetings');
    await tabUntil(page, 'ul.events a', 80);
    assert.match(await page.evaluate(() => document.activeElement.textContent), /Young people and work/);
    await pressAndWait(page, 'Enter');
    await assertSingleH1(page, 'Young people and work: three online meetings');

    await tabUntil(page, '#f-name', 80);
    await page.keyboard.type('Sara Keyboard');
    await page.keyboard.press('Tab');
    await page.keyboard.type('sara.keyboard@example.org');
    await tabUntil(page, 'form[method="post"] button[type="submit"]', 30);
    await pressAndWait(page, 'Enter');
    await assertSingleH1(page, 'Check your messages');
    assert.match(await page.textContent('main'), /sara\.keyboard@example\.org/);

    await page.goto(await linkFromMailbox(page, 'en', 'sara.keyboard@example.org'));
    assert.match(page.url(), /\/en\/events\/registration\/E-[A-Z0-9]{4}-[A-Z0-9]{4}\?t=/);
    const main = await page.textContent('main');
    assert.equal(main.match(/Seat confirmed/g)?.length, 3, main);
    assert.equal(await page.locator('a[href*="/calendar/"]').count(), 3);
    assert.equal(await page.locator('main a[href^="https://meet.jit.si/"]').count(), 3, 'the online rooms, once registered');

    // Cancel the first session with the keyboard.
    await tabUntil(page, 'main form[action$="/cancel"] button', 80);
    assert.ok(await activeMatches(page, 'main form[action$="/cancel"] button'), await describeActive(page));
    await pressAndWait(page, 'Enter');
    assert.match(await page.textContent('main'), /Your registration has been cancelled\./);
    assert.equal(await page.locator('main form[action$="/cancel"]').count(), 2);
  } finally {
    await closePage(page);
  }
});

for (const lang of LANGS) {
  it(`every group meeting page has no axe violation and fits 320 px (${lang})`, async () => {
    const page = await newPage(browser, { viewport: { width: 320, height: 640 } });
    const check = async (label) => {
      await assertSingleH1(page, undefined, `${lang} ${label}`);
      await assertNoAxeViolations(page, `${lang} ${label}`);
      await assertFitsNarrowScreen(page, `${lang} ${label}`);
    };
    try {
      assert.equal((await page.goto(url(`/${lang}/events`)))?.status(), 200);
      await check('event list');
      assert.equal((await page.goto(url(`/${lang}/events?centre=nardo&where=room`)))?.status(), 200);
      await check('event list, filtered');
      await clickAndWait(page, 'ul.events a >> nth=0');
      await check('event page');
      await page.fill('#f-name', 'Amina Diallo');
      await page.fill('#f-phone', 'call me');
      await clickAndWait(page, 'form[method="post"] button[type="submit"]');
      await check('registration form with errors');
      const number = `+3934712345${LANGS.indexOf(lang)}`;
      await page.fill('#f-phone', number);
      await page.selectOption('#f-interpreter', 'ar');
      await page.check('#f-wheelchair');
      await clickAndWait(page, 'form[method="post"] button[type="submit"]');
      await check('answer: a text was sent');
      assert.ok((await page.textContent('main')).includes(number));
      await page.goto(await linkFromMailbox(page, lang, number));
      assert.match(page.url(), /\/events\/registration\/E-/);
      await check('registration page');
      const registrationUrl = page.url();
      await clickAndWait(page, 'main form[action$="/cancel"] button');
      await check('registration cancelled');
      const tampered = registrationUrl.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
      assert.equal((await page.goto(tampered))?.status(), 403);
      await check('link that does not work');
    } finally {
      await closePage(page);
    }
  });
}
