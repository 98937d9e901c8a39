// Shared helpers for Sportello's browser tests.
//
// Uses playwright-core (no bundled browser download) driving Debian's
// Chromium at /usr/bin/chromium, and axe-core for WCAG checks.

import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { createHmac } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import axe from 'axe-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const LANGS = ['it', 'en', 'fr', 'de'];

/** WCAG 2.0/2.1 level A and AA rules: the bar every page must clear. */
export const AXE_OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
};

// ---------------------------------------------------------------------------
// Server address

/** Base URL of the running server, from SPORTELLO_URL, without trailing slash. */
export function baseUrl() {
  const raw = process.env.SPORTELLO_URL;
  if (!raw || !raw.trim()) {
    throw new Error(
      'SPORTELLO_URL is not set: start the server (e.g. `sportello demo --addr 127.0.0.1:0`) ' +
        'and set SPORTELLO_URL to its address, e.g. http://127.0.0.1:34567 — ' +
        'or run tests/e2e/run.sh PATH_TO_SPORTELLO_BINARY, which does both.',
    );
  }
  return raw.trim().replace(/\/+$/, '');
}

/** Absolute URL for a path on the server ("/it/" -> "http://host:port/it/"). */
export function url(path) {
  return baseUrl() + path;
}

/** GET a JSON document from the server's API, asserting a 200 response. */
export async function getJson(path) {
  const target = url(path);
  let res;
  try {
    res = await fetch(target, { headers: { accept: 'application/json' } });
  } catch (err) {
    throw new Error(`GET ${target} failed: ${err.cause?.message ?? err.message}`);
  }
  const body = await res.text();
  assert.equal(res.status, 200, `GET ${target}: expected HTTP 200, got ${res.status}: ${body.slice(0, 500)}`);
  try {
    return JSON.parse(body);
  } catch {
    throw new Error(`GET ${target}: response is not JSON: ${body.slice(0, 500)}`);
  }
}

// ---------------------------------------------------------------------------
// Browser

export async function launchBrowser() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: install it with \`apt-get install -y chromium\``);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
    ],
  });
}

/**
 * A fresh page in its own context. bypassCSP lets axe be injected even when
 * the server sends a strict Content-Security-Policy (it only affects the
 * test's own script injection, not what the page itself may do).
 */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({
    bypassCSP: true,
    viewport: { width: 1280, height: 800 },
    ...options,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.setDefaultNavigationTimeout(20_000);
  return page;
}

/** Close a page and its context, ignoring errors (for `finally` blocks). */
export async function closePage(page) {
  if (!page) return;
  await page.context().close().catch(() => {});
}

/**
 * The link a person follows after the answer "we have sent you a message"
 * to a booking or a registration: the link of the newest message to `recipient` (an
 * e-mail address, or a number in E.164) in the demo's mailbox.
 */
export async function linkFromMailbox(page, lang, recipient) {
  const response = await page.goto(url(`/${lang}/demo/mailbox`), { waitUntil: 'load' });
  assert.equal(response?.status(), 200);
  const item = page.locator('ol.mailbox > li', { hasText: recipient }).first();
  const href = await item
    .locator('a[href*="/appointments/booking/"], a[href*="/b/"], a[href*="/events/registration/"], a[href*="/r/"]')
    .first()
    .getAttribute('href');
  assert.ok(href, `a booking link in the mailbox for ${recipient}`);
  return href;
}

/**
 * The path of the newest link containing `part` in a mail to `recipient`
 * in the demo's mailbox, waiting up to ten seconds for the mail.
 */
export async function mailedPath(page, recipient, part) {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    await page.goto(url('/it/demo/mailbox'), { waitUntil: 'load' });
    const item = page.locator('ol.mailbox > li', { hasText: recipient }).first();
    if ((await item.count()) > 0) {
      const href = await item.locator(`a[href*="${part}"]`).first().getAttribute('href');
      if (href) return new URL(href).pathname;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  assert.fail(`no mail to ${recipient} with a link containing ${part} in the demo mailbox`);
}

// ---------------------------------------------------------------------------
// Page inspection

/** Collapse runs of whitespace into one space and trim. */
export function collapse(text) {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Texts of all h1 elements on the page, whitespace collapsed. */
export async function h1Texts(page) {
  return page.$$eval('h1', (els) => els.map((el) => el.textContent ?? '')).then((ts) => ts.map(collapse));
}

/**
 * Assert the page has exactly one h1 whose collapsed text equals `expected`
 * (also whitespace-collapsed, so an API title with a double space still matches).
 */
export async function assertSingleH1(page, expected, label = page.url()) {
  const texts = await h1Texts(page);
  assert.equal(texts.length, 1, `${label}: expected exactly one h1, found ${texts.length}: ${JSON.stringify(texts)}`);
  if (expected !== undefined) {
    assert.equal(texts[0], collapse(expected), `${label}: unexpected h1 text`);
  }
  return texts[0];
}

/** Value of <html lang>, or null. */
export async function htmlLang(page) {
  return page.evaluate(() => document.documentElement.getAttribute('lang'));
}

// ---------------------------------------------------------------------------
// Keyboard

/** Does the focused element match `selector`? */
export function activeMatches(page, selector) {
  return page.evaluate((sel) => {
    const el = document.activeElement;
    return !!el && el !== document.body && el.matches(sel);
  }, selector);
}

/** A short description of the focused element, for failure messages. */
export function describeActive(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '(nothing: body)';
    const attrs = ['id', 'class', 'name', 'href', 'type']
      .filter((a) => el.hasAttribute(a))
      .map((a) => `${a}="${el.getAttribute(a)}"`)
      .join(' ');
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return `<${el.tagName.toLowerCase()}${attrs ? ' ' + attrs : ''}>${text}`;
  });
}

/** Press Tab until the focused element matches `selector`; returns the number of presses. */
export async function tabUntil(page, selector, maxPresses) {
  const seen = [];
  for (let presses = 1; presses <= maxPresses; presses++) {
    await page.keyboard.press('Tab');
    if (await activeMatches(page, selector)) return presses;
    seen.push(await describeActive(page));
  }
  assert.fail(
    `${page.url()}: ${selector} not focused after ${maxPresses} Tab presses; focus went through:\n  ` +
      seen.join('\n  '),
  );
}

// ---------------------------------------------------------------------------
// axe-core

/** Inject axe-core (once) and run the WCAG A/AA rules; returns the violations. */
export async function runAxe(page) {
  const present = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!present) {
    await page.addScriptTag({ content: axe.source });
  }
  return page.evaluate(async (options) => {
    const results = await window.axe.run(document, options);
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.map((n) =>
        (Array.isArray(n.target) ? n.target : [n.target])
          .map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t)))
          .join(' '),
      ),
    }));
  }, AXE_OPTIONS);
}

