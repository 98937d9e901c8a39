// Self-test of the accessibility check: on a deliberately broken page the
// same axe run used by a11y.test.mjs must report violations, and the
// assertion must fail with a readable message. Needs no server.

import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launchBrowser, newPage, closePage, runAxe, assertNoAxeViolations } from './helpers.mjs';

const fixture = readFileSync(new URL('./fixtures/broken.html', import.meta.url), 'utf8');

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

it('axe reports the broken fixture\'s violations', async () => {
  const page = await newPage(browser);
  try {
    await page.setContent(fixture, { waitUntil: 'load' });
    const violations = await runAxe(page);
    const ids = new Set(violations.map((v) => v.id));
    assert.ok(ids.size >= 3, `expected at least 3 distinct violated rules, got ${JSON.stringify([...ids])}`);
    // Each planted defect should be caught by its own rule.
    for (const id of ['image-alt', 'label', 'color-contrast', 'button-name', 'html-has-lang']) {
      assert.ok(ids.has(id), `expected rule "${id}" among violations ${JSON.stringify([...ids])}`);
    }
  } finally {
    await closePage(page);
  }
});

it('the no-violations assertion fails on the fixture, listing id, impact, help and targets', async () => {
  const page = await newPage(browser);
  try {
    await page.setContent(fixture, { waitUntil: 'load' });
    await assert.rejects(assertNoAxeViolations(page, 'fixtures/broken.html'), (err) => {
      assert.ok(err instanceof assert.AssertionError, `expected an AssertionError, got ${err}`);
      assert.match(err.message, /fixtures\/broken\.html: \d+ accessibility violation\(s\)/);
      assert.match(err.message, /- image-alt \[critical\]: Images must have alternative text/);
      assert.match(err.message, /targets: img/);
      assert.match(err.message, /- button-name \[critical\]: /);
      return true;
    });
  } finally {
    await closePage(page);
  }
});
