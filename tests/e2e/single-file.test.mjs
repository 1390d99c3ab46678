// End to end: the single-file build (scripts/single-file.mjs) opened from file://, with no
// server at all: the sample report, a pasted table, files read by the worker inside the page,
// a saved project, and the draft kept across a reload.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { appStarted, RECORD_TOO_SHORT, totalRow } from './harness.mjs';

const FILE = new URL('../../dist-single/workforce-report-builder.html', import.meta.url).pathname;
const WORKBOOK = new URL('../fixtures/establishment-2025.xlsx', import.meta.url).pathname;
let browser;

before(async () => {
  assert.ok(existsSync(FILE), `${FILE} is missing: run \`node scripts/single-file.mjs\` after \`trunk build --release\``);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
});
after(async () => browser?.close());

test('the single file has everything inside it and a strict policy', () => {
  const html = readFileSync(FILE, 'utf8');
  assert.doesNotMatch(html, /<(?:script|link)[^>]+(?:src|href)="(?!data:)/, 'no script, style or icon from a file beside it');
  const policy = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)[1];
  assert.match(policy, /default-src 'none'/);
  assert.match(policy, /connect-src 'none'/);
  assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'/);
});

test('opened from file://, it builds a report from pasted text, a CSV and a workbook, and keeps the draft', async () => {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('request', (r) => {
    if (!['file:', 'data:', 'blob:'].includes(new URL(r.url()).protocol)) problems.push(`request: ${r.url()}`);
  });

  await page.goto(pathToFileURL(FILE).href);
  await appStarted(page);
  assert.equal(await page.locator('article.report h1').innerText(), "Children's social care workforce update");

  await page.getByLabel('Paste a table').fill('Role\tEstablishment\tPermanent\tAgency\tVacant\nSocial worker\t12\t8\t2\t2\nTeam manager\t3\t3\t0\t0\n');
  await page.waitForFunction(() => document.querySelector('article.report tfoot')?.innerText.includes('15.00'));
  assert.deepEqual((await totalRow(page)).slice(0, 5), ['Total', '15.00', '11.00', '2.00', '2.00']);

  // Files go to the import worker, which here starts from a data: address inside the page.
  await page.getByLabel('Upload a file').setInputFiles({
    name: 'team.csv', mimeType: 'text/csv',
    buffer: Buffer.from('Role,Establishment,Permanent,Agency,Vacant\nSocial worker,10,6,2,2\nTeam manager,3,3,0,0\n'),
  });
  await page.waitForFunction(() => document.querySelector('article.report tfoot')?.innerText.includes('13.00'));
  assert.match(await page.getByRole('status').first().innerText(), /Report updated from team\.csv: 2 roles/);
  await page.getByLabel('Upload a file').setInputFiles(WORKBOOK);
  await page.waitForFunction(() => document.querySelector('article.report tfoot')?.innerText.includes('77.50'));
  assert.deepEqual(await totalRow(page), ['Total', '77.50', '57.50', '18.00', '20.00', '2.00', '25.8%', '23.8%']);

  const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save project' }).click()]);
  const project = JSON.parse(readFileSync(await saved.path(), 'utf8'));
  assert.equal(project.format, 'Workforce Report Builder project');

  // The draft is kept in the browser, file:// or not.
  await page.waitForTimeout(800);
  await page.reload();
  await appStarted(page);
  assert.equal((await totalRow(page))[1], '77.50');
  await context.close();
  assert.deepEqual(problems, []);
});

test('opened from file://, a file the reader stops on part way gets its message at once', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(pathToFileURL(FILE).href);
  await appStarted(page);
  await page.getByLabel('Upload a file').setInputFiles(RECORD_TOO_SHORT);
  const error = page.locator('#upload-error');
  // Well within the 60 s the page otherwise waits for an answer.
  await error.waitFor({ timeout: 20000 });
  assert.match(await error.innerText(), /establishment\.xls: Reading it stopped part way/);
  await context.close();
});
