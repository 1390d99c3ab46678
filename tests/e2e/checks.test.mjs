// End to end: the Checks panel finds the arithmetic errors published tables contain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { openSample, useBrowser } from './harness.mjs';

const ctx = useBrowser();

test('the sample passes its checks, and a pasted table with errors is flagged row by row', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  const panel = page.getByRole('region', { name: 'Checks' });
  assert.equal(await panel.locator('.checks-summary').innerText(), "No problems found in the tables' arithmetic.");
  assert.match(await panel.innerText(), /Every \(over\)\/under figure is establishment − permanent − agency\./);

  await page.getByLabel('Paste a table').fill([
    'Role\tEstablishment\tPermanent\tAgency\tVacant\t(Over)/under',
    'Social Worker\t10\t7\t2\t3\t2',
    'Team Manager\t4\t3\t0\t1\t1',
    'Total\t14\t10\t2.5\t4\t3',
  ].join('\n'));
  await page.waitForFunction(() => document.querySelector('.checks-summary')?.innerText.includes('2 things to look at'));
  const warnings = await panel.locator('li.warning .finding-text').allTextContents();
  assert.deepEqual(warnings.map((w) => w.trim()), [
    'The stated total for Agency is 2.50, but the roles add up to 2.00 (a difference of 0.50).',
        'Social Worker: the (over)/under is stated as 2.00, but establishment − permanent − agency gives 1.00 and establishment − permanent − agency − vacant gives (2.00).',
  ].map((message) => `Check: ${message}`));
  // A screen reader hears the word, not only the mark.
  assert.equal(await panel.locator('li.warning .visually-hidden').first().innerText(), 'Check:');
});

test('the DfE file gives a council its benchmarks beside England, its region and neighbours', async (t) => {
  const dir = new URL('../../../shared/testdata/dfe/', import.meta.url).pathname;
  if (!existsSync(dir)) {
    t.skip(`notice: ${dir} is absent`);
    return;
  }
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await page.getByLabel('Upload a file').setInputFiles(`${dir}csww_indicators_2017_to_2025.csv`);
  const council = page.getByLabel('Council to compare');
  await page.waitForFunction(() => /choose a council under Benchmarks/.test(document.querySelector('[role=status]')?.innerText));
  await council.selectOption('Herefordshire, County of');
  const table = page.locator('.benchmark-table');
  await table.waitFor();
  assert.equal(await table.locator('caption').innerText(), 'Herefordshire, County of, year to 30 September 2025');
  const row = async (n) => (await table.locator('tbody tr').nth(n).innerText()).split('\t').map((s) => s.trim());
  assert.deepEqual(await row(0), ['Herefordshire, County of', '32.4%', '18.3%', '10.8%', '13.6']);
  assert.deepEqual(await row(1), ['England', '14.2%', '13.0%', '11.8%', '15.2']);
  assert.deepEqual((await row(2))[0], 'West Midlands');
  assert.deepEqual(await row(3), ['Neighbours (mean)', 'n/a', 'n/a', 'n/a', 'n/a'], 'no neighbours file yet');

  await page.getByLabel('Upload a file').setInputFiles(`${dir}statistical_neighbours_2025.csv`);
  await page.waitForFunction(() => document.querySelectorAll('.benchmark-table tbody tr')[3]?.innerText.includes('%'));
  assert.match((await row(3))[1], /^\d+\.\d%$/);
  assert.match((await row(4))[1], /^\d+ of \d+$/);
    assert.deepEqual((await page.locator('article.report tfoot tr').first().innerText()).split('\t')[1].trim(), '87.19', 'the report is untouched');

  // Every year is there: 2024 for the same council.
  await page.getByLabel('Year to 30 September').first().selectOption('2024');
  await page.waitForFunction(() => document.querySelector('.benchmark-table caption')?.innerText.endsWith('2024'));
  assert.deepEqual((await row(0)).slice(0, 2), ['Herefordshire, County of', '46.2%']);
  assert.deepEqual((await row(1)).slice(0, 2), ['England', '17.3%'], 'England 2024, as in domain.md');
});

