// Shared end-to-end setup: the release build served from dist/, Debian's Chromium driven by
// playwright-core, and a page that records every console error, uncaught exception and
// request outside its origin, so each test fails on any of them.
import { after, afterEach, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/// A workbook calamine panics on (tests/hostile_input.rs builds it and checks this copy),
/// uploaded under an officer's name for it: in the browser the panic aborts the import
/// worker's wasm.
export const RECORD_TOO_SHORT = {
  name: 'establishment.xls', mimeType: 'application/vnd.ms-excel',
  buffer: readFileSync(new URL('../fixtures/record-too-short.xls', import.meta.url)),
};

/// Registers the hooks; the returned object's fields are current inside each test. `args`
/// are further Chromium switches for this file's tests.
export function useBrowser({ args = [] } = {}) {
  const ctx = { server: null, browser: null, context: null, page: null, problems: [], expected: [] };
  before(async () => {
    assert.ok(existsSync(`${DIST}index.html`), 'dist/index.html is missing: run `trunk build --release` first');
    ctx.server = await serve(DIST);
    ctx.browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', ...args],
    });
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  beforeEach(async () => {
    ctx.context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await ctx.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ctx.server.url });
    ctx.page = await ctx.context.newPage();
    ctx.problems = [];
    ctx.expected = [];
    const origin = new URL(ctx.server.url).origin;
    ctx.page.on('console', (message) => {
      if (message.type() === 'error') ctx.problems.push(`console error: ${message.text()}`);
    });
    ctx.page.on('pageerror', (error) => ctx.problems.push(`uncaught: ${error.message}`));
    ctx.page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) {
        ctx.problems.push(`request outside the page's origin: ${request.url()}`);
      }
    });
    ctx.page.on('requestfailed', (request) => ctx.problems.push(`failed request: ${request.url()}`));
  });
  afterEach(async () => {
    await ctx.context.close();
    const unexpected = ctx.problems.filter((p) => !ctx.expected.some((pattern) => pattern.test(p)));
    assert.deepEqual(unexpected, [], 'no console error, no uncaught exception, no request off the origin');
  });
  return ctx;
}

/// Opens the app and waits for the sample report, drawn by the app itself: not only the copy
/// index.html shows until the app's code has started.
export async function openSample(page, url) {
  await page.goto(url);
  await appStarted(page);
}

/// Waits until the app has taken the place of the page index.html first shows, with the report
/// written in place and its controls (a frame after the report) drawn, and settled, so a
/// test's first key press goes to a field that stays.
export async function appStarted(page) {
  await page.waitForFunction(() => !document.getElementById('first-view'), null, { timeout: 30_000 });
  await page.locator('article.report table.figures tfoot').first().waitFor();
  await page.locator('article.report .in-place').first().waitFor({ state: 'attached' });
  await page.locator('#paste-table').waitFor({ state: 'attached' });
  // The blocks' tools and Add menus follow a frame after the report.
  await page.locator('article.report .add-to-section select').first().waitFor({ state: 'attached' });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)))));
}

/// The first table's total row, cell by cell.
export async function totalRow(page) {
  const text = await page.locator('article.report table.figures tfoot tr').first().innerText();
  return text.split('\t').map((s) => s.trim());
}

/// Waits for `happened`, failing with `why` if it has not within `ms`.
export async function within(happened, ms, why) {
  let timer;
  await Promise.race([happened, new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(why)), ms);
  })]).finally(() => clearTimeout(timer));
}

/// After a file that could not be read: the next file (the establishment workbook fixture)
/// goes to a fresh worker and is read, and the message about the last one goes.
export async function nextFileIsRead(page, upload, error) {
  await upload.setInputFiles(new URL('../fixtures/establishment-2025.xlsx', import.meta.url).pathname);
  await page.waitForFunction(() => document.querySelector('article.report tfoot')?.innerText.includes('77.50'));
  assert.equal(await error.count(), 0, 'the message goes once a file is read');
}

/// Writes `text` into a field of the report in place, as an officer does: the words typed, and
/// each `{name}` put in from the list of live figures that `{` opens. What was there goes.
export async function writeInReport(page, name, text) {
  const field = page.getByRole('textbox', { name, exact: true });
  await field.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  for (const piece of text.split(/(\{[^}]+\})/)) {
    if (!piece) continue;
    const figure = piece.match(/^\{([^}]+)\}$/);
    if (figure) {
      await page.keyboard.press('{');
      await page.locator('#figure-search').fill(figure[1]);
      // The figure of exactly that name (a name the list does not hold is offered as typed).
      const names = page.locator('#figure-choices .figure-name').getByText(figure[1], { exact: true });
      await names.first().dispatchEvent('mousedown');
      await page.locator('#figure-search').waitFor({ state: 'detached' });
    } else {
      await page.keyboard.insertText(piece);
    }
  }
  return field;
}
