// Shared helpers of the back-office browser tests (office.test.mjs, which
// walks every page in every language, and office-flows.test.mjs, which uses
// the keyboard only and turns JavaScript off): the demo accounts, signing
// in, one-time codes, the checks of a page and of a form with errors, and
// the demo data the tests start from.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  url,
  newPage,
  closePage,
  assertSingleH1,
  htmlLang,
  assertNoAxeViolations,
  collapse,
  message,
  totpCode,
  totpStep,
  baseUrl,
} from './helpers.mjs';

/** The demo's accounts, each with its second factor's key (crates/demo/src/accounts.rs). */
export const ACCOUNTS = {
  admin: {
    email: 'admin@demo.sportello.test',
    password: 'demo-sportello-amministrazione',
    totp: 'ONYG64TUMVWGY3ZNMRSW23ZNMFSG22LO',
  },
  coordinator: {
    email: 'coordinator@demo.sportello.test',
    password: 'demo-sportello-coordinamento',
    totp: 'ONYG64TUMVWGY3ZNMRSW23ZNMNXW64TE',
  },
  operator: {
    email: 'operator@demo.sportello.test',
    password: 'demo-sportello-centro-lecce',
    totp: 'ONYG64TUMVWGY3ZNMRSW23ZNNRSWGY3F',
  },
  mirato: {
    email: 'mirato@demo.sportello.test',
    password: 'demo-sportello-legge68-lecce',
    totp: 'ONYG64TUMVWGY3ZNMRSW23ZNNQ3DQOJZ',
  },
};

/** Native names of the languages, as the translation pages show them. */
export const NATIVE = { it: 'Italiano', en: 'English', fr: 'Français', de: 'Deutsch' };

/** Offer references as the back office writes them in its links. */
export const OFFER_PATH = /^\/(it|en|fr|de)\/office\/offers\/([A-Z]{2}-\d{4,})$/;

/** A lazy, shared value: `fn` runs at the first call only. */
export function once(fn) {
  let promise;
  return () => (promise ??= fn());
}

// --- navigation and checks ---------------------------------------------------

export function pathOf(page) {
  const u = new URL(page.url());
  return u.pathname + u.search;
}

/** Click `locator` (a submit button) and wait for the page it leads to; returns the final response. */
export async function submitWith(page, locator) {
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
  assert.ok(response, `${pathOf(page)}: the form submission got no HTTP response`);
  return response;
}

/**
 * Check the page now shown: HTTP status, single h1 (its text when `h1` is
 * given), <html lang>, then `extra(page)`, then axe.
 */
export async function checkShown(page, response, label, { status = 200, h1, lang, extra } = {}) {
  assert.equal(response.status(), status, `${label}: unexpected HTTP status (now at ${pathOf(page)})`);
  const text = await assertSingleH1(page, h1, label);
  assert.ok(text.length > 0, `${label}: the h1 is empty`);
  if (lang !== undefined) assert.equal(await htmlLang(page), lang, `${label}: unexpected <html lang>`);
  if (extra) await extra(page);
  await assertNoAxeViolations(page, label);
}

/** Open `path` in `page` and check it (see checkShown). */
export async function check(page, path, options) {
  const response = await page.goto(url(path), { waitUntil: 'load' });
  assert.ok(response, `${path}: no HTTP response`);
  await checkShown(page, response, path, options);
}

/** Text of the first element matching `selector`, whitespace collapsed. */
export async function textOf(page, selector) {
  const locator = page.locator(selector).first();
  assert.ok((await locator.count()) > 0, `${pathOf(page)}: no ${selector}`);
  return collapse(await locator.textContent());
}

/**
 * An error summary that links to each wrong field, and fields that say they
 * are wrong and point (aria-describedby) to their own message.
 */
