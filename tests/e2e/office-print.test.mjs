// The back office's print page in the browser, as the Lecce operator: in the
// four languages it answers 200 with its h1, <html lang> and no axe
// violations; with the keyboard alone (and JavaScript off) the form chooses
// a section, ticks a language and large print, and downloads the board as
// `board-lecce-<section>.pdf`; the offer's office page has a poster form
// that downloads the poster the same way.
//
// Needs a running `sportello demo`: SPORTELLO_URL=http://127.0.0.1:PORT (see run.sh).

import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { LANGS, baseUrl, launchBrowser, newPage, closePage, message, tabUntil } from './helpers.mjs';
import { check, signInAs, once, pathOf, findPublishedReference } from './office-helpers.mjs';

let browser;

before(async () => {
  baseUrl();
  browser = await launchBrowser();
});

/** The operator's session (cookies), signed in once for the three tests (each code works once). */
const operatorSession = once(async () => {
  const page = await signInAs(browser, 'operator');
  try {
    return await page.context().storageState();
  } finally {
    await closePage(page);
  }
});

/** A page in a new context of its own, signed in as the operator of Lecce. */
async function operatorPage(options = {}) {
  return newPage(browser, { ...options, storageState: await operatorSession() });
}

after(async () => {
  await browser?.close();
});

/** Press Tab until `selector` has the focus (at most 80 presses). */
const focus = (page, selector) => tabUntil(page, selector, 80);

it('the print page in every language has no axe violations and is in the office nav', async () => {
  const page = await operatorPage();
  try {
    for (const lang of LANGS) {
      await check(page, `/${lang}/office/print`, {
        h1: message(lang, 'print-office-title'),
        lang,
        extra: async (p) => {
          const current = p.locator(`nav a[href="/${lang}/office/print"][aria-current="page"]`);
          assert.ok((await current.count()) >= 1, 'the office navigation marks the page');
          for (const id of ['f-centre', 'f-section', 'board-lang-en', 'board-lang-fr', 'board-lang-de', 'board-large']) {
            assert.equal(await p.locator(`label[for="${id}"]`).count(), 1, `#${id} has a label`);
          }
        },
      });
    }
  } finally {
    await closePage(page);
  }
});

it('the board form works with the keyboard alone, without JavaScript', async () => {
  const page = await operatorPage({ javaScriptEnabled: false, acceptDownloads: true });
  try {
    await page.goto(`${baseUrl()}/en/office/print`, { waitUntil: 'load' });
    await focus(page, '#f-section');
    await page.keyboard.press('ArrowDown'); // the first section after "every section"
    const section = await page.locator('#f-section').inputValue();
    assert.ok(section.length > 0, `a section chosen with the keyboard (${pathOf(page)})`);
    await focus(page, '#board-lang-fr');
    await page.keyboard.press('Space');
    assert.ok(await page.locator('#board-lang-fr').isChecked(), 'Space ticks French');
    await focus(page, '#board-large');
    await page.keyboard.press('Space');
    await focus(page, 'main form button[type="submit"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    assert.equal(download.suggestedFilename(), `board-lecce-${section}.pdf`);
    const path = await download.path();
    assert.ok(path, 'the PDF was downloaded');
    assert.equal(readFileSync(path).subarray(0, 5).toString(), '%PDF-');
  } finally {
    await closePage(page);
  }
});

it("an open offer's office page downloads its poster from a keyboard-usable form", async () => {
  const page = await operatorPage({ javaScriptEnabled: false, acceptDownloads: true });
  try {
    const reference = await findPublishedReference(page);
    const response = await page.goto(`${baseUrl()}/de/office/offers/${reference}`, { waitUntil: 'load' });
    assert.equal(response?.status(), 200, pathOf(page));
    await focus(page, '#poster-lang-en');
    await page.keyboard.press('Space');
    await focus(page, `form[action$="/${reference}/poster.pdf"] button[type="submit"]`);
    // The form asks for the poster with the ticked languages.
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().includes(`/${reference}/poster.pdf`)),
      page.keyboard.press('Enter'),
    ]);
    assert.match(answer.url(), new RegExp(`/${reference}/poster\\.pdf\\?lang=it&lang=en$`));
    assert.equal(answer.status(), 200);
    assert.equal(answer.headers()['content-type'], 'application/pdf');
  } finally {
    await closePage(page);
  }
});
