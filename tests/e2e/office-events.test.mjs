// A centre's group meetings in the back office, as the demo coordinator of
// the Lecce area: the list of Nardò's meetings and a session's registered
// list (people registered by events.test.mjs earlier in the run), in every
// UI language, with no WCAG 2.0/2.1 A/AA violation found by axe; as the Lecce
// operator, a session's forms (message, move, cancel), a message sent and
// a cancellation without its reason refused.
//
// Needs a running `sportello demo` server: SPORTELLO_URL=http://127.0.0.1:PORT
// (see run.sh).

import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { LANGS, baseUrl, url, launchBrowser, closePage, assertSingleH1, assertNoAxeViolations } from './helpers.mjs';
import { signInAs } from './office-helpers.mjs';

let browser;

before(async () => {
  baseUrl();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

for (const lang of LANGS) {
  it(`the centre's meetings and a registered list have no axe violation (${lang})`, async () => {
    const page = await signInAs(browser, 'coordinator');
    try {
      assert.equal((await page.goto(url(`/${lang}/office/events?centre=nardo`)))?.status(), 200);
      await assertSingleH1(page, undefined, `${lang} meetings`);
      await assertNoAxeViolations(page, `${lang} meetings`);
      const lists = page.locator('main a[href*="/sessions/"]');
      assert.ok((await lists.count()) > 0, 'a registered list to open');
      assert.equal((await page.goto(url(await lists.first().getAttribute('href'))))?.status(), 200);
      await assertSingleH1(page, undefined, `${lang} registered list`);
      await assertNoAxeViolations(page, `${lang} registered list`);
    } finally {
      await closePage(page);
    }
  });
}

for (const lang of LANGS) {
  it(`a session's changes: the forms, a message sent, a cancellation without reason refused (${lang})`, async () => {
    const page = await signInAs(browser, 'operator');
    try {
      assert.equal((await page.goto(url(`/${lang}/office/events?centre=lecce`)))?.status(), 200);
      const lists = page.locator('main a[href*="/sessions/"]');
      assert.ok((await lists.count()) > 0, 'a Lecce session to open');
      const path = await lists.first().getAttribute('href');
      assert.equal((await page.goto(url(path)))?.status(), 200);
      for (const form of ['message', 'move', 'cancel']) {
        assert.equal(await page.locator(`form[action$="/${form}"]`).count(), 1, `${lang}: the ${form} form`);
      }
      await assertNoAxeViolations(page, `${lang} session with its forms`);
      // A message to everyone registered: back on the page with a notice.
      await page.fill('#f-subject', `Promemoria (${lang})`);
      await page.fill('#f-body', 'Portate un documento di identità.');
      const [sent] = await Promise.all([
        page.waitForNavigation({ waitUntil: 'load' }),
        page.locator('form[action$="/message"] button[type="submit"]').click(),
      ]);
      assert.equal(sent?.status(), 200);
      assert.equal(await page.locator('main [role="status"]').count(), 1, `${lang}: the notice`);
      assert.match(await page.locator('main').innerText(), new RegExp(`Promemoria \\(${lang}\\)`));
      // Blank reason: refused in the page's language, nothing cancelled.
      await page.fill('#f-cancel-reason', '   ');
      const [refused] = await Promise.all([
        page.waitForNavigation({ waitUntil: 'load' }),
        page.locator('form[action$="/cancel"] button[type="submit"]').click(),
      ]);
      assert.equal(refused?.status(), 422);
      assert.equal(await page.locator('#cancel-error[role="alert"]').count(), 1);
      assert.equal(await page.locator('form[action$="/cancel"]').count(), 1, 'still to cancel');
      await assertNoAxeViolations(page, `${lang} cancellation refused`);
    } finally {
      await closePage(page);
    }
  });
}