test('a staff list shows who is in post, turnover and age at the date chosen', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await page.getByLabel('Paste a table').fill([
    'Job title\tFTE\tContract type\tStart date\tLeaving date\tReason for leaving\tDate of birth',
    'Social Worker\t1\tPermanent\t01/04/2015\t\t\t15/03/1968',
    'Social Worker\t0.5\tPermanent\t01/11/2024\t\t\t01/06/1990',
    'Social Worker\t1\tAgency\t01/01/2025\t\t\t01/01/1985',
    'Social Worker\t1\tPermanent\t01/01/2018\t31/03/2025\tCareer progression\t01/01/1980',
  ].join('\n'));
  const panel = page.getByRole('region', { name: 'Staff list' });
  await panel.waitFor();
    // The latest 30 September the data reaches (its last date is 31/03/2025).
  assert.equal(await page.getByLabel('Figures at').inputValue(), '2024-09-30');
  const row = async (name) => (await panel.locator('tr', { hasText: name }).innerText()).split('\t').map((s) => s.trim());
  // Then, the leaver was still in post and the November 2024 starter had not started.
  assert.deepEqual(await row('In post (directly employed)'), ['In post (directly employed)', '2.00', '2']);

  await page.getByLabel('Figures at').fill('2025-09-30');
  await page.waitForFunction(() => document.querySelector('.staff-figures caption')?.innerText.startsWith('At 30/09/2025'));
  assert.deepEqual(await row('In post (directly employed)'), ['In post (directly employed)', '1.50', '2']);
  assert.deepEqual(await row('Turnover'), ['Turnover', '66.7%', '50.0%']);
    assert.match(await panel.innerText(), /Leavers by reason\s+Career progression: 1/);
  const byRole = (await panel.locator('.by-role tbody tr').first().innerText()).split('\t').map((s) => s.trim());
  assert.deepEqual(byRole, ['Social Worker', '1.50', '1.00', '3']);
    assert.equal((await page.locator('article.report tfoot tr').first().innerText()).split('\t')[1].trim(), '87.19', 'the report is untouched');
});

test('scenarios project the workforce and price converting agency workers', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  const panel = page.getByRole('region', { name: 'Scenarios' });
  assert.equal(await page.getByLabel('Turnover a year (%)').inputValue(), '11.8', "England's turnover until changed");

  await page.getByLabel('Turnover a year (%)').fill('0');
  await page.getByLabel('Recruits a year (FTE)').fill('12');
  const row = async (when) => (await panel.locator('tr', { hasText: when }).innerText()).split('\t').map((s) => s.trim());
  await page.waitForFunction(() => document.querySelector('.projection')?.innerText.includes('71.79'));
  assert.deepEqual(await row('Now'), ['Now', '59.79', '31.4%']);
  assert.deepEqual(await row('In 12 months'), ['In 12 months', '71.79', '17.7%']);
  assert.deepEqual(await row('In 36 months'), ['In 36 months', '87.19', '0.0%'], 'no more than the establishment is filled');

  await page.getByLabel('Agency workers to convert (FTE)').fill('6');
  const conversion = page.locator('#conversion');
  await page.waitForFunction(() => document.querySelector('#conversion')?.innerText.includes('253,800'));
  assert.match(await conversion.innerText(), /Agency rate\s+28\.6% now, 21\.5% after/);
  assert.match(await conversion.innerText(), /Yearly saving\s+£253,800/);
  assert.match(await conversion.innerText(), /Agency premium for one FTE\s+£42,300 a year/);
});

test('cohort, recruitment and budget tables get their own figures beside the report', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  const box = page.getByLabel('Paste a table');
  await box.fill('Programme\tStarted\tCompleted\tStill employed\nASYE 2023\t12\t11\t9\nASYE 2024\t10\t10\t10');
  const panel = page.getByRole('region', { name: 'Cohorts, recruitment and budgets' });
  await panel.waitFor();
  const cells = async (selector, name) =>
    (await panel.locator(`${selector} tr`, { hasText: name }).innerText()).split('\t').map((s) => s.trim());
  assert.deepEqual(await cells('.cohorts', 'ASYE 2023'), ['ASYE 2023', '12', '11', '9', '81.8%']);

  await box.fill('Campaign\tPosts advertised\tApplications\tAppointments\nSpring 2025\t6\t90\t4');
  await panel.locator('.campaigns').waitFor();
  assert.deepEqual(await cells('.campaigns', 'Spring'), ['Spring 2025', '6', '15.0', '0.7']);

  await box.fill('Item\tBudget\tSpent\tYears\nTraining\t£120,000\t£30,000\t3');
  await panel.locator('.budget').waitFor();
  assert.deepEqual(await cells('.budget', 'Training'), ['Training', '£120,000', '£30,000', '£90,000', '25.0%', '£40,000']);
  assert.equal(await panel.locator('.cohorts').count(), 1, 'the cohorts stay while other tables are added');
  assert.equal((await page.locator('article.report tfoot tr').first().innerText()).split('\t')[1].trim(), '87.19', 'the report is untouched');
});
