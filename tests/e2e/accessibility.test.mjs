// End to end: axe-core finds no WCAG 2.2 AA violation in any main state of the app, nor on
// the page for members that councils publish.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { assertNoViolations } from './axe.mjs';
import { openSample, useBrowser } from './harness.mjs';

const ctx = useBrowser();
const TEMPLATES = [
  "Children's social care workforce update",
  'Adult social care workforce: vacancies and risk',
  "Social work workforce: progress against the Panel's recommendations",
];
const PASTED = [
  'Role\tEstablishment\tPermanent\tAgency\tVacant\t(Over)/under',
  'Social Worker\t20.00\t14.00\t4.00\t6.00\t2.00',
  'Team Manager\t4.00\t3.00\t0.00\t1.00\t1.00',
].join('\n');
const WITH_ERRORS = [
  'Role\tEstablishment\tPermanent\tAgency\tVacant\t(Over)/under',
  'Social Worker\t10\t7\t2\t3\t2',
  'Team Manager\t4\t3\t0\t1\t1',
  'Total\t14\t10\t2.5\t4\t3',
].join('\n');

const reportIncludes = (page, text) =>
  page.waitForFunction((text) => document.querySelector('article.report')?.innerText.replace(/\u00a0/g, ' ').includes(text), text);

test('the sample on first load', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await assertNoViolations(page, 'on the sample as it first opens');
});

test('after a paste, with the import details and Columns shown', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await page.getByLabel('Paste a table').fill(PASTED);
  await reportIncludes(page, '24.00');
  await page.getByRole('group', { name: 'Columns' }).waitFor();
  await assertNoViolations(page, 'after a paste');
});

test('a paste that cannot be read', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await page.getByLabel('Paste a table').fill('Notes for the meeting\nthe figures follow next week');
  await page.locator('#paste-error').waitFor();
  await assertNoViolations(page, 'with an unreadable paste');
});

test('a file that cannot be read', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await page.getByLabel('Upload a file').setInputFiles({
    name: 'staffing.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a workbook'),
  });
  await page.locator('#import-error').waitFor();
  await assertNoViolations(page, 'with an unreadable file');
});

for (const [i, title] of TEMPLATES.entries()) {
  test(`the template “${title}”, with its panels`, async () => {
    const { page } = ctx;
    await openSample(page, ctx.server.url);
    await page.getByText('Start from a template', { exact: true }).click();
    await page.getByLabel('Template', { exact: true }).selectOption(String(i));
    await page.getByRole('button', { name: 'Open this template' }).click();
    await page.waitForFunction((title) => document.querySelector('article.report h1')?.innerText === title, title);
    await assertNoViolations(page, `on the template “${title}” with “Start from a template” open`);
  });
}

test('Report details, and the report written in place: a paragraph being typed in, its tools, the list of figures', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await page.getByText('Report details', { exact: true }).click();
  await page.getByLabel('Add to section 2').selectOption({ label: 'Bullet list' });
  await page.locator('.add-to-section', { has: page.getByLabel('Add to section 2') }).getByRole('button', { name: 'Add' }).click();
  const paragraph = page.getByRole('textbox', { name: 'Paragraph 1.1', exact: true });
  await paragraph.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Edited ');
  await page.keyboard.press('{');
  await page.keyboard.type('vacancy rate');
  await assertNoViolations(page, 'with the list of live figures open');
  await page.keyboard.press('Enter');
  await page.keyboard.type('.');
  await reportIncludes(page, 'Edited 31.4%.');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Paragraph 1.1', 'still typing in it');
  await assertNoViolations(page, 'while a paragraph is typed in, its tools showing');
});

test('Checks with findings', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await page.getByLabel('Paste a table').fill(WITH_ERRORS);
  await page.waitForFunction(() => document.querySelector('.checks-summary')?.innerText.includes('2 things to look at'));
  await assertNoViolations(page, 'with findings under Checks');
});

test('the print preview with page breaks marked', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await page.getByLabel('Show page breaks in the preview').check();
  await page.locator('#report-preview [data-page]').first().waitFor();
  await assertNoViolations(page, 'with page breaks shown in the preview');
});

test('the benchmarks, scenarios, cohorts and staff list panels', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  for (const name of ['Benchmarks', 'Scenarios', 'Cohorts, recruitment and budgets']) {
    await page.getByRole('region', { name }).waitFor();
  }
  await page.locator('.benchmark-table').waitFor();
  await assertNoViolations(page, 'with the Benchmarks, Scenarios and Cohorts panels');

  await page.getByLabel('Paste a table').fill([
    'Job title\tFTE\tContract type\tStart date\tLeaving date\tReason for leaving\tDate of birth',
    'Social Worker\t1\tPermanent\t01/04/2015\t\t\t15/03/1968',
    'Social Worker\t1\tPermanent\t01/01/2018\t31/03/2025\tCareer progression\t01/01/1980',
  ].join('\n'));
  await page.locator('.staff-figures').waitFor();
  await assertNoViolations(page, 'with the Staff list panel');
});

test('the drafts panel, with two drafts listed', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await page.getByLabel('Section 1 heading').fill('Why this paper');
  await page.waitForFunction(() => /Drafts in this browser \(1\)/.test(document.querySelector('.drafts summary')?.innerText));
  await page.getByText('Drafts in this browser (1)').click();
  await page.getByRole('button', { name: 'Start a new draft' }).click();
  await page.getByLabel('Section 1 heading').fill('Another paper');
  await page.waitForFunction(() => document.querySelectorAll('.drafts-table tbody tr').length === 2);
  await assertNoViolations(page, 'with the drafts panel open');
});

test('the page for members, opened from the disk', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export page for members' }).click()]);
  const file = join(mkdtempSync(join(tmpdir(), 'wrb-a11y-')), exported.suggestedFilename());
  copyFileSync(await exported.path(), file);
  assert.match(readFileSync(file, 'utf8'), /<main>/);

  const reader = await ctx.browser.newContext();
  const member = await reader.newPage();
  await member.goto(pathToFileURL(file).href);
  await member.locator('article.report svg.chart').first().waitFor();
  await assertNoViolations(member, 'on the page for members');
  // Opened, as members may, with the figures of each chart shown.
  await member.locator('details.chart-data').evaluateAll((all) => all.forEach((d) => { d.open = true; }));
  await assertNoViolations(member, 'on the page for members with every chart’s figures open');
  await reader.close();
});
