// The weekly reports in the browser: the list of every report and one
// report's page, in the four languages (they have no script). Every page: the
// expected status, one h1, <html lang>, no axe violations; the list links to
// a report whose page links its PDF, card and post text, which answer; a
// malformed week answers 400 and an unknown area 404, in the page's language.
//
// Needs a running `sportello demo`, which makes last week's and this week's
// report of each area at start: SPORTELLO_URL=http://127.0.0.1:PORT (see run.sh).

import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { LANGS, baseUrl, url, launchBrowser, newPage, closePage, message } from './helpers.mjs';
import { check } from './office-helpers.mjs';

let browser;

before(async () => {
  baseUrl();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

for (const lang of LANGS) {
  it(`the reports and one report in ${lang}`, async () => {
    // The pages have no script; axe itself needs JavaScript to run.
    const page = await newPage(browser);
    try {
      await check(page, `/${lang}/reports`, { h1: message(lang, 'reports-title'), lang });
      const links = await page.locator(`main a[href^="/${lang}/reports/"]`).evaluateAll((as) =>
        as.map((a) => a.getAttribute('href')),
      );
      assert.ok(links.length >= 4, `/${lang}/reports: the demo's reports (two weeks, two areas): ${links}`);
      const lecce = links.find((href) => href.includes('/reports/lecce/'));
      assert.ok(lecce, 'a report of the Lecce area');
      await check(page, lecce, {
        lang,
        extra: async (p) => {
          assert.ok((await p.locator('main table th[scope="col"]').count()) > 0, 'tables with column headers');
          for (const file of ['report.pdf', 'card.png', 'post.txt']) {
            const href = await p.locator(`main a[href$="/${file}"]`).first().getAttribute('href');
            assert.ok(href, `${lecce} links its ${file}`);
            const response = await p.request.get(url(href));
            assert.equal(response.status(), 200, href);
          }
        },
      });
      // Reachable from the footer of every page.
      await page.goto(url(`/${lang}/`), { waitUntil: 'load' });
      assert.ok((await page.locator(`footer a[href="/${lang}/reports"]`).count()) === 1, 'footer link');
    } finally {
      await closePage(page);
    }
  });
}

it('a malformed week is 400 and an unknown area 404, in the page language', async () => {
  const page = await newPage(browser);
  try {
    await check(page, '/fr/reports/lecce/2026-48', { status: 400, lang: 'fr' });
    await check(page, '/de/reports/milano/2026-W48', { status: 404, lang: 'de' });
  } finally {
    await closePage(page);
  }
});
