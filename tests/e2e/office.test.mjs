// The back office under /{lang}/office/: every page in every UI language, as
// the role that uses it, must answer with the expected status, be the
// expected page (its single h1), carry the right <html lang> and have no
// WCAG 2.1 A/AA violations found by axe — forms also after a submission with
// errors. The keyboard-only walk and the forms without JavaScript are in
// office-flows.test.mjs; shared helpers in office-helpers.mjs.
//
// Each role signs in once (password, then a code of its demo key), in one
// browser context, and visits the pages of every language from there (the
// session does not depend on the language). Sign-ins never fail for the demo
// accounts, so none of them is throttled: the wrong-password checks of the
// sign-in use addresses that do not exist, and the operator's one wrong
// password per language on the token form is followed by a right one.
//
// Needs a running `sportello demo` server: SPORTELLO_URL=http://127.0.0.1:PORT
// (see run.sh). It changes the demo data a little (drafts, tokens, one user
// with a second factor): use a fresh database.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  LANGS,
  baseUrl,
  url,
  launchBrowser,
  newPage,
  closePage,
  message,
  formatMessage,
  tabUntil,
  activeMatches,
  describeActive,
} from './helpers.mjs';
import {
  ACCOUNTS,
  NATIVE,
  once,
  pathOf,
  submitWith,
  checkShown,
  check,
  textOf,
  assertFieldErrors,
  assertCodeFieldInvalid,
  signIn,
  signInAs,
  passSecondFactor,
  freshCode,
  wrongCode,
  findPublishedReference,
  findUntranslatedReference,
  sendEmployerRequest,
} from './office-helpers.mjs';

let browser;
/** Pages opened for the whole file (one per signed-in role), closed at the end. */
const openPages = [];

before(async () => {
  baseUrl(); // fail early and clearly when SPORTELLO_URL is unset
  browser = await launchBrowser();
});

after(async () => {
  for (const page of openPages) await closePage(page);
  await browser?.close();
});

/** A page signed in as `role`, kept open for the whole file. */
async function session(role) {
  const page = await signInAs(browser, role);
  openPages.push(page);
  return page;
}

const operator = once(() => session('operator'));
const coordinator = once(() => session('coordinator'));
const mirato = once(() => session('mirato'));

/** The administrator after the password: the second-factor step is pending. */
const adminPending = once(async () => {
  const page = await newPage(browser);
  openPages.push(page);
  const response = await signIn(page, 'it', ACCOUNTS.admin);
  assert.equal(response.status(), 200, `admin password step: unexpected HTTP status at ${pathOf(page)}`);
  assert.equal(
    new URL(page.url()).pathname,
    '/it/office/sign-in/second-factor',
    `admin password step: landed on ${pathOf(page)}`,
  );
  return page;
});

/** Send `code` on the second-factor page of `lang`; returns the response. */
async function sendSecondFactor(page, lang, code) {
  const response = await page.goto(url(`/${lang}/office/sign-in/second-factor`));
  assert.equal(response?.status(), 200, `/${lang}/office/sign-in/second-factor: unexpected HTTP status`);
  await page.fill('#f-code', code);
  return submitWith(page, page.locator('main form button[type="submit"]'));
}

/** The administrator, signed in with both factors, on the office home. */
const admin = once(async () => {
  const page = await adminPending();
  await page.goto(url('/it/office/sign-in/second-factor'));
  const response = await passSecondFactor(page, ACCOUNTS.admin);
  assert.equal(response.status(), 200, `admin second factor: unexpected HTTP status at ${pathOf(page)}`);
  assert.equal(new URL(page.url()).pathname, '/it/office/', `admin second factor: landed on ${pathOf(page)}`);
  return page;
});

/**
 * A user the administrator makes (201, a one-time password), who signs in
 * with it, must choose a password (in French) and is then sent to set up a
 * second factor, like every user with a grant: its page, on the set-up
 * page, with its address and password.
 */
