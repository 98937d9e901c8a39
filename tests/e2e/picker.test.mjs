// The occupation picker: without JavaScript a grouped list; with it, a
// filter box narrows the list as one types (accents optional), announces
// the number of matches, and the page stays free of axe violations.
//
// Needs a running server: SPORTELLO_URL=http://127.0.0.1:PORT (see run.sh).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, url, launchBrowser, newPage, closePage, assertNoAxeViolations, message } from './helpers.mjs';

let browser;

before(async () => {
  baseUrl();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

describe('occupation picker', () => {
  it('narrows the list as one types, and works without JavaScript', async () => {
    // The site's own Content-Security-Policy must let the script run.
    const page = await newPage(browser, { bypassCSP: false });
    try {
      await page.goto(url('/it/employers/request'));
      const filter = page.locator('#f-occupation-filter');
      assert.equal(await filter.count(), 1, 'the filter box is added');
      assert.equal(
        (await page.locator('label[for="f-occupation-filter"]').innerText()).trim(),
        message('it', 'picker-filter'),
      );
      const all = await page.locator('#f-occupation option:not([value=""]):not([hidden])').count();
      await filter.fill('camerier');
      const shown = await page.locator('#f-occupation option:not([value=""]):not([hidden])').allInnerTexts();
      assert.ok(shown.length > 0 && shown.length < all / 10, `${shown.length} of ${all} shown`);
      for (const label of shown) {
        assert.match(label.toLowerCase(), /camerier/, label);
      }
      const status = await page.locator('#f-occupation-filter-status').innerText();
      assert.ok(status.includes(String(shown.length)), status);
      // Every word must match, anywhere in the name.
      await filter.fill('addetti pulizie');
      assert.ok((await page.locator('#f-occupation option:not([value=""]):not([hidden])').count()) > 0);
    } finally {
      await closePage(page);
    }
    const checked = await newPage(browser);
    try {
      await checked.goto(url('/fr/employers/request'));
      await checked.locator('#f-occupation-filter').fill('serveur');
      await assertNoAxeViolations(checked, 'request form with the picker in use');
    } finally {
      await closePage(checked);
    }
    const noScript = await newPage(browser, { javaScriptEnabled: false });
    try {
      await noScript.goto(url('/en/employers/request'));
      assert.equal(await noScript.locator('#f-occupation-filter').count(), 0);
      assert.ok((await noScript.locator('#f-occupation optgroup').count()) >= 9, 'grouped list');
    } finally {
      await closePage(noScript);
    }
  });
});
