// End to end: the adult social care template opens with its comparison file and its benchmark
// blocks, and choosing another council, measure or period in the Benchmarks panel redraws them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { openSample, useBrowser } from './harness.mjs';

const ctx = useBrowser();

const captionIs = (page, pattern) => page.waitForFunction((source) => {
  const found = [...document.querySelectorAll('article.report table caption')].find((c) => c.innerText.includes('compared with England'));
  return found && new RegExp(source).test(found.innerText);
}, pattern.source);

test('the adult template shows its benchmark block; choosing another council or measure updates it', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await page.getByText('Start from a template').click();
  await page.getByLabel('Template', { exact: true }).selectOption({ label: 'Adult social care vacancies and risk' });
  await page.getByRole('button', { name: 'Open this template' }).click();
  await captionIs(page, /Northshire compared with England and North Midlands: turnover rate$/);
  const table = page.locator('article.report table', { has: page.locator('caption', { hasText: 'compared with England' }) });
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.innerText.trim())));
  assert.deepEqual(rows.find((r) => r[0] === 'England'), ['England', '15.0%', '17.1%', '14.5%']);
  assert.deepEqual(rows.find((r) => r[0] === 'Northshire'), ['Northshire', '16.2%', '18.4%', '15.1%']);
  const chartTitle = () => page.locator('article.report svg.chart title').evaluateAll((ts) => ts.map((t) => t.textContent).find((t) => /rank \d+ of 11/.test(t)));
  assert.match(await chartTitle(), /^Northshire's turnover rate was above England's in September 2023 \(rank \d+ of 11, 1 = lowest\)$/);
  assert.match(await page.locator('article.report').innerText(), /ranks \d+(st|nd|rd|th) of 11 councils compared/);

  // The panel beside the report chooses what is compared.
  const panel = page.getByRole('region', { name: 'Adult social care benchmarks' });
  assert.equal(await panel.getByLabel('Council to compare').inputValue(), 'Northshire');
  await panel.getByLabel('Council to compare').selectOption('Ashcombe');
  await captionIs(page, /^Table \d+: Ashcombe compared with England and North Midlands: turnover rate$/);
  assert.match(await chartTitle(), /^Ashcombe's turnover rate/);
  await panel.getByLabel('Measure').selectOption('Vacancy rate');
  await captionIs(page, /Ashcombe compared with England and North Midlands: vacancy rate$/);
  await panel.getByLabel('Period').selectOption('September 2022');
  await page.waitForFunction(() => [...document.querySelectorAll('article.report table thead')].some((h) => h.innerText.includes('September 2022') && !h.innerText.includes('September 2023')));
  assert.match(await panel.locator('table').innerText(), /Ashcombe[\s\S]*England[\s\S]*Rank of all councils/);
  // Undo takes the choice back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction(() => [...document.querySelectorAll('article.report table thead')].some((h) => h.innerText.includes('September 2023')));
});

test("the adult template counts staff by Skills for Care's definitions, and another set can be chosen", async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await page.getByText('Start from a template').click();
  await page.getByLabel('Template', { exact: true }).selectOption({ label: 'Adult social care vacancies and risk' });
  await page.getByRole('button', { name: 'Open this template' }).click();
  const staff = page.getByRole('region', { name: 'Staff list' });
  const definitions = staff.getByLabel('Definitions');
  assert.equal(await definitions.locator('option:checked').innerText(), 'Adult social care (Skills for Care)');
  const notes = () => page.locator('article.report .table-wrap', { has: page.locator('caption', { hasText: 'starters and leavers' }) }).innerText();
  assert.match(await notes(), /Definitions: Skills for Care's for adult social care/);
  assert.match(await notes(), /Bank, pool and other indirectly employed/);
  await definitions.selectOption({ label: "Children's social work (DfE)" });
  await page.waitForFunction(() => document.querySelector('article.report').innerText.includes("Definitions: the DfE's for children's social work"));
  assert.doesNotMatch(await notes(), /Bank, pool and other indirectly employed/);
});

test("Oflog's adult social care metrics, uploaded, benchmark a council beside the median across councils", async (t) => {
  const file = new URL('../../../shared/testdata/oflog/ASC_data.csv', import.meta.url).pathname;
  if (!existsSync(file)) {
    t.skip(`notice: ${file} is absent`);
    return;
  }
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await page.getByLabel('Upload a file').setInputFiles(file);
  await page.waitForFunction(() => /7 measures for 155 councils/.test(document.querySelector('[role=status]')?.innerText));
  const panel = page.getByRole('region', { name: 'Adult social care benchmarks' });
  await panel.getByLabel('Council to compare').selectOption('Darlington');
  assert.equal(await panel.getByLabel('Measure').inputValue(), 'Outcome, Workforce turnover rate');
  assert.equal(await panel.getByLabel('Period').inputValue(), '2022-23');
  assert.match(await panel.locator('table').innerText(), /Median across councils\s+28\.0%[\s\S]*North East \(mean of its councils\)\s+25\.8%[\s\S]*73 of 151/);
  // Into the report, through Add to section, at the end of the report.
  const last = await page.locator('article.report h2').count();
  await page.getByLabel(`Add to section ${last}`, { exact: true }).selectOption({ label: 'Adult social care benchmark table (England or median, region, rank)' });
  await page.locator('.add-to-section', { has: page.getByLabel(`Add to section ${last}`, { exact: true }) }).getByRole('button', { name: 'Add' }).click();
  await page.waitForFunction(() => [...document.querySelectorAll('article.report table caption')].some((c) => c.innerText.endsWith('Darlington compared with the median across councils and North East: workforce turnover rate')));
  const notes = await page.locator('article.report').innerText();
  assert.match(notes, /The file has no England figure: the council is set beside the median across councils, as the file publishes it\./);
  assert.match(notes, /The file has no figure for North East: the mean of its \d+ councils with a figure is shown\./);
});