const newcomer = once(async () => {
  const page = await admin();
  const lang = 'en';
  await page.goto(url(`/${lang}/office/admin/users`));
  const email = `e2e.${Date.now()}@example.test`;
  await page.fill('#f-new-email', email);
  await page.fill('#f-new-name', 'E2E Test');
  await page.selectOption('#f-new-lang', 'de');
  await page.check('#g-new-2');
  const form = page.locator('main form', { has: page.locator('#f-new-email') });
  const response = await submitWith(page, form.locator('button[type="submit"]'));
  await checkShown(page, response, 'new user', {
    status: 201,
    h1: message(lang, 'one-time-password-title'),
    lang,
    extra: async (p) => {
      assert.match(await textOf(p, 'main code.secret'), /^[A-Za-z0-9]{20}$/);
    },
  });
  const oneTime = await textOf(page, 'main code.secret');

  // The new user signs in with it and is sent to the password form first.
  const user = await newPage(browser);
  openPages.push(user);
  const l = 'fr';
  const signedIn = await signIn(user, l, { email, password: oneTime });
  assert.equal(new URL(user.url()).pathname, `/${l}/office/password`, 'a one-time password leads to the password form');
  await checkShown(user, signedIn, 'password form after a one-time password', {
    h1: message(l, 'password-title'),
    lang: l,
    extra: async (p) => {
      assert.equal(await textOf(p, 'main .note'), message(l, 'password-forced'));
    },
  });
  const password = 'une phrase assez longue pour un mot de passe';
  await user.fill('#f-current', oneTime);
  await user.fill('#f-new', password);
  await user.fill('#f-repeat', password);
  const changed = await submitWith(user, user.locator('main form button[type="submit"]'));
  // Then the second factor, which every role needs, before anything else.
  await checkShown(user, changed, 'the set-up of the second factor after the new password', {
    h1: message(l, 'second-factor-setup-title'),
    lang: l,
    extra: async (p) => {
      assert.equal(new URL(p.url()).pathname, `/${l}/office/account/second-factor`);
      assert.equal(await textOf(p, 'main p.note'), message(l, 'second-factor-required'));
    },
  });
  return { page: user, email, password };
});

// --- demo data, read once --------------------------------------------------------

const publishedReference = once(async () => findPublishedReference(await operator()));
const untranslatedReference = once(async () => findUntranslatedReference(await operator()));
const employerRequest = once(async () => sendEmployerRequest(browser, await operator()));

// --- signing in, in every language ---------------------------------------------

