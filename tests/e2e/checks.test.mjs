// End to end: the Checks panel finds the arithmetic errors published tables contain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
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
