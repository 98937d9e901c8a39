// The coordinators' figures page in the browser, as the demo coordinator of
// the Lecce area: in every UI language, with every centre of the area and
// with one centre, no WCAG 2.0/2.1 A/AA violation found by axe; each chart
// is an image with a name and the same numbers are in a table; the CSV
// link answers a CSV file.
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
  it(`the figures page has no axe violation (${lang})`, async () => {
    const page = await signInAs(browser, 'coordinator');
    try {
      for (const query of ['', '?centre=lecce&weeks=4']) {
        const label = `${lang} figures${query}`;
        assert.equal((await page.goto(url(`/${lang}/office/figures${query}`)))?.status(), 200, label);
        await assertSingleH1(page, undefined, label);
        await assertNoAxeViolations(page, label);
        const charts = page.locator('svg.chart[role="img"]');
        assert.ok((await charts.count()) >= 1, `${label}: a chart`);
        assert.equal(await page.locator('table.data').count(), await charts.count(), `${label}: a table per chart`);
      }
      const csv = await page.locator('a[href*="/office/figures.csv"]').getAttribute('href');
      const response = await page.request.get(url(csv));
      assert.equal(response.status(), 200);
      assert.match(response.headers()['content-type'], /^text\/csv/);
      assert.match(await response.text(), /^centre,week,appointments,/);
    } finally {
      await closePage(page);
    }
  });
}