describe('signing in', () => {
  const anonymous = once(async () => {
    const page = await newPage(browser);
    openPages.push(page);
    return page;
  });

  for (const lang of LANGS) {
    it(`sign-in page /${lang}/office/sign-in`, async () => {
      await check(await anonymous(), `/${lang}/office/sign-in`, {
        h1: message(lang, 'sign-in-title'),
        lang,
        extra: async (page) => {
          assert.equal(await page.locator('.error').count(), 0, 'no error before a submission');
        },
      });
    });
  }

  for (const lang of LANGS) {
    it(`wrong password /${lang}/office/sign-in (401, message)`, async () => {
      const page = await anonymous();
      // Not a demo account: the demo accounts must never be throttled.
      const email = `nobody.${lang}@example.test`;
      const response = await signIn(page, lang, { email, password: 'not-the-right-password' });
      await checkShown(page, response, `wrong password (${lang})`, {
        status: 401,
        h1: message(lang, 'sign-in-title'),
        lang,
        extra: async (p) => {
          assert.equal(await textOf(p, '.error[role="alert"]'), message(lang, 'sign-in-wrong'));
          assert.equal(await p.inputValue('#f-email'), email, 'the e-mail address is kept');
          assert.equal(await p.inputValue('#f-password'), '', 'the password is not sent back');
        },
      });
    });
  }

  it('a visitor who is not signed in is sent to the sign-in page, and back after it', async () => {
    const page = await newPage(browser);
    try {
      const response = await page.goto(url('/en/office/offers'));
      assert.equal(response?.status(), 200);
      const here = new URL(page.url());
      assert.equal(here.pathname, '/en/office/sign-in');
      assert.equal(here.searchParams.get('next'), '/en/office/offers');
      // The coordinator (the operator signs in often in these files, and
      // each account's code works once per 30 seconds).
      await page.fill('#f-email', ACCOUNTS.coordinator.email);
      await page.fill('#f-password', ACCOUNTS.coordinator.password);
      const password = await submitWith(page, page.locator('main form button[type="submit"]'));
      assert.equal(password.status(), 200);
      // Every account has a second factor: its step keeps the address too.
      const step = new URL(page.url());
      assert.equal(step.pathname, '/en/office/sign-in/second-factor');
      assert.equal(step.searchParams.get('next'), '/en/office/offers');
      const after = await passSecondFactor(page, ACCOUNTS.coordinator);
      assert.equal(after.status(), 200);
      assert.equal(new URL(page.url()).pathname, '/en/office/offers');
    } finally {
      await closePage(page);
    }
  });

  for (const lang of LANGS) {
    it(`second-factor step /${lang}/office/sign-in/second-factor`, async () => {
      await check(await adminPending(), `/${lang}/office/sign-in/second-factor`, {
        h1: message(lang, 'second-factor-title'),
        lang,
        extra: async (page) => {
          assert.equal(await page.getAttribute('#f-code', 'autocomplete'), 'one-time-code');
        },
      });
    });
  }

  it('second-factor step with a wrong code (401, message)', async () => {
    const page = await adminPending();
    const lang = 'de';
    const response = await sendSecondFactor(page, lang, wrongCode(ACCOUNTS.admin.totp));
    await checkShown(page, response, `wrong second-factor code (${lang})`, {
      status: 401,
      h1: message(lang, 'second-factor-title'),
      lang,
      extra: async (p) => {
        assert.equal(await textOf(p, '.error[role="alert"]'), message(lang, 'second-factor-wrong'));
        await assertCodeFieldInvalid(p);
      },
    });
  });

  it('the right code signs the administrator in', async () => {
    await admin();
  });
});

// --- every page, in every language ---------------------------------------------

