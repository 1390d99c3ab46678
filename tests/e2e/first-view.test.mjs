// End to end: the page index.html shows before the app's code has loaded. A first visit sees
// the sample report at once (it is written into index.html when the app is built), the app
// then takes its place without a jump or a change, and an officer with a draft never sees the
// sample instead of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appStarted, openSample, useBrowser } from './harness.mjs';
import { assertNoViolations } from './axe.mjs';

const ctx = useBrowser();
const APP_WASM = /\/app-[0-9a-f]+_bg\.wasm$/;

/// Holds back the app's wasm until `release` is called, so the page stays as index.html drew it.
async function holdAppCode(page) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route(APP_WASM, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/// The report's markup and where it sits on the screen.
const reportNow = (page) => page.evaluate(() => {
  const article = [...document.querySelectorAll('article.report')].find((a) => a.offsetParent !== null);
  if (!article) return null;
  const box = article.getBoundingClientRect();
  // The words, tables and charts as they print: the app adds its editing tools (marked
  // edit-only) and takes typing in the report's own headings and paragraphs.
  const printed = article.cloneNode(true);
  printed.querySelectorAll('.edit-only').forEach((e) => e.remove());
  const text = printed.textContent.replace(/\s+/g, ' ').trim();
  const figures = printed.querySelectorAll('table.figures, svg.chart').length;
  return { classes: article.className, text, figures, left: box.left, top: box.top, width: box.width, height: box.height };
});

test("a first visit shows the sample report before the app's code has loaded, and the app takes its place unchanged", async () => {
  const { page } = ctx;
  const release = await holdAppCode(page);
  await page.goto(ctx.server.url);
  await page.locator('article.report figure svg').first().waitFor();
  assert.equal(await page.locator('article.report h1').innerText(), "Children's social care workforce update");
  assert.ok(await page.locator('article.report table.figures tfoot').first().isVisible(), 'the checked tables are there');
  assert.ok(await page.getByRole('status').filter({ hasText: 'Getting the editor ready…' }).isVisible());
  assert.equal(await page.locator('#first-view').count(), 1, 'still the first view: the app has not started');
  await assertNoViolations(page, 'on the page index.html shows first');
  const before = await reportNow(page);

  release();
  await appStarted(page);
  assert.equal(await page.locator('#first-view').count(), 0, 'the first view is gone once the app has started');
  assert.equal(await page.locator('article.report').count(), 1, 'one report on the page');
  const after = await reportNow(page);
  assert.equal(after.classes, before.classes);
  assert.equal(after.text, before.text, 'the app shows exactly the report index.html showed');
  assert.equal(after.figures, before.figures, 'with the same tables and charts');
  for (const side of ['left', 'top', 'width']) {
    assert.ok(Math.abs(after[side] - before[side]) < 1, `the report does not move (${side}: ${before[side]} then ${after[side]})`);
  }
  await page.getByLabel('Paste a table').waitFor();
});

test('with JavaScript turned off, the sample report can still be read and the page says why nothing else works', async () => {
  const context = await ctx.browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(ctx.server.url);
    assert.equal(await page.locator('article.report h1').innerText(), "Children's social care workforce update");
    assert.ok(await page.locator('article.report figure svg').first().isVisible(), 'the charts are drawn');
    assert.match(await page.locator('#first-view').innerText(), /needs JavaScript turned on to make a report/);
  } finally {
    await context.close();
  }
});

test("an officer with a draft kept in this browser sees 'Opening your draft…', never the sample, until the draft is up", async () => {
  // The service worker would answer the reload itself, past the route that holds the code back.
  const context = await ctx.browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => ctx.problems.push(`uncaught: ${error.message}`));
  await openSample(page, ctx.server.url);
  await page.getByText('Report details', { exact: true }).click();
  await page.getByLabel('Report title').fill('Workforce update, March');
  await page.waitForFunction(() => /kept in this browser/.test(document.querySelector('#autosave-status')?.innerText));
  assert.equal(await page.evaluate(() => localStorage.getItem('wrb.kept')), '1', 'the first view is told a draft is kept');

  const release = await holdAppCode(page);
  await page.reload();
  await page.locator('#first-view').waitFor({ state: 'attached' });
  assert.ok(await page.getByRole('status').filter({ hasText: 'Opening your draft…' }).isVisible());
  assert.equal(await page.locator('#first-view article.report').isVisible(), false, 'the sample is not shown');
  assert.equal(await page.getByText('Getting the editor ready…').isVisible(), false);

  release();
  await appStarted(page);
  assert.equal(await page.locator('article.report h1').innerText(), 'Workforce update, March');
  await context.close();
});

test("when the app's code cannot load, the first view says so rather than 'Getting the editor ready…' for ever", async () => {
  const { page } = ctx;
  ctx.expected.push(/app-[0-9a-f]+_bg\.wasm/, /uncaught/, /console error/);
  await page.route(APP_WASM, (route) => route.abort('failed'));
  await page.goto(ctx.server.url);
  const status = page.getByRole('status').filter({ hasText: 'The editor could not start in this browser' });
  await status.waitFor();
  assert.match(await status.innerText(), /Reload the page to try again: any draft you kept is still in this browser/);
  assert.ok(await page.locator('article.report figure svg').first().isVisible(), 'the report can still be read');
});