export async function assertFieldErrors(page, label, lang, expected = {}) {
  const summary = page.locator('.error-summary');
  assert.equal(await summary.count(), 1, `${label}: expected one .error-summary`);
  assert.equal(
    collapse(await summary.locator('h2').textContent()),
    message(lang, 'form-has-errors'),
    `${label}: error summary heading`,
  );
  const links = await summary.locator('a').evaluateAll((as) =>
    as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent.replace(/\s+/g, ' ').trim() })),
  );
  assert.ok(links.length > 0, `${label}: the error summary lists no field`);
  for (const { href, text } of links) {
    assert.match(href, /^#f-[A-Za-z0-9_-]+$/, `${label}: error summary link ${href}`);
    const id = href.slice(1);
    const field = await page.evaluate((fieldId) => {
      const el = document.getElementById(fieldId);
      if (!el) return null;
      const described = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
      const error = document.getElementById(`${fieldId}-error`);
      const label = document.querySelector(`label[for="${fieldId}"]`);
      return {
        label: label ? label.textContent.replace(/\s+/g, ' ').trim() : null,
        tag: el.tagName.toLowerCase(),
        invalid: el.getAttribute('aria-invalid'),
        described,
        error: error ? { className: error.className, text: error.textContent.replace(/\s+/g, ' ').trim() } : null,
      };
    }, id);
    assert.ok(field, `${label}: the error summary links to #${id}, which does not exist`);
    assert.ok(['input', 'select', 'textarea'].includes(field.tag), `${label}: #${id} is a <${field.tag}>, not a field`);
    assert.equal(field.invalid, 'true', `${label}: #${id} has no aria-invalid="true"`);
    assert.ok(field.error, `${label}: #${id} has no message #${id}-error`);
    assert.ok(field.described.includes(`${id}-error`), `${label}: #${id} is not described by #${id}-error`);
    assert.match(field.error.className, /\bfield-error\b/, `${label}: #${id}-error has no class field-error`);
    // The summary names the field (its label), then says what the field says.
    assert.ok(field.label, `${label}: #${id} has no label`);
    assert.ok(
      [`${field.label}: ${field.error.text}`, `${field.label} : ${field.error.text}`].includes(text),
      `${label}: the summary says "${text}" for #${id}, expected its label "${field.label}" and its message "${field.error.text}"`,
    );
  }
  const outOfOrder = await page.evaluate((ids) => {
    const els = ids.map((id) => document.getElementById(id));
    for (let i = 1; i < els.length; i++) {
      if (!(els[i - 1].compareDocumentPosition(els[i]) & Node.DOCUMENT_POSITION_FOLLOWING)) return [ids[i - 1], ids[i]];
    }
    return null;
  }, links.map((l) => l.href.slice(1)));
  assert.equal(outOfOrder, null, `${label}: the error summary does not follow the order of the form`);
  for (const [field, id] of Object.entries(expected)) {
    const link = links.find((l) => l.href === `#f-${field}`);
    assert.ok(link, `${label}: no error for ${field} in the summary ${JSON.stringify(links)}`);
    assert.ok(link.text.endsWith(` ${message(lang, id)}`), `${label}: the error of ${field} is "${link.text}"`);
  }
  return links;
}

/** The one-time code field says it is wrong and points to the message. */
export async function assertCodeFieldInvalid(page) {
  assert.equal(await page.getAttribute('#f-code', 'aria-invalid'), 'true', '#f-code has no aria-invalid="true"');
  const described = ((await page.getAttribute('#f-code', 'aria-describedby')) ?? '').split(/\s+/);
  assert.ok(described.includes('f-code-error'), `#f-code is not described by its error: ${described}`);
  assert.equal(await page.locator('#f-code-error.error').count(), 1, 'no #f-code-error message');
}

// --- signing in ----------------------------------------------------------------

/** Fill the sign-in form of `lang` and send it; returns the response. */
export async function signIn(page, lang, account) {
  const response = await page.goto(url(`/${lang}/office/sign-in`));
  assert.equal(response?.status(), 200, `/${lang}/office/sign-in: unexpected HTTP status`);
  await page.fill('#f-email', account.email);
  await page.fill('#f-password', account.password);
  return submitWith(page, page.locator('main form button[type="submit"]'));
}

/**
 * Send a fresh code of `account` on the second-factor form now shown in
 * `page` (after the password); a code refused as used already (by an
 * earlier run against this server) is followed by the next one. Returns the
 * last response.
 */