for (const lang of LANGS) {
  describe(`back office in "${lang}"`, () => {
    it(`office home /${lang}/office/ (operator)`, async () => {
      await check(await operator(), `/${lang}/office/`, {
        h1: message(lang, 'office-home-title'),
        lang,
        extra: async (page) => {
          const nav = page.locator('nav.office-nav');
          assert.equal(await nav.count(), 1, 'one nav.office-nav');
          assert.equal(await nav.getAttribute('aria-label'), message(lang, 'office-nav'));
          assert.ok((await page.locator(`main a[href="/${lang}/office/offers/new"]`).count()) >= 1, 'a link to a new offer');
        },
      });
    });

    it(`offers /${lang}/office/offers`, async () => {
      await check(await operator(), `/${lang}/office/offers`, {
        h1: message(lang, 'office-offers-title'),
        lang,
        extra: async (page) => {
          const rows = await page.locator('table.data tbody tr').count();
          assert.ok(rows >= 1, 'at least one offer in the list');
          assert.equal(await page.locator('table.data tbody input[type="checkbox"]').count(), rows, 'a check box per row');
        },
      });
    });

    it(`offers with filters /${lang}/office/offers?…`, async () => {
      const query = '?q=a&centre=lecce&section=ordinary&status=published';
      await check(await operator(), `/${lang}/office/offers${query}`, {
        h1: message(lang, 'office-offers-title'),
        lang,
        extra: async (page) => {
          assert.equal(await page.inputValue('#f-q'), 'a');
          assert.equal(await page.inputValue('#f-centre'), 'lecce');
          assert.equal(await page.inputValue('#f-section'), 'ordinary');
          assert.equal(await page.inputValue('#f-status'), 'published');
        },
      });
    });

    it(`ready-to-paste posts /${lang}/office/posts`, async () => {
      await check(await operator(), `/${lang}/office/posts?days=30`, {
        h1: message(lang, 'posts-title'),
        lang,
        extra: async (page) => {
          const texts = await page.locator('main textarea[readonly]').count();
          assert.ok(texts >= 4, 'a text per language for at least one offer');
          assert.equal(await page.locator('main a[href$="/card.png"]').count(), texts, 'a card link per text');
        },
      });
    });

    it(`offers with a filter that does not exist /${lang}/office/offers?status=vip (400)`, async () => {
      await check(await operator(), `/${lang}/office/offers?status=vip`, {
        status: 400,
        h1: message(lang, 'bad-request-title'),
        lang,
      });
    });

    it(`an offer /${lang}/office/offers/{reference}`, async () => {
      const reference = await publishedReference();
      await check(await operator(), `/${lang}/office/offers/${reference}`, {
        lang,
        extra: async (page) => {
          assert.equal(await textOf(page, 'main .ref'), reference);
          assert.ok(
            (await page.locator(`main a[href="/${lang}/office/offers/${reference}/edit"]`).count()) === 1,
            'a link to edit the offer',
          );
        },
      });
    });

    it(`an offer that does not exist /${lang}/office/offers/LE-999999 (404)`, async () => {
      await check(await operator(), `/${lang}/office/offers/LE-999999`, {
        status: 404,
        h1: message(lang, 'not-found-title'),
        lang,
      });
    });

    it(`new offer form /${lang}/office/offers/new`, async () => {
      await check(await operator(), `/${lang}/office/offers/new`, {
        h1: message(lang, 'offer-new-title'),
        lang,
        extra: async (page) => {
          assert.equal(await page.locator('.error-summary').count(), 0, 'no error summary before a submission');
          assert.equal(await page.locator('[aria-invalid="true"]').count(), 0, 'no wrong field before a submission');
          assert.equal(await page.inputValue('#f-country'), 'IT', 'Italy is the country chosen at first');
        },
      });
    });

    it(`new offer form sent with errors /${lang}/office/offers/new (422)`, async () => {
      const page = await operator();
      const path = `/${lang}/office/offers/new`;
      await page.goto(url(path));
      await page.fill('#f-title', '');
      await page.fill('#f-hours_per_week', '99');
      const response = await submitWith(page, page.locator('form.offer-form button[type="submit"]'));
      await checkShown(page, response, `${path} (sent with errors)`, {
        status: 422,
        h1: message(lang, 'offer-new-title'),
        lang,
        extra: async (p) => {
          assert.equal(new URL(p.url()).pathname, path);
          await assertFieldErrors(p, `${path} (sent with errors)`, lang, {
            title: 'field-required',
            occupation: 'field-required',
            valid_through: 'field-required',
          });
          assert.equal(
            await textOf(p, '#f-hours_per_week-error'),
            formatMessage(lang, 'field-out-of-range', { min: 1, max: 60 }),
          );
          assert.equal(await p.inputValue('#f-hours_per_week'), '99', 'the form keeps what was typed');
        },
      });
    });

    it(`edit form /${lang}/office/offers/{reference}/edit`, async () => {
      const reference = await publishedReference();
      await check(await operator(), `/${lang}/office/offers/${reference}/edit`, {
        h1: `${message(lang, 'offer-edit-title')} ${reference}`,
        lang,
        extra: async (page) => {
          assert.ok((await page.inputValue('#f-title')).length > 0, 'the title is filled in');
        },
      });
    });

    it(`bulk action result /${lang}/office/offers/bulk`, async () => {
      const page = await operator();
      const reference = await publishedReference();
      await page.goto(url(`/${lang}/office/offers?status=published&section=ordinary`));
      await page.check(`#sel-${reference}`);
      // Publishing an offer that is published already changes nothing: the page says why.
      await page.selectOption('#f-bulk-action', 'publish');
      const response = await submitWith(page, page.locator('fieldset.bulk button[type="submit"]'));
      await checkShown(page, response, `/${lang}/office/offers/bulk`, {
        h1: message(lang, 'bulk-title'),
        lang,
        extra: async (p) => {
          assert.equal(await p.locator(`main ul a[href="/${lang}/office/offers/${reference}"]`).count(), 1);
        },
      });
    });

    it(`confirmation before withdrawing /${lang}/office/offers/{REF} (POST)`, async () => {
      const page = await operator();
      const reference = await publishedReference();
      await page.goto(url(`/${lang}/office/offers/${reference}`));
      const response = await submitWith(page, page.locator('main form:has(input[value="withdraw"]) button'));
      await checkShown(page, response, `/${lang}/office/offers/${reference} (withdraw?)`, {
        h1: message(lang, 'confirm-withdraw-title'),
        lang,
        extra: async (p) => {
          assert.equal(await p.locator('main form input[name="confirm"][value="yes"]').count(), 1);
        },
      });
      // Cancel: nothing changed.
      await page.click(`main a[href="/${lang}/office/offers/${reference}"]`);
      assert.match(await textOf(page, 'main p:has(strong)'), new RegExp(message(lang, 'status-published')));
    });

    it(`employers' requests /${lang}/office/requests`, async () => {
      const reference = await employerRequest();
      await check(await operator(), `/${lang}/office/requests`, {
        h1: message(lang, 'office-requests-title'),
        lang,
        extra: async (page) => {
          assert.equal(await page.locator(`main a[href="/${lang}/office/offers/${reference}"]`).count(), 1);
        },
      });
    });

    it(`a draft from an employer's request /${lang}/office/offers/{reference}`, async () => {
      const reference = await employerRequest();
      await check(await operator(), `/${lang}/office/offers/${reference}`, {
        lang,
        extra: async (page) => {
          assert.equal(await page.locator('section.request').count(), 1, "the employer's request is shown");
          assert.equal(await page.locator('main form:has(input[value="publish"])').count(), 1, 'a draft can be published');
        },
      });
    });

    it(`translation queue /${lang}/office/translations`, async () => {
      await check(await operator(), `/${lang}/office/translations`, {
        h1: message(lang, 'office-translations-title'),
        lang,
      });
    });

    it(`translation queue for one language /${lang}/office/translations?lang=de`, async () => {
      await check(await operator(), `/${lang}/office/translations?lang=de`, {
        h1: message(lang, 'office-translations-title'),
        lang,
        extra: async (page) => {
          assert.equal(await page.getAttribute('main a[aria-current="page"]', 'href'), `/${lang}/office/translations?lang=de`);
        },
      });
    });

    it(`translation editor /${lang}/office/translations/{reference}/en`, async () => {
      const reference = await untranslatedReference();
      await check(await operator(), `/${lang}/office/translations/${reference}/en`, {
        h1: formatMessage(lang, 'translation-editor-title', { reference, language: NATIVE.en }),
        lang,
        extra: async (page) => {
          assert.equal(await page.getAttribute('#f-title', 'lang'), 'en', 'the English title field is marked lang="en"');
        },
      });
    });

    it(`translation editor sent with errors /${lang}/office/translations/{reference}/en (422)`, async () => {
      const page = await operator();
      const reference = await untranslatedReference();
      const path = `/${lang}/office/translations/${reference}/en`;
      await page.goto(url(path));
      await page.fill('#f-title', '');
      const response = await submitWith(page, page.locator('main form button[value="draft"]'));
      await checkShown(page, response, `${path} (sent with errors)`, {
        status: 422,
        h1: formatMessage(lang, 'translation-editor-title', { reference, language: NATIVE.en }),
        lang,
        extra: async (p) => {
          await assertFieldErrors(p, `${path} (sent with errors)`, lang, { title: 'field-required' });
        },
      });
    });

    it(`account /${lang}/office/account`, async () => {
      await check(await operator(), `/${lang}/office/account`, {
        h1: message(lang, 'office-account-title'),
        lang,
      });
    });

    it(`account after creating an API token /${lang}/office/account/tokens`, async () => {
      const page = await operator();
      await page.goto(url(`/${lang}/office/account`));
      const name = `e2e token ${lang}`;
      await page.fill('#f-token-name', name);
      assert.equal(await page.inputValue('#f-token-days'), '90', '90 days unless changed');
      await page.fill('#f-token-days', '30');
      await page.fill('#f-token-password', ACCOUNTS.operator.password);
      const form = page.locator('main form', { has: page.locator('#f-token-name') });
      const response = await submitWith(page, form.locator('button[type="submit"]'));
      await checkShown(page, response, `/${lang}/office/account/tokens`, {
        h1: message(lang, 'office-account-title'),
        lang,
        extra: async (p) => {
          assert.match(await textOf(p, '[role="status"] code.secret'), /^spt_\S{20,}$/);
          assert.ok(
            (await p.locator('table.data td', { hasText: name }).count()) >= 1,
            'the new token is listed',
          );
          const headers = await p.$$eval('table.data th', (ths) => ths.map((th) => th.textContent.trim()));
          assert.ok(headers.includes(message(lang, 'tokens-expires')), `a column of expiries: ${headers}`);
        },
      });
    });

    it(`account: a token asked with a wrong password and lifetime /${lang}/office/account/tokens (422)`, async () => {
      const page = await operator();
      await page.goto(url(`/${lang}/office/account`));
      await page.fill('#f-token-name', `e2e refused ${lang}`);
      // The browser would refuse 0 itself (min="1"): the server's check is what is shown here.
      await page.locator('#f-token-days').evaluate((el) => el.removeAttribute('min'));
      await page.fill('#f-token-days', '0');
      await page.fill('#f-token-password', 'not the password of this account');
      const form = page.locator('main form', { has: page.locator('#f-token-name') });
      const response = await submitWith(page, form.locator('button[type="submit"]'));
      await checkShown(page, response, `/${lang}/office/account/tokens (wrong password)`, {
        status: 422,
        h1: message(lang, 'office-account-title'),
        lang,
        extra: async (p) => {
          await assertFieldErrors(p, `tokens (${lang})`, lang, { 'token-password': 'password-confirm-wrong' });
          assert.equal(await p.locator('[role="status"] code.secret').count(), 0, 'no token made');
          assert.equal(await p.inputValue('#f-token-password'), '', 'the password is not sent back');
        },
      });
    });

    it(`password /${lang}/office/password`, async () => {
      await check(await operator(), `/${lang}/office/password`, {
        h1: message(lang, 'password-title'),
        lang,
      });
    });

    it(`password sent with errors /${lang}/office/password (422)`, async () => {
      const page = await operator();
      const path = `/${lang}/office/password`;
      await page.goto(url(path));
      // Long enough for the browser's own check (minlength), wrong for the server.
      await page.fill('#f-current', 'not-the-current-password');
      await page.fill('#f-new', 'a sentence long enough to be a password');
      await page.fill('#f-repeat', 'a different sentence, long enough too');
      const response = await submitWith(page, page.locator('main form button[type="submit"]'));
      await checkShown(page, response, `${path} (sent with errors)`, {
        status: 422,
        h1: message(lang, 'password-title'),
        lang,
        extra: async (p) => {
          await assertFieldErrors(p, `${path} (sent with errors)`, lang, {
            current: 'password-current-wrong',
            repeat: 'password-repeat-differs',
          });
          assert.ok(
            ((await p.getAttribute('#f-new', 'aria-describedby')) ?? '').split(/\s+/).includes('f-new-hint'),
            'the new password keeps its hint',
          );
        },
      });
    });

    it(`second factor set-up /${lang}/office/account/second-factor (a new user)`, async () => {
      const { page } = await newcomer();
      await check(page, `/${lang}/office/account/second-factor`, {
        h1: message(lang, 'second-factor-setup-title'),
        lang,
        extra: async (p) => {
          assert.equal(await textOf(p, 'main p.note'), message(lang, 'second-factor-required'));
          assert.equal(await p.locator('.qr svg').count(), 1, 'a QR code');
          assert.match(await textOf(p, 'code.secret'), /^[A-Z2-7]{16,}$/);
          assert.equal(await p.getAttribute('#f-password', 'autocomplete'), 'current-password');
          assert.equal(await p.getAttribute('#f-code', 'autocomplete'), 'one-time-code');
        },
      });
    });

    it(`second factor set-up with a wrong code /${lang}/office/account/second-factor (422)`, async () => {
      const { page, password } = await newcomer();
      const path = `/${lang}/office/account/second-factor`;
      await page.goto(url(path));
      const secret = await textOf(page, 'code.secret');
      await page.fill('#f-password', password);
      await page.fill('#f-code', wrongCode(secret));
      const response = await submitWith(page, page.locator('main form button[type="submit"]'));
      await checkShown(page, response, `${path} (wrong code)`, {
        status: 422,
        h1: message(lang, 'second-factor-setup-title'),
        lang,
        extra: async (p) => {
          await assertFieldErrors(p, `${path} (wrong code)`, lang, { code: 'second-factor-wrong' });
          assert.equal(await p.inputValue('#f-password'), '', 'the password is not sent back');
        },
      });
    });

    it(`an administrator's page as an operator /${lang}/office/admin/users (403)`, async () => {
      await check(await operator(), `/${lang}/office/admin/users`, {
        status: 403,
        h1: message(lang, 'forbidden-title'),
        lang,
      });
    });

    it(`office home /${lang}/office/ (administrator)`, async () => {
      await check(await admin(), `/${lang}/office/`, {
        h1: message(lang, 'office-home-title'),
        lang,
        extra: async (page) => {
          assert.equal(await page.locator(`nav.office-nav a[href="/${lang}/office/admin/users"]`).count(), 1);
        },
      });
    });

    it(`users /${lang}/office/admin/users`, async () => {
      await check(await admin(), `/${lang}/office/admin/users`, {
        h1: message(lang, 'office-users-title'),
        lang,
        extra: async (page) => {
          assert.ok((await page.locator('section.user').count()) >= 4, 'the four demo accounts');
        },
      });
    });

    it(`audit log /${lang}/office/admin/audit`, async () => {
      await check(await admin(), `/${lang}/office/admin/audit`, {
        h1: message(lang, 'office-audit-title'),
        lang,
        extra: async (page) => {
          assert.ok((await page.locator('table.data tbody tr').count()) >= 1, 'some entries');
        },
      });
    });

    it(`audit log with filters /${lang}/office/admin/audit?…`, async () => {
      await check(await admin(), `/${lang}/office/admin/audit?action=sign_in&from=2020-01-01`, {
        h1: message(lang, 'office-audit-title'),
        lang,
        extra: async (page) => {
          assert.equal(await page.inputValue('#f-action'), 'sign_in');
          assert.equal(await page.inputValue('#f-from'), '2020-01-01');
        },
      });
    });
  });
}

