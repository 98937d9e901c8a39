// Keyboard-only use: a person without a mouse can skip to the content, search
// and open an offer. After opening the home page, the walk only presses keys.
//
// Needs a running server: SPORTELLO_URL=http://127.0.0.1:PORT (see run.sh).

import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  baseUrl,
  url,
  launchBrowser,
  newPage,
  closePage,
  assertSingleH1,
  message,
  activeMatches,
  describeActive,
  tabUntil,
} from './helpers.mjs';

let browser;

before(async () => {
  baseUrl(); // fail early and clearly when SPORTELLO_URL is unset
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

it('the first Tab on the home page focuses a visible skip link to #main', async () => {
  const page = await newPage(browser);
  try {
    const response = await page.goto(url('/en/'));
    assert.equal(response?.status(), 200, '/en/: unexpected HTTP status');

    await page.keyboard.press('Tab');
    assert.ok(
      await activeMatches(page, 'a.skip-link'),
      `/en/: first Tab should focus a.skip-link, focused ${await describeActive(page)}`,
    );
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return {
        href: el.getAttribute('href'),
        rect: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom, width: rect.width, height: rect.height },
        viewport: { width: window.innerWidth, height: window.innerHeight },
        visibility: style.visibility,
        display: style.display,
        opacity: Number(style.opacity),
        clip: style.clip,
        clipPath: style.clipPath,
        mainExists: document.getElementById('main') !== null,
      };
    });
    assert.equal(info.href, '#main', '/en/: skip link href');
    assert.ok(info.mainExists, '/en/: skip link points to #main but there is no element with id="main"');

    const { rect, viewport } = info;
    const visible =
      info.display !== 'none' &&
      info.visibility === 'visible' &&
      info.opacity > 0 &&
      rect.width > 1 &&
      rect.height > 1 &&
      rect.right > 0 &&
      rect.bottom > 0 &&
      rect.left < viewport.width &&
      rect.top < viewport.height &&
      !/^rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)$/.test(info.clip) &&
      !/inset\(50%\)/.test(info.clipPath);
    assert.ok(visible, `/en/: focused skip link is not visible: ${JSON.stringify(info)}`);
  } finally {
    await closePage(page);
  }
});

it('keyboard only: search from the home page and open an offer', async () => {
  const page = await newPage(browser);
  try {
    // The only direct navigation.
    const response = await page.goto(url('/en/'));
    assert.equal(response?.status(), 200, '/en/: unexpected HTTP status');

    await tabUntil(page, 'input[name="q"]', 40);
    await page.keyboard.type('waiter');
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/en/search', { waitUntil: 'load' }),
      page.keyboard.press('Enter'),
    ]);
    assert.equal(new URL(page.url()).pathname, '/en/search');
    await assertSingleH1(page, message('en', 'search-title'), page.url());

    await tabUntil(page, 'a.offer-link', 80);
    const offerPath = /^\/en\/offers\/[A-Z]{2}-\d{4,}$/;
    await Promise.all([
      page.waitForURL((u) => offerPath.test(u.pathname), { waitUntil: 'load' }),
      page.keyboard.press('Enter'),
    ]);
    assert.match(new URL(page.url()).pathname, offerPath);
    const h1 = await assertSingleH1(page, undefined, page.url());
    assert.ok(h1.length > 0, `${page.url()}: the h1 is empty`);
  } finally {
    await closePage(page);
  }
});