export async function passSecondFactor(page, account) {
  assert.match(new URL(page.url()).pathname, /\/office\/sign-in\/second-factor$/, `not at the second factor: ${pathOf(page)}`);
  const form = new URL(page.url());
  let response;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (attempt > 0) await page.goto(form.href);
    await page.fill('#f-code', await freshCode(account.totp, account.email));
    response = await submitWith(page, page.locator('main form button[type="submit"]'));
    if (response.status() !== 401) break;
  }
  return response;
}

/** Sign in as `account` in `lang`, with the password and then a code; returns the last response. */
export async function signInFully(page, lang, account) {
  const response = await signIn(page, lang, account);
  assert.equal(response.status(), 200, `signing in as ${account.email}: unexpected HTTP status at ${pathOf(page)}`);
  return passSecondFactor(page, account);
}

/**
 * A file shared by the test files of this run: in run.sh's own temporary
 * folder (removed at the end), or else the system's, named after the
 * server's port.
 */
function runFile(name) {
  return join(process.env.SPORTELLO_E2E_STATE || tmpdir(), `sportello-e2e-${name}-${new URL(baseUrl()).port}.json`);
}

/** Where the cookies of `role`'s session are kept for the other test files of this run. */
function sessionFile(role) {
  return runFile(`session-${role}`);
}

/**
 * A page in a new context of `browser`, signed in as `role` (password and
 * second factor), on its office home. The session is kept for the other
 * test files of the run, which start from it while it lasts (unless
 * `fresh`): each sign-in takes a code, and an account's code works once per
 * 30-second step.
 */
export async function signInAs(browser, role, options = {}, { fresh = false } = {}) {
  const kept = sessionFile(role);
  if (!fresh && existsSync(kept)) {
    const page = await newPage(browser, { ...options, storageState: kept });
    const response = await page.goto(url('/it/office/'));
    if (response?.status() === 200 && new URL(page.url()).pathname === '/it/office/') return page;
    await closePage(page);
  }
  const page = await newPage(browser, options);
  const response = await signInFully(page, 'it', ACCOUNTS[role]);
  assert.equal(response.status(), 200, `signing in as ${role}: unexpected HTTP status at ${pathOf(page)}`);
  assert.equal(new URL(page.url()).pathname, '/it/office/', `signing in as ${role}: landed on ${pathOf(page)}`);
  await page.context().storageState({ path: kept });
  return page;
}

// --- one-time codes --------------------------------------------------------------

/**
 * The last time step whose code was sent for each account, shared by the
 * test files of one run (each is a process of its own) through a file of
 * the run (`runFile`): the server takes each step once per account.
 */
function stepsFile() {
  return runFile('totp-steps');
}

function sentSteps() {
  try {
    return JSON.parse(readFileSync(stepsFile(), 'utf8'));
  } catch {
    return {};
  }
}

/**
 * A TOTP code of `secret` for a step not sent yet for `account` (a name:
 * the e-mail address; the secret itself by default). The server takes the
 * step before its own, its own and the next one, each once: this picks the
 * earliest of them not sent (the step before only early in a step, so that
 * it is still good when the form arrives), and waits for the next step when
 * all three were sent.
 */
export async function freshCode(secret, account = secret) {
  for (;;) {
    const now = Date.now() / 1000;
    const step = totpStep();
    const steps = sentSteps();
    const last = steps[account] ?? -Infinity;
    const candidates = [...(now - step * 30 < 15 ? [step - 1] : []), step, step + 1];
    const chosen = candidates.find((s) => s > last);
    if (chosen !== undefined) {
      writeFileSync(stepsFile(), JSON.stringify({ ...steps, [account]: chosen }));
      return totpCode(secret, chosen);
    }
    await new Promise((resolve) => setTimeout(resolve, ((step + 1) * 30 - now) * 1000 + 200));
  }
}

/** A six-digit code that is valid for no step near now. */
export function wrongCode(secret) {
  const step = totpStep();
  const valid = new Set([-2, -1, 0, 1, 2].map((d) => totpCode(secret, step + d)));
  return ['000000', '111111', '222222', '333333'].find((c) => !valid.has(c));
}

