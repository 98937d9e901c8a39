// A centre's group meetings in the back office, as the demo coordinator of
// the Lecce area: the list of Nardò's meetings and a session's registered
// list (people registered by events.test.mjs earlier in the run), in every
// UI language, with no WCAG 2.0/2.1 A/AA violation found by axe.
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
