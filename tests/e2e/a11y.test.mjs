// Accessibility walk: every public page type, in every UI language, must
// answer with the right status, be the expected page (its single h1), carry
// the right <html lang>, and have no WCAG 2.1 A/AA violations found by axe.
//
// Needs a running server: SPORTELLO_URL=http://127.0.0.1:PORT (see run.sh).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  LANGS,
  baseUrl,
  url,
  getJson,
  launchBrowser,
  newPage,
  closePage,
  assertSingleH1,
  htmlLang,
  assertNoAxeViolations,
  message,
} from './helpers.mjs';

const CENTRE = 'lecce';
const SEARCH_QUERY = 'cameriere';

let browser;

before(async () => {
  baseUrl(); // fail early and clearly when SPORTELLO_URL is unset
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

// --- data from the API, fetched lazily and once ------------------------------

function once(fn) {
  let promise;
  return () => (promise ??= fn());
}

const centreName = once(async () => {
  const body = await getJson('/api/v1/centres');
  assert.ok(Array.isArray(body?.items), `/api/v1/centres: expected {"items":[…]}, got ${JSON.stringify(body).slice(0, 300)}`);
  const centre = body.items.find((c) => c?.slug === CENTRE);
  assert.ok(centre, `/api/v1/centres: no centre with slug "${CENTRE}" among ${JSON.stringify(body.items.map((c) => c?.slug))}`);
  assert.equal(typeof centre.name, 'string', `/api/v1/centres: centre "${CENTRE}" has no string "name"`);
  return centre.name;
});

const offerReference = once(async () => {
  const path = `/api/v1/offers?centre=${CENTRE}&per_page=1`;
  const body = await getJson(path);
  assert.ok(Array.isArray(body?.items) && body.items.length > 0, `${path}: expected at least one item, got ${JSON.stringify(body).slice(0, 300)}`);
  const reference = body.items[0]?.reference;
  assert.equal(typeof reference, 'string', `${path}: first item has no string "reference"`);
  return reference;
});

async function offerTitle(lang) {
  const reference = await offerReference();
  const path = `/api/v1/offers/${encodeURIComponent(reference)}?lang=${lang}`;
  const body = await getJson(path);
  assert.equal(typeof body?.title, 'string', `${path}: expected a string "title", got ${JSON.stringify(body).slice(0, 300)}`);
  return { reference, title: body.title };
}

// --- one page check ----------------------------------------------------------

/**
 * Open `path`, then assert status, single h1 text, <html lang> and no axe
 * violations. `extra(page)` runs before axe for page-specific checks.
 */
async function checkPage(path, { status, h1, lang, extra }) {
  const page = await newPage(browser);
  try {
    const response = await page.goto(url(path), { waitUntil: 'load' });
    assert.ok(response, `${path}: no HTTP response`);
    assert.equal(response.status(), status, `${path}: unexpected HTTP status`);
    if (h1 !== undefined) await assertSingleH1(page, h1, path);
    if (lang !== undefined) assert.equal(await htmlLang(page), lang, `${path}: unexpected <html lang>`);
    if (extra) await extra(page);
    await assertNoAxeViolations(page, path);
  } finally {
    await closePage(page);
  }
}

// --- the pages, in every language --------------------------------------------

for (const lang of LANGS) {
  describe(`pages in "${lang}"`, () => {
    it(`home /${lang}/`, async () => {
      await checkPage(`/${lang}/`, { status: 200, h1: message(lang, 'home-title'), lang });
    });

    it(`board /${lang}/centres/${CENTRE}`, async () => {
      await checkPage(`/${lang}/centres/${CENTRE}`, { status: 200, h1: await centreName(), lang });
    });

    it(`offer /${lang}/offers/{reference}`, async () => {
      const { reference, title } = await offerTitle(lang);
      await checkPage(`/${lang}/offers/${encodeURIComponent(reference)}`, { status: 200, h1: title, lang });
    });

    it(`search /${lang}/search?q=${SEARCH_QUERY}`, async () => {
      const path = `/${lang}/search?q=${encodeURIComponent(SEARCH_QUERY)}`;
      await checkPage(path, {
        status: 200,
        h1: message(lang, 'search-title'),
        lang,
        extra: async (page) => {
          const links = await page.locator('a.offer-link').count();
          assert.ok(links >= 1, `${path}: expected at least one a.offer-link, found ${links}`);
        },
      });
    });

    it(`search with every filter open /${lang}/search?section=eures`, async () => {
      await checkPage(`/${lang}/search?section=eures&sort=date`, { status: 200, h1: message(lang, 'search-title'), lang });
    });

    it(`bad filter /${lang}/search?section=vip`, async () => {
      await checkPage(`/${lang}/search?section=vip`, { status: 400, h1: message(lang, 'bad-request-title'), lang });
    });

    it(`accessibility statement /${lang}/accessibility`, async () => {
      await checkPage(`/${lang}/accessibility`, { status: 200, h1: message(lang, 'accessibility-title'), lang });
    });

    it(`privacy notice /${lang}/privacy`, async () => {
      await checkPage(`/${lang}/privacy`, { status: 200, h1: message(lang, 'privacy-title'), lang });
    });

    it(`not found /${lang}/centres/no-such-centre`, async () => {
      await checkPage(`/${lang}/centres/no-such-centre`, { status: 404, h1: message(lang, 'not-found-title'), lang });
    });
  });
}

describe('unknown language', () => {
  it('/xx/ is 404 and links to every language home', async () => {
    const origin = new URL(baseUrl()).origin;
    await checkPage('/xx/', {
      status: 404,
      extra: async (page) => {
        const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.href));
        const paths = new Set(
          hrefs
            .map((h) => new URL(h))
            .filter((u) => u.origin === origin)
            .map((u) => u.pathname),
        );
        for (const lang of LANGS) {
          assert.ok(paths.has(`/${lang}/`), `/xx/: no link to /${lang}/ (links found: ${JSON.stringify(hrefs)})`);
        }
      },
    });
  });
});