/** Today + `days` in Rome, as { y, m, d } strings. */
export function romeDate(days) {
  const when = new Date(Date.now() + days * 86_400_000);
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(when)
    .reduce((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return { y: parts.year, m: parts.month, d: parts.day, iso: `${parts.year}-${parts.month}-${parts.day}` };
}

// --- demo data ------------------------------------------------------------------

/** Offer references linked from the office list at `query`. */
export async function referencesAt(page, lang, query) {
  const path = `/${lang}/office/offers${query}`;
  const response = await page.goto(url(path));
  assert.equal(response?.status(), 200, `${path}: unexpected HTTP status`);
  const hrefs = await page.$$eval('table.data tbody a[href]', (as) => as.map((a) => a.getAttribute('href')));
  return hrefs.map((h) => OFFER_PATH.exec(h)?.[2]).filter(Boolean);
}

/** A published offer of the ordinary section of Lecce, which the operator (signed in on `page`) may edit. */
export async function findPublishedReference(page) {
  const refs = await referencesAt(page, 'it', '?status=published&section=ordinary');
  assert.ok(refs.length > 0, 'the operator sees no published ordinary offer');
  return refs[0];
}

/** A published offer waiting for its English text, from the queue of the operator signed in on `page`. */
export async function findUntranslatedReference(page) {
  const response = await page.goto(url('/it/office/translations?lang=en'));
  assert.equal(response?.status(), 200, '/it/office/translations?lang=en: unexpected HTTP status');
  const hrefs = await page.$$eval('table.data a[href]', (as) => as.map((a) => a.getAttribute('href')));
  const ref = hrefs.map((h) => /\/office\/translations\/([A-Z]{2}-\d{4,})\/en$/.exec(h)?.[1]).find(Boolean);
  assert.ok(ref, `the translation queue for English links no offer: ${JSON.stringify(hrefs.slice(0, 5))}`);
  return ref;
}

/** A valid partita IVA (the example of the Italian revenue agency's documents). */
export const PARTITA_IVA = '00743110157';

/**
 * Send an employer's vacancy request through the public form (it arrives as
 * a draft in the Lecce centre's queue) from a new context of `browser`; find
 * it in the queue of the operator signed in on `office`; returns the
 * reference of its draft offer.
 */
export async function sendEmployerRequest(browser, office) {
  const page = await newPage(browser);
  const title = `Richiesta di prova ${Date.now()}`;
  try {
    const response = await page.goto(url('/it/employers/request'));
    assert.equal(response?.status(), 200, '/it/employers/request: unexpected HTTP status');
    await page.fill('#f-company', 'Azienda di Prova S.r.l.');
    await page.fill('#f-vat_number', PARTITA_IVA);
    await page.fill('#f-contact_name', 'Maria Rossi');
    await page.fill('#f-email', 'maria.rossi@example.test');
    await page.fill('#f-phone', '0832 123456');
    await page.selectOption('#f-centre', 'lecce');
    await page.selectOption('#f-occupation', '5131');
    await page.fill('#f-title', title);
    await page.fill('#f-description', 'Servizio ai tavoli in un ristorante del centro.');
    await page.fill('#f-how_to_apply', 'Inviare il CV per e-mail.');
    await page.fill('#f-town', 'Lecce');
    await page.selectOption('#f-contract', { index: 1 });
    await page.selectOption('#f-working_time', { index: 1 });
    await page.fill('#f-openings', '1');
    await page.fill('#f-valid_through', romeDate(25).iso);
    await page.selectOption('#f-education', { index: 1 });
    const sent = await submitWith(page, page.locator('main form button[type="submit"]'));
    assert.equal(sent.status(), 201, `the employer's request was not accepted: ${collapse(await page.locator('main').textContent()).slice(0, 500)}`);
  } finally {
    await closePage(page);
  }
  const response = await office.goto(url('/it/office/requests'));
  assert.equal(response?.status(), 200, '/it/office/requests: unexpected HTTP status');
  const heading = office.locator('main h2', { hasText: title });
  assert.equal(await heading.count(), 1, `the request "${title}" is not in the operator's queue`);
  const href = await heading.locator('a').getAttribute('href');
  const reference = OFFER_PATH.exec(href ?? '')?.[2];
  assert.ok(reference, `the request links to ${href}, not to an offer`);
  return reference;
}
