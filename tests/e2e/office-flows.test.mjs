// The back office used with the keyboard alone (sign in, create a draft
// offer, publish it) and without JavaScript (every form: errors, a draft, an
// edit, publishing, withdrawing, a translation, declining an employer's
// request, bulk actions, tokens, the password). The pages themselves are
// checked with axe in office.test.mjs.
//
// Needs a running `sportello demo` server: SPORTELLO_URL=http://127.0.0.1:PORT
// (see run.sh). It adds a few offers, a translation draft and a token: use a
// fresh database.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, url, launchBrowser, newPage, closePage, assertSingleH1, message, tabUntil } from './helpers.mjs';
import {
  ACCOUNTS,
  OFFER_PATH,
  once,
  pathOf,
  submitWith,
  textOf,
  signInAs,
  freshCode,
  romeDate,
  findPublishedReference,
  findUntranslatedReference,
  sendEmployerRequest,
} from './office-helpers.mjs';

let browser;

before(async () => {
  baseUrl(); // fail early and clearly when SPORTELLO_URL is unset
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

// --- keyboard only -----------------------------------------------------------------

/** Tab to `selector`, then type `text` (for a select, type-ahead picks the first option starting with it). */
async function tabAndType(page, selector, text, maxPresses = 10) {
  await tabUntil(page, selector, maxPresses);
  await page.keyboard.type(text);
}

it('keyboard only: sign in, create a draft offer, publish it', async () => {
  // An English browser, so that the date field takes month/day/year.
  const page = await newPage(browser, { locale: 'en-US' });
  const lang = 'en';
  const title = `Keyboard test waiter ${Date.now()}`;
  try {
    // The only direct navigation.
    const response = await page.goto(url(`/${lang}/office/sign-in`));
    assert.equal(response?.status(), 200);

    await tabAndType(page, '#f-email', ACCOUNTS.operator.email, 40);
    await tabAndType(page, '#f-password', ACCOUNTS.operator.password, 3);
    await Promise.all([
      page.waitForURL((u) => u.pathname === `/${lang}/office/sign-in/second-factor`, { waitUntil: 'load' }),
      page.keyboard.press('Enter'),
    ]);
    // The second factor, typed too.
    await tabAndType(page, '#f-code', await freshCode(ACCOUNTS.operator.totp, ACCOUNTS.operator.email), 40);
    await Promise.all([page.waitForURL((u) => u.pathname === `/${lang}/office/`, { waitUntil: 'load' }), page.keyboard.press('Enter')]);

    await tabUntil(page, `main a[href="/${lang}/office/offers/new"]`, 40);
    await Promise.all([
      page.waitForURL((u) => u.pathname === `/${lang}/office/offers/new`, { waitUntil: 'load' }),
      page.keyboard.press('Enter'),
    ]);
    await assertSingleH1(page, message(lang, 'offer-new-title'));

    // The form, field by field, in the order of the page.
    await tabUntil(page, '#f-occupation', 60);
    await page.keyboard.type('Waiters');
    assert.equal(await page.inputValue('#f-occupation'), '5131', 'type-ahead in the occupation list picks "Waiters"');
    await tabAndType(page, '#f-title', title, 2);
    await tabAndType(page, '#f-description', 'Serving at tables in a restaurant in Lecce.', 2);
    await tabAndType(page, '#f-how_to_apply', 'Come to the centre with your CV.', 2);
    await tabAndType(page, '#f-employer_name', 'Trattoria del Test', 2);
    await tabAndType(page, '#f-town', 'Lecce', 4);
    await tabUntil(page, '#f-contract', 6);
    await page.keyboard.press('ArrowDown');
    assert.notEqual(await page.inputValue('#f-contract'), '', 'a contract is chosen');
    await tabUntil(page, '#f-working_time', 2);
    await page.keyboard.press('ArrowDown');
    assert.notEqual(await page.inputValue('#f-working_time'), '', 'a working time is chosen');
    const until = romeDate(30);
    await tabAndType(page, '#f-valid_through', `${until.m}${until.d}${until.y}`, 8);
    assert.equal(await page.inputValue('#f-valid_through'), until.iso, 'the date typed in the date field');
    await tabUntil(page, '#f-education', 2);
    await page.keyboard.press('ArrowDown');
    assert.notEqual(await page.inputValue('#f-education'), '', 'an education level is chosen');

    // Enter in a text field sends the form.
    await tabUntil(page, '#f-experience_months', 4);
    await Promise.all([
      page.waitForURL((u) => OFFER_PATH.test(u.pathname), { waitUntil: 'load' }),
      page.keyboard.press('Enter'),
    ]);
    await assertSingleH1(page, title);
    assert.equal(
      await textOf(page, 'main p:has(strong)'),
      `${message(lang, 'field-status')}: ${message(lang, 'status-draft')}`,
      'the new offer is a draft',
    );

    // Publish it from its page.
    const offerPath = new URL(page.url()).pathname;
    await tabUntil(page, 'main form input[value="publish"] ~ button', 60);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    assert.equal(new URL(page.url()).pathname, offerPath);
    assert.equal(
      await textOf(page, 'main p:has(strong)'),
      `${message(lang, 'field-status')}: ${message(lang, 'status-published')}`,
      'the offer is published',
    );
  } finally {
    await closePage(page);
  }
});

// --- without JavaScript ----------------------------------------------------------

describe('without JavaScript', () => {
  const noJs = { javaScriptEnabled: false };
  let opened;
  // Signing in itself, without JavaScript: a session of its own.
  const page = once(async () => (opened = await signInAs(browser, 'operator', noJs, { fresh: true })));
  after(async () => closePage(opened));
  const publishedReference = once(async () => findPublishedReference(await page()));
  const untranslatedReference = once(async () => findUntranslatedReference(await page()));
  const employerRequest = once(async () => sendEmployerRequest(browser, await page()));

  it('signing in works', async () => {
    assert.equal(new URL((await page()).url()).pathname, '/it/office/');
  });

  it('the offer form: errors, then a draft, an edit, publishing and withdrawing', async () => {
    const p = await page();
    const lang = 'it';
    await p.goto(url(`/${lang}/office/offers/new`));
    let response = await submitWith(p, p.locator('form.offer-form button[type="submit"]'));
    assert.equal(response.status(), 422, 'an empty form is refused');
    assert.ok((await p.locator('.error-summary a').count()) >= 5, 'the errors are listed');

    const title = `Offerta senza JavaScript ${Date.now()}`;
    await p.selectOption('#f-occupation', '5131');
    await p.fill('#f-title', title);
    await p.fill('#f-description', 'Servizio ai tavoli.\n\n- turni serali\n- weekend');
    await p.fill('#f-how_to_apply', 'Presentarsi al centro con il CV.');
    await p.fill('#f-employer_name', 'Ristorante Prova');
    await p.check('#f-employer_hidden');
    await p.fill('#f-town', 'Lecce');
    await p.fill('#f-postcode', '73100');
    await p.fill('#f-region', 'LE');
    await p.selectOption('#f-contract', { index: 1 });
    await p.selectOption('#f-working_time', { index: 1 });
    await p.fill('#f-hours_per_week', '30');
    await p.fill('#f-openings', '2');
    await p.fill('#f-salary_min', '1200');
    await p.fill('#f-salary_max', '1400');
    await p.fill('#f-valid_through', romeDate(20).iso);
    await p.selectOption('#f-education', { index: 1 });
    await p.selectOption('#f-languages-0-language', { index: 1 });
    await p.selectOption('#f-languages-0-level', { index: 1 });
    response = await submitWith(p, p.locator('form.offer-form button[type="submit"]'));
    assert.equal(response.status(), 200);
    const match = OFFER_PATH.exec(new URL(p.url()).pathname);
    assert.ok(match, `a new draft's page, not ${pathOf(p)}`);
    const reference = match[2];
    await assertSingleH1(p, title);
    assert.match(await textOf(p, 'main p:has(strong)'), new RegExp(message(lang, 'status-draft')));

    await p.goto(url(`/${lang}/office/offers/${reference}/edit`));
    await p.fill('#f-openings', '3');
    response = await submitWith(p, p.locator('form.offer-form button[type="submit"]'));
    assert.equal(new URL(p.url()).pathname, `/${lang}/office/offers/${reference}`);
    assert.match(await textOf(p, 'main dl.fields'), /3/);

    for (const [action, status] of [
      ['publish', 'status-published'],
      ['withdraw', 'status-withdrawn'],
    ]) {
      response = await submitWith(p, p.locator(`main form:has(input[value="${action}"]) button`));
      if (action === 'withdraw') {
        // Closing an offer asks once more, on a page of its own.
        assert.equal(response.status(), 200, 'the confirmation page');
        await assertSingleH1(p, message(lang, 'confirm-withdraw-title'));
        response = await submitWith(p, p.locator('main form:has(input[name="confirm"]) button'));
      }
      assert.equal(response.status(), 200, `${action}: unexpected HTTP status`);
      assert.match(await textOf(p, 'main p:has(strong)'), new RegExp(message(lang, status)), `after ${action}`);
    }
  });

  it("declining an employer's request", async () => {
    const p = await page();
    const reference = await employerRequest();
    await p.goto(url(`/it/office/offers/${reference}`));
    await p.fill('section.request textarea[name="reason"]', 'Manca la sede di lavoro precisa.');
    const response = await submitWith(p, p.locator('section.request form button'));
    assert.equal(response.status(), 200);
    assert.equal(new URL(p.url()).pathname, '/it/office/requests');
    const item = p.locator('article.request-item', { has: p.locator('h2', { hasText: reference }) });
    assert.equal(await item.count(), 1, `the declined request ${reference} is still listed`);
    assert.equal(await item.locator('a').count(), 0, 'its draft is gone, so no link to it');
    const gone = await p.goto(url(`/it/office/offers/${reference}`));
    assert.equal(gone?.status(), 404, 'the draft of a declined request is deleted');
  });

  it('a translation saved as a draft', async () => {
    const p = await page();
    const reference = await untranslatedReference();
    await p.goto(url(`/it/office/translations/${reference}/en`));
    await p.fill('#f-title', 'Waiter (test)');
    await p.fill('#f-description', 'Serving at tables.');
    await p.fill('#f-how_to_apply', 'Come to the centre.');
    const response = await submitWith(p, p.locator('main form button[value="draft"]'));
    assert.equal(response.status(), 200);
    assert.equal(new URL(p.url()).pathname, '/it/office/translations');
    await p.goto(url(`/it/office/translations/${reference}/en`));
    assert.equal(await p.inputValue('#f-title'), 'Waiter (test)');
  });

  it('bulk actions, tokens and the password form', async () => {
    const p = await page();
    const reference = await publishedReference();
    await p.goto(url('/it/office/offers?status=published&section=ordinary'));
    await p.check(`#sel-${reference}`);
    await p.selectOption('#f-bulk-action', 'publish');
    let response = await submitWith(p, p.locator('fieldset.bulk button'));
    assert.equal(response.status(), 200);
    assert.equal(await textOf(p, 'h1'), message('it', 'bulk-title'));

    await p.goto(url('/it/office/account'));
    await p.fill('#f-token-name', 'senza js');
    await p.fill('#f-token-password', 'non è la password');
    response = await submitWith(p, p.locator('main form:has(#f-token-name) button'));
    assert.equal(response.status(), 422, 'the password is asked again');
    assert.equal(await textOf(p, '#f-token-password-error'), message('it', 'password-confirm-wrong'));
    assert.equal(await p.inputValue('#f-token-name'), 'senza js', 'the name is kept');
    await p.fill('#f-token-password', ACCOUNTS.operator.password);
    response = await submitWith(p, p.locator('main form:has(#f-token-name) button'));
    assert.equal(response.status(), 200);
    assert.match(await textOf(p, 'code.secret'), /^spt_/);
    // Revoke it again.
    response = await submitWith(p, p.locator('table.data tr:has-text("senza js") form button'));
    assert.equal(response.status(), 200);
    assert.equal(await p.locator('table.data tr:has-text("senza js") form').count(), 0, 'the token is revoked');

    await p.goto(url('/it/office/password'));
    await p.fill('#f-current', ACCOUNTS.operator.password);
    await p.fill('#f-new', 'una frase abbastanza lunga da ricordare');
    await p.fill('#f-repeat', 'una frase diversa');
    response = await submitWith(p, p.locator('main form button'));
    assert.equal(response.status(), 422);
    assert.equal(await textOf(p, '#f-repeat-error'), message('it', 'password-repeat-differs'));
  });
});
