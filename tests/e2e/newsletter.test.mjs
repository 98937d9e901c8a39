// The newsletter in the browser: the subscription form in the four
// languages, with its errors, the "check your mailbox" answer, the confirm
// and unsubscribe pages reached from the links the demo mailbox shows, a
// broken link's page, and the operators' news page with a preview. Every
// page: the expected status, one h1, <html lang>, no axe violations.
//
// Needs a running `sportello demo`: SPORTELLO_URL=http://127.0.0.1:PORT (see run.sh).

import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { LANGS, baseUrl, url, launchBrowser, newPage, closePage, message, mailedPath } from './helpers.mjs';
import { check, checkShown, submitWith, signInAs, pathOf } from './office-helpers.mjs';

let browser;
const address = `e2e-${Date.now()}@example.org`;

before(async () => {
  baseUrl();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** The newest link containing `part` mailed to this test's address. */
const mailboxLink = (page, part) => mailedPath(page, address, part);

for (const lang of LANGS) {
  it(`the subscription form in ${lang}`, async () => {
    const page = await newPage(browser);
    try {
      await check(page, `/${lang}/newsletter`, { h1: message(lang, 'newsletter-title'), lang });
      // Every centre and section is ticked by default.
      assert.equal(await page.locator('input[name="centres"]:not(:checked)').count(), 0);
      assert.equal(await page.locator('input[name="sections"]:not(:checked)').count(), 0);
    } finally {
      await closePage(page);
    }
  });
}

it('the form with errors, then the answer, the confirmation and unsubscribing', async () => {
  const page = await newPage(browser);
  try {
    await page.goto(url('/en/newsletter'), { waitUntil: 'load' });
    await page.fill('#f-email', 'not an address');
    for (const box of await page.locator('input[name="centres"]').all()) await box.uncheck();
    let response = await submitWith(page, page.locator('main form button[type="submit"]'));
    await checkShown(page, response, 'the form with errors', {
      status: 422,
      h1: message('en', 'newsletter-title'),
      lang: 'en',
      extra: async (p) => {
        const text = await p.locator('.error-summary').innerText();
        assert.ok(text.includes(message('en', 'newsletter-centre-required')), text);
        assert.ok(text.includes(message('en', 'newsletter-email-invalid')), text);
      },
    });

    await page.fill('#f-email', address);
    await page.locator('#f-centres-lecce').check();
    response = await submitWith(page, page.locator('main form button[type="submit"]'));
    await checkShown(page, response, 'the answer', { h1: message('en', 'newsletter-sent-title'), lang: 'en' });

    const confirm = await mailboxLink(page, '/newsletter/confirm/');
    await check(page, confirm, { h1: message('en', 'newsletter-confirm-title'), lang: 'en' });
    response = await submitWith(page, page.locator('main form button[type="submit"]'));
    await checkShown(page, response, 'confirmed', { h1: message('en', 'newsletter-confirmed-title'), lang: 'en' });

    // Subscribing again: the same answer, and a mail with the way out.
    await page.goto(url('/en/newsletter'), { waitUntil: 'load' });
    await page.fill('#f-email', address);
    response = await submitWith(page, page.locator('main form button[type="submit"]'));
    await checkShown(page, response, 'the answer again', { h1: message('en', 'newsletter-sent-title'), lang: 'en' });
    const unsubscribe = await mailboxLink(page, '/newsletter/unsubscribe/');
    await check(page, unsubscribe, { h1: message('en', 'newsletter-unsubscribe-title'), lang: 'en' });
    response = await submitWith(page, page.locator('main form button[type="submit"]'));
    await checkShown(page, response, 'unsubscribed', {
      h1: message('en', 'newsletter-unsubscribed-title'),
      lang: 'en',
    });
  } finally {
    await closePage(page);
  }
});

for (const lang of LANGS) {
  it(`a broken link's page in ${lang}`, async () => {
    const page = await newPage(browser);
    try {
      await check(page, `/${lang}/newsletter/confirm/not-a-token`, {
        status: 400,
        h1: message(lang, 'newsletter-bad-link-title'),
        lang,
      });
    } finally {
      await closePage(page);
    }
  });
}

it("the operators' news page, its errors and the preview", async () => {
  const page = await signInAs(browser, 'operator');
  try {
    await check(page, '/it/office/newsletter', { h1: message('it', 'office-newsletter-title'), lang: 'it' });
    await page.fill('#f-subject_en', 'Job day');
    let response = await submitWith(page, page.locator('main form button[type="submit"]'));
    await checkShown(page, response, 'news with errors', { status: 422, lang: 'it' });
    await page.fill('#f-subject_en', '');
    await page.fill('#f-subject_it', 'Giornata del lavoro');
    await page.fill('#f-body_it', 'Vi aspettiamo **lunedì** alle 9.\n\n- CV\n- documento');
    response = await submitWith(page, page.locator('main form button[type="submit"]'));
    await checkShown(page, response, 'the preview', { lang: 'it' });
    assert.match(pathOf(page), /^\/it\/office\/newsletter\/\d+$/);
    assert.equal(await page.locator('.preview strong', { hasText: 'lunedì' }).count(), 1);
  } finally {
    await closePage(page);
  }
});
