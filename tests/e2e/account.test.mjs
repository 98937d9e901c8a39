// Citizen accounts in the browser: the sign-up, sign-in, one-time sign-in
// and new-password forms in the four languages; a broken link's page; then
// one person signs up by e-mail (with errors first), confirms through the
// link in the demo mailbox, reaches "My page" and the settings, and a
// sign-up by mobile number reaches the page where the code is typed. Every
// page: the expected status, one h1, <html lang>, no axe violations.
//
// Needs a running `sportello demo`: SPORTELLO_URL=http://127.0.0.1:PORT (see run.sh).

import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { LANGS, baseUrl, url, launchBrowser, newPage, closePage, message, mailedPath } from './helpers.mjs';
import { check, checkShown, submitWith, assertFieldErrors, pathOf } from './office-helpers.mjs';

let browser;
const address = `e2e-account-${Date.now()}@example.org`;

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
  it(`the account forms in ${lang}`, async () => {
    const page = await newPage(browser);
    try {
      await check(page, `/${lang}/account/sign-up`, { h1: message(lang, 'person-sign-up-title'), lang });
      await check(page, `/${lang}/account/sign-in`, { h1: message(lang, 'person-sign-in-title'), lang });
      await check(page, `/${lang}/account/sign-in/once`, { h1: message(lang, 'person-once-title'), lang });
      await check(page, `/${lang}/account/reset`, { h1: message(lang, 'person-reset-title'), lang });
      await check(page, `/${lang}/account/link/not-a-token`, {
        status: 400,
        h1: message(lang, 'person-bad-link-title'),
        lang,
      });
    } finally {
      await closePage(page);
    }
  });
}

it('signing up by e-mail, My page and the settings', async () => {
  const page = await newPage(browser);
  try {
    await page.goto(url('/en/account/sign-up'), { waitUntil: 'load' });
    await page.fill('#f-name', 'Ada Rossi');
    await page.fill('#f-contact', address);
    await page.fill('#f-birth_date', '2015-06-01');
    await page.fill('#f-password', 'password1234');
    let response = await submitWith(page, page.locator('main form button[type="submit"]'));
    await checkShown(page, response, 'the form with errors', {
      status: 422,
      h1: message('en', 'person-sign-up-title'),
      lang: 'en',
      extra: (p) => assertFieldErrors(p, 'sign-up errors', 'en'),
    });
    await page.fill('#f-birth_date', '1990-04-21');
    await page.fill('#f-password', 'tramonto sul mare 1987');
    response = await submitWith(page, page.locator('main form button[type="submit"]'));
    await checkShown(page, response, 'the answer', { h1: message('en', 'person-sent-title'), lang: 'en' });

    const confirm = await mailboxLink(page, '/account/link/');
    await check(page, confirm, { h1: message('en', 'person-confirm-sign-up-title'), lang: 'en' });
    response = await submitWith(page, page.locator('main form button[type="submit"]'));
    await checkShown(page, response, 'My page', { h1: message('en', 'person-my-page-title'), lang: 'en' });
    assert.equal(pathOf(page), '/en/account?welcome=1');
    for (const lang of LANGS) {
      await check(page, `/${lang}/account`, { h1: message(lang, 'person-my-page-title'), lang });
      await check(page, `/${lang}/account/settings`, { h1: message(lang, 'person-settings-title'), lang });
      await check(page, `/${lang}/account/data`, { h1: message(lang, 'person-data-title'), lang });
      await check(page, `/${lang}/account/settings/second-factor`, {
        h1: message(lang, 'second-factor-setup-title'),
        lang,
      });
    }
    // The CV: the form in every language, an error, then saved, with its PDF.
    for (const lang of LANGS) {
      await check(page, `/${lang}/account/cv`, { h1: message(lang, 'cv-title'), lang });
    }
    await page.goto(url('/en/account/cv'), { waitUntil: 'load' });
    await page.fill('#f-domicile', 'Castro');
    await page.fill('#f-experience-0-title', 'Cook');
    await page.fill('#f-experience-0-from', '2019-05');
    response = await submitWith(page, page.locator('form[action$="/account/cv"] button[type="submit"]'));
    await checkShown(page, response, 'the CV with an error', {
      status: 422,
      lang: 'en',
      extra: (p) => assertFieldErrors(p, 'CV errors', 'en'),
    });
    await page.fill('#f-domicile', 'Castro (LE)');
    response = await submitWith(page, page.locator('form[action$="/account/cv"] button[type="submit"]'));
    await checkShown(page, response, 'the CV saved', { h1: message('en', 'cv-title'), lang: 'en' });
    const pdf = await page.request.get(url('/en/account/cv.pdf'));
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');

    // A password that is too common is refused, with the field named.
    await page.goto(url('/de/account/settings'), { waitUntil: 'load' });
    await page.fill('#f-current', 'tramonto sul mare 1987');
    await page.fill('#f-new', 'qwertyuiop123');
    response = await submitWith(page, page.locator('form[action$="/settings/password"] button[type="submit"]'));
    await checkShown(page, response, 'a common password', { status: 422, lang: 'de' });

    // Deleting the account: the tick first, then with the password.
    await page.goto(url('/en/account/data'), { waitUntil: 'load' });
    await page.fill('#f-password', 'tramonto sul mare 1987');
    response = await submitWith(page, page.locator('form[action$="/account/delete"] button[type="submit"]'));
    await checkShown(page, response, 'no tick', {
      status: 422,
      lang: 'en',
      extra: (p) => assertFieldErrors(p, 'delete errors', 'en'),
    });
    await page.locator('#f-confirm').check();
    await page.fill('#f-password', 'tramonto sul mare 1987');
    response = await submitWith(page, page.locator('form[action$="/account/delete"] button[type="submit"]'));
    await checkShown(page, response, 'deleted', { h1: message('en', 'person-deleted-title'), lang: 'en' });
  } finally {
    await closePage(page);
  }
});

it('signing up by mobile number leads to the code page', async () => {
  const page = await newPage(browser);
  try {
    await page.goto(url('/fr/account/sign-up'), { waitUntil: 'load' });
    await page.fill('#f-name', 'Omar Ba');
    await page.fill('#f-contact', `+39 333 ${String(Date.now()).slice(-7)}`);
    await page.fill('#f-birth_date', '2001-10-10');
    let response = await submitWith(page, page.locator('main form button[type="submit"]'));
    await checkShown(page, response, 'the code page', { h1: message('fr', 'person-confirm-sign-up-title'), lang: 'fr' });
    assert.match(pathOf(page), /^\/fr\/account\/code\//);
    await page.fill('#f-code', '12345');
    response = await submitWith(page, page.locator('main form button[type="submit"]'));
    await checkShown(page, response, 'a wrong code', { status: 422, lang: 'fr' });
  } finally {
    await closePage(page);
  }
});
