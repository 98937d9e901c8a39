// Outreach points in the browser: a person finds the job camper on the
// Lecce board with the keyboard alone and reaches its page and its booking
// page; every new page (the camper's, the Boncuri desk's, the camper's
// booking steps, the operators' page of stops, sent with errors) has no
// WCAG 2.0/2.1 A+AA violation (axe) in the four languages, and the public
// ones fit a 320 px screen.
//
// Needs a running `sportello demo` server: SPORTELLO_URL=http://127.0.0.1:PORT
// (see run.sh).

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
  tabUntil,
} from './helpers.mjs';
import { signInAs, submitWith } from './office-helpers.mjs';

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

async function assertFitsNarrowScreen(page, label) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 320, `${label}: ${width} px wide at a 320 px viewport`);
}

it('a person finds the camper on the Lecce board with the keyboard only', async () => {
  const page = await newPage(browser);
  try {
    assert.equal((await page.goto(url('/en/centres/lecce')))?.status(), 200);
    await tabUntil(page, 'a[href="/en/outreach/camper"]', 120);
    await pressAndWait(page, 'Enter');
    await assertSingleH1(page, 'Job camper');
    assert.ok((await page.locator('main ul.stops li').count()) > 0, 'the stops are listed');
    await tabUntil(page, 'main a[href^="/en/appointments/camper/"]', 80);
    await pressAndWait(page, 'Enter');
    assert.match(page.url(), /\/en\/appointments\/camper\/\d+/);
  } finally {
    await closePage(page);
  }
});

for (const lang of LANGS) {
  it(`every outreach page has no axe violation and fits 320 px (${lang})`, async () => {
    const page = await newPage(browser, { viewport: { width: 320, height: 640 } });
    const check = async (label) => {
      await assertSingleH1(page, undefined, `${lang} ${label}`);
      await assertNoAxeViolations(page, `${lang} ${label}`);
      await assertFitsNarrowScreen(page, `${lang} ${label}`);
    };
    try {
      assert.equal((await page.goto(url(`/${lang}/outreach/camper`)))?.status(), 200);
      await check('camper page');
      assert.equal((await page.goto(url(`/${lang}/outreach/boncuri`)))?.status(), 200);
      await check('desk page');
      assert.equal((await page.goto(url(`/${lang}/appointments/camper`)))?.status(), 200);
      await check('camper: services');
      const service = await page.locator('main a[href*="/appointments/camper/"]').first().getAttribute('href');
      assert.equal((await page.goto(url(service)))?.status(), 200);
      await check('camper: open days');
      assert.equal((await page.goto(url(`/${lang}/centres/lecce`)))?.status(), 200);
      await check('Lecce board with the next stops');
    } finally {
      await closePage(page);
    }
  });

  it(`the operators' page of stops has no axe violation (${lang})`, async () => {
    const page = await signInAs(browser, 'operator');
    try {
      assert.equal((await page.goto(url(`/${lang}/office/outreach?centre=lecce`)))?.status(), 200);
      await assertSingleH1(page, undefined, `${lang} stops`);
      await assertNoAxeViolations(page, `${lang} stops`);
      const form = page.locator('form[action$="/stops"]').first();
      await form.locator('[name="date"]').fill('2020-01-02');
      await form.locator('[name="opens"]').fill('09:00');
      await form.locator('[name="closes"]').fill('12:00');
      const response = await submitWith(page, form.locator('button[type="submit"]'));
      assert.equal(response.status(), 422);
      await assertSingleH1(page, undefined, `${lang} stops with errors`);
      await assertNoAxeViolations(page, `${lang} stops with errors`);
      assert.ok((await page.locator('.error-summary a').count()) >= 2, 'the town and the place are named');
    } finally {
      await closePage(page);
    }
  });
}