// --- other roles and pages shown once ----------------------------------------

describe('other roles and one-time pages', () => {
  it('coordinator: home, offers and a read-only offer', async () => {
    const page = await coordinator();
    const lang = 'it';
    await check(page, `/${lang}/office/`, { h1: message(lang, 'office-home-title'), lang });
    await check(page, `/${lang}/office/offers?section=mirato_art1`, { h1: message(lang, 'office-offers-title'), lang });
    const reference = await publishedReference();
    await check(page, `/${lang}/office/offers/${reference}`, {
      lang,
      extra: async (p) => {
        // Only the poster's download form (GET) remains: nothing that changes data.
        assert.equal(await p.locator('main form[method="post"]').count(), 0, 'no forms that change data for a read-only account');
        assert.equal(await p.locator('main form').count(), await p.locator('main form[method="get"]').count());
      },
    });
    await check(page, `/${lang}/office/offers/${reference}/edit`, {
      status: 403,
      h1: message(lang, 'forbidden-title'),
      lang,
    });
  });

  it('Collocamento Mirato: offers of its sections', async () => {
    const lang = 'fr';
    await check(await mirato(), `/${lang}/office/offers`, {
      h1: message(lang, 'office-offers-title'),
      lang,
      extra: async (page) => {
        const sections = await page.$$eval('#f-section option', (os) => os.map((o) => o.value));
        assert.ok(sections.includes('mirato_art1'));
      },
    });
  });

  it('Collocamento Mirato: the second factor is on and stays on, in every language', async () => {
    const page = await mirato();
    for (const l of LANGS) {
      await check(page, `/${l}/office/account/second-factor`, {
        h1: message(l, 'second-factor-setup-title'),
        lang: l,
        extra: async (p) => {
          assert.equal(await p.locator('.qr').count(), 0, 'no QR code once the second factor is on');
          assert.equal(await p.locator('#f-code').count(), 0, 'no form to turn it off: every role keeps it');
          assert.equal(await textOf(p, 'main p.note'), message(l, 'second-factor-kept'));
        },
      });
    }
  });

  it('administrator: centres and the texts of the sections', async () => {
    const page = await admin();
    for (const lang of LANGS) {
      await check(page, `/${lang}/office/admin/centres`, { h1: message(lang, 'office-centres-title'), lang });
    }
    const lang = 'de';
    await check(page, `/${lang}/office/admin/centres/new`, { h1: message(lang, 'centre-new-title'), lang });
    await check(page, `/${lang}/office/admin/centres/lecce`, { h1: message(lang, 'centre-edit-title'), lang });
    await check(page, `/${lang}/office/admin/sections`, { h1: message(lang, 'office-sections-title'), lang });
  });

  it('administrator alone: a Collocamento Mirato grant is refused with the way to give it, in every language', async () => {
    const page = await admin();
    for (const lang of LANGS) {
      await page.goto(url(`/${lang}/office/admin/users`));
      const form = page.locator('main form', { has: page.locator('#f-new-email') });
      await page.fill('#f-new-email', `e2e.mirato.${lang}.${Date.now()}@example.test`);
      await page.fill('#f-new-name', 'E2E Mirato');
      await form.locator('input[name="grant"][value^="mirato:"]').first().check();
      const response = await submitWith(page, form.locator('button[type="submit"]'));
      await checkShown(page, response, `a mirato grant with one administrator (${lang})`, {
        status: 422,
        h1: message(lang, 'office-users-title'),
        lang,
        extra: async (p) => {
          assert.equal(await textOf(p, 'main p.note[role="alert"]'), message(lang, 'user-mirato-needs-second-admin'));
        },
      });
    }
  });

  it('administrator: a new user gets a one-time password (201), must choose a password, then set up a second factor', async () => {
    const { page: user, email, password } = await newcomer();
    const l = 'fr';
    await user.goto(url(`/${l}/office/account/second-factor`));
    const secret = await textOf(user, 'code.secret');
    const enable = user.locator('main form button[type="submit"]');
    // The password is asked again: a wrong one is refused on the same form.
    await user.fill('#f-password', 'pas le bon mot de passe');
    await user.fill('#f-code', await freshCode(secret, email));
    const refused = await submitWith(user, enable);
    await checkShown(user, refused, 'the set-up with a wrong password', {
      status: 422,
      h1: message(l, 'second-factor-setup-title'),
      lang: l,
      extra: async (p) => {
        await assertFieldErrors(p, 'set-up with a wrong password', l, { password: 'password-confirm-wrong' });
        assert.equal(await textOf(p, 'code.secret'), secret, 'the same key to scan');
      },
    });
    await user.fill('#f-password', password);
    await user.fill('#f-code', await freshCode(secret, email));
    const codes = await submitWith(user, enable);
    await checkShown(user, codes, 'recovery codes after the set-up', {
      h1: message(l, 'recovery-codes-title'),
      lang: l,
      extra: async (p) => {
        assert.equal(await p.locator('main ul.codes code').count(), 10, 'ten recovery codes');
      },
    });
    const home = await user.goto(url(`/${l}/office/`));
    assert.equal(home?.status(), 200);
    assert.equal(new URL(user.url()).pathname, `/${l}/office/`, 'after the second factor, the office home');
  });
});

// --- keyboard --------------------------------------------------------------------

it('keyboard: the office navigation and the sign-out button are reachable and show focus', async () => {
  const page = await operator();
  await page.goto(url('/en/office/'));
  await page.locator('body').focus();
  await tabUntil(page, 'nav.office-nav a[href="/en/office/offers"]', 20);
  await tabUntil(page, 'nav.office-nav button[type="submit"]', 16);
  const style = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return { outline: s.outlineStyle, width: s.outlineWidth, shadow: s.boxShadow };
  });
  assert.ok(style.outline !== 'none' && parseFloat(style.width) >= 2, `focused sign-out button shows no outline: ${JSON.stringify(style)}`);
  assert.ok(await activeMatches(page, 'nav.office-nav button'), await describeActive(page));
});
