// End to end: "Ready for committee?" lists what is still open in the sample, each item a link
// that takes the officer to its place in the report, and the count drops as items are put right.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoViolations } from './axe.mjs';
import { openSample, useBrowser } from './harness.mjs';

const ctx = useBrowser();

const openCount = async (page) => {
  const summary = await page.locator('#ready-summary').innerText();
  return Number(summary.match(/^(\d+) items? (is|are) still open/)?.[1] ?? 0);
};

test('the sample lists its open items; a link takes the focus to its place; fixing one drops the count', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  const ready = page.getByRole('region', { name: 'Ready for committee?' });
  await ready.waitFor();
  const before = await openCount(page);
  assert.ok(before > 0, 'the sample has items open');
  assert.match(await ready.locator('#ready-summary').innerText(), /items are still open: the Word file has them as they are\.$/);
  const links = ready.getByRole('list').getByRole('link');
  assert.equal(await links.count(), before, 'one link an item');

  // The sample's meeting date: the link goes to that line of the title block in the preview.
  const date = ready.getByRole('link', { name: /^Title block: Meeting date is still the sample's/ });
  assert.equal(await date.getAttribute('href'), '#title-block-meeting-date');
  await date.click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'title-block-meeting-date');
  assert.ok(await page.locator('#title-block-meeting-date').isVisible());
  assert.ok(await inView(page, '#title-block-meeting-date'), 'the place is scrolled into view');

  // A paragraph drawing on the sample's figures: focus moves into the report's paragraph.
  const paragraph = ready.getByRole('link', { name: /^Section 1, paragraph 1\.1: draws on the sample's/ });
  const target = (await paragraph.getAttribute('href')).slice(1);
  await paragraph.click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), target);
  assert.ok(await inView(page, `#${target}`));
  await assertNoViolations(page, 'with a paragraph reached from Ready for committee?');

  // The officer types their own meeting date: that item goes.
  await page.locator('.report-details summary').click();
  await page.getByLabel('Meeting date').fill('3 March 2027');
  await page.waitForFunction((before) => !document.querySelector('#ready-summary')?.innerText.startsWith(`${before} `), before);
  assert.equal(await openCount(page), before - 1);
  assert.equal(await date.count(), 0);

  // Emptying a field the sample filled: its item says so now, linked to the title block.
  await page.getByLabel('Wards affected').fill('');
  await page.waitForFunction(() => /Wards affected is empty/.test(document.querySelector('.ready-list')?.innerText));
  assert.equal(await openCount(page), before - 1);
  const empty = ready.getByRole('link', { name: 'Title block: Wards affected is empty' });
  assert.equal(await empty.getAttribute('href'), '#title-block');
  assert.equal(await ready.getByRole('link', { name: /Wards affected is still the sample's/ }).count(), 0);
});

test('exports still work with items open', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export to Word' }).click();
  assert.match((await download).suggestedFilename(), /\.docx$/);
  await page.waitForFunction(() => /items are still open/.test(document.querySelector('#export-status')?.innerText));
});

async function inView(page, selector) {
  return page.evaluate((selector) => {
    const box = document.querySelector(selector).getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight;
  }, selector);
}