/** Human-readable list of violations: id, impact, help and first 3 targets. */
export function formatViolations(violations) {
  return violations
    .map((v) => {
      const shown = v.targets.slice(0, 3).join(', ');
      const more = v.targets.length > 3 ? ` (+${v.targets.length - 3} more)` : '';
      return `  - ${v.id} [${v.impact ?? 'unknown'}]: ${v.help}\n      targets: ${shown}${more}`;
    })
    .join('\n');
}

/** Assert axe finds no WCAG A/AA violations on the page. Returns the violations (empty). */
export async function assertNoAxeViolations(page, label = page.url()) {
  const violations = await runAxe(page);
  assert.ok(
    violations.length === 0,
    `${label}: ${violations.length} accessibility violation(s):\n${formatViolations(violations)}`,
  );
  return violations;
}

// ---------------------------------------------------------------------------
// Fluent UI strings

const fluentCache = new Map();

/** The Fluent files of every language (public pages, back office). */
export const FLUENT_FILES = ['main.ftl', 'office.ftl', 'markup.ftl', 'newsletter.ftl', 'print.ftl', 'reports.ftl', 'account.ftl', 'cv.ftl'];

/** Path of a Fluent file of a language, relative to this file. */
export function fluentPath(lang, file = 'main.ftl') {
  return fileURLToPath(new URL(`../../crates/app/locales/${lang}/${file}`, import.meta.url));
}

/**
 * Parse the simple messages of a Fluent file: single lines `message-id = Text`.
 * Comments, blank lines, attributes (indented `.attr = …`), continuation lines
 * (any indented line) and terms (`-term = …`) are ignored, as are messages
 * whose value is not on the first line.
 */
export function parseFluent(source) {
  const messages = new Map();
  for (const line of source.split(/\r?\n/)) {
    if (line === '' || /^\s/.test(line) || line.startsWith('#')) continue;
    const m = /^([A-Za-z][A-Za-z0-9_-]*)[ \t]*=[ \t]*(.*?)[ \t]*$/.exec(line);
    if (m && m[2] !== '') messages.set(m[1], m[2]);
  }
  return messages;
}

/** Map id -> text of a language's simple Fluent messages (all its files). */
export function fluent(lang) {
  if (!fluentCache.has(lang)) {
    const messages = new Map();
    for (const file of FLUENT_FILES) {
      const path = fluentPath(lang, file);
      let source;
      try {
        source = readFileSync(path, 'utf8');
      } catch (err) {
        throw new Error(`cannot read Fluent file for "${lang}" at ${path}: ${err.message}`);
      }
      for (const [id, text] of parseFluent(source)) messages.set(id, text);
    }
    fluentCache.set(lang, messages);
  }
  return fluentCache.get(lang);
}

/** The text of one Fluent message, failing clearly if it is missing. */
export function message(lang, id) {
  const text = fluent(lang).get(id);
  assert.ok(
    text !== undefined,
    `Fluent message "${id}" missing (or not a single-line message) in ${FLUENT_FILES.map((f) => fluentPath(lang, f)).join(' or ')}`,
  );
  return text;
}

/**
 * A simple Fluent message with its `{ $name }` placeables filled from `args`
 * (no selectors: use it only for single-line messages).
 */
export function formatMessage(lang, id, args = {}) {
  return message(lang, id).replace(/\{\s*\$([A-Za-z0-9_-]+)\s*\}/g, (whole, name) => {
    assert.ok(name in args, `Fluent message "${id}" (${lang}) needs the argument $${name}`);
    return String(args[name]);
  });
}

// ---------------------------------------------------------------------------
// One-time codes (RFC 6238 TOTP, SHA-1, 6 digits, 30 s), for the back office

/** Bytes of an RFC 4648 base32 string (padding and spaces ignored). */
export function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of clean) {
    const index = alphabet.indexOf(ch);
    if (index < 0) throw new Error(`not base32: ${JSON.stringify(text)}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The 30-second step of a Unix time in milliseconds. */
export function totpStep(ms = Date.now()) {
  return Math.floor(ms / 1000 / 30);
}

/** The six-digit TOTP code of a base32 `secret` for a time step. */
export function totpCode(secret, step = totpStep()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const number = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(number).padStart(6, '0');
}
