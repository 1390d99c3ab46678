// End to end: the report as a document the officer writes: sections moved, a paragraph edited
// with live figures, undone, a template opened, the print preview's page breaks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSample, useBrowser, writeInReport } from './harness.mjs';

const ctx = useBrowser();
const headings = (page) => page.locator('article.report h2').allInnerTexts();
const paragraph = (page, number) => page.locator('article.report .paragraph').filter({
  has: page.locator('.paragraph-number', { hasText: new RegExp(`^${number.replace('.', '\\.')}$`) }),
});

test('sections move and renumber, a paragraph is edited with live figures, and undo brings it all back', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  const before = await headings(page);
  assert.deepEqual(before.slice(0, 4), ['1. Purpose of the report', '2. Recommendations', '3. Background', '4. Current position']);

  // A section's tools show beside its heading when it is pointed at.
  await page.locator('.section-head', { has: page.getByRole('textbox', { name: 'Section 4 heading' }) }).hover();
  await page.getByRole('button', { name: 'Move up section 4' }).click();
  assert.deepEqual((await headings(page)).slice(2, 4), ['3. Current position', '4. Background']);
  assert.match(await paragraph(page, '3.1').innerText(), /the establishment is 87\.2 FTE posts/, 'paragraphs renumbered');
  assert.match(await page.getByRole('status').first().innerText(), /it is now section 3; paragraphs renumbered/);

  // Rewrite 3.1 in place with a live figure, and add another with its Insert figure button.
  const box = await writeInReport(page, 'Paragraph 3.1', 'Our vacancy rate is {vacancy rate}. ');
  await page.getByRole('button', { name: 'Insert figure into paragraph 3.1' }).click();
  await page.locator('#figure-search').fill('agency rate');
  await page.locator('#figure-search').press('Enter');
  assert.match(await paragraph(page, '3.1').innerText(), /^3\.1\s+Our vacancy rate is 31\.4%\.\s28\.6%$/);
  assert.deepEqual(await box.locator('.figure-token').allInnerTexts(), ['31.4%', '28.6%'], 'live figures are marked where they are written');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Paragraph 3.1', 'back in the words');
  await page.emulateMedia({ media: 'print' });
  const printed = await box.locator('.figure-token').first().evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.equal(printed, 'rgba(0, 0, 0, 0)', 'and printed as plain text');
  await page.emulateMedia({ media: 'screen' });

  // A new table: the same words, new figures.
  await page.getByLabel('Paste a table').fill('Role\tEstablishment\tPermanent\tAgency\tVacant\nSocial Worker\t10\t8\t1\t2\n');
  await page.waitForFunction(() => document.querySelector('article.report')?.innerText.includes('Our vacancy rate is 20.0%'));

  // Undo: the paste; then the typing with its inserted figure (one run of editing); then the move.
  const undo = page.getByRole('button', { name: 'Undo' });
  await undo.click();
  await page.waitForFunction(() => document.querySelector('article.report')?.innerText.includes('Our vacancy rate is 31.4%'));
  await undo.click();
  assert.match(await paragraph(page, '3.1').innerText(), /the establishment is 87\.2 FTE posts/);
  await undo.click();
  assert.deepEqual(await headings(page), before, 'back to where it started');
  await page.getByRole('button', { name: 'Redo' }).click();
  assert.equal((await headings(page))[2], '3. Current position');
});

test('sections and blocks are added and removed; a template opens with its data and a full draft', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  const count = (await headings(page)).length;
  await page.getByLabel('New section heading').fill('Appendices');
  await page.getByRole('button', { name: 'Add section' }).click();
  // In committee order: before Background papers, which stays last.
  assert.deepEqual((await headings(page)).slice(-2), [`${count}. Appendices`, `${count + 1}. Background papers`]);
  await page.getByLabel(`Add to section ${count}`).selectOption({ label: 'Key figures' });
  await page.getByRole('button', { name: 'Add', exact: true }).nth(count - 1).click();
  assert.match(await paragraph(page, `${count}.1`).innerText(), /Table \d+: Key figures/);
  await page.locator('.section-head', { has: page.getByRole('textbox', { name: `Section ${count} heading` }) }).hover();
  await page.getByRole('button', { name: `Remove section ${count}, Appendices` }).click();
  assert.equal((await headings(page)).length, count);

  await page.getByText('Start from a template').click();
  await page.getByLabel('Template', { exact: true }).selectOption({ label: 'Progress against scrutiny recommendations' });
  await page.getByRole('button', { name: 'Open this template' }).click();
  const report = page.locator('article.report');
  assert.equal(await report.locator('h1').innerText(), "Social work workforce: progress against the Panel's recommendations");
  const red = report.locator('td.status-red').first();
  assert.equal(await red.innerText(), 'Red: not on track', 'the status is in words');
  const mark = await red.evaluate((td) => getComputedStyle(td, '::before').backgroundColor);
  assert.equal(mark, 'rgb(212, 53, 28)', 'and marked in colour');
  assert.doesNotMatch(await report.innerText(), /no figure\]|Not shown:/, 'the draft has every figure');

  // The tracker is edited beside it in the report: its Change button opens its rows.
  const tracker = page.locator('.block-shell', { has: page.locator('td.status') });
  await tracker.hover();
  await tracker.getByRole('button', { name: /^Change paragraph/ }).click();
  await page.getByLabel('Status').first().selectOption({ label: 'Green: achieved' });
  assert.equal(await report.locator('td.status').first().innerText(), 'Green: achieved');

  await page.getByLabel('Template', { exact: true }).selectOption({ label: 'Adult social care vacancies and risk' });
  await page.getByRole('button', { name: 'Open this template' }).click();
  const titles = await report.locator('svg.chart title').allTextContents();
  assert.ok(titles.some((t) => /was the most common reason for leaving \(4 of 15 leavers\)/.test(t)), titles.join(' | '));
  assert.match(await report.innerText(), /of staff in post are aged 55 or over/);
});

test('every chart has a title, a description and an accessible name, and its figures beside it', async () => {
  const { page } = ctx;
  for (const template of ["Children's social work workforce update", 'Adult social care vacancies and risk']) {
    await openSample(page, ctx.server.url);
    await page.getByText('Start from a template').click();
    await page.getByLabel('Template', { exact: true }).selectOption({ label: template });
    await page.getByRole('button', { name: 'Open this template' }).click();
    const charts = page.locator('article.report svg.chart');
    const n = await charts.count();
    assert.ok(n >= 3, `${template}: ${n} charts`);
    for (let i = 0; i < n; i += 1) {
      const chart = charts.nth(i);
      const found = await chart.evaluate((svg) => ({
        role: svg.getAttribute('role'),
        title: svg.querySelector('title')?.textContent ?? '',
        desc: svg.querySelector('desc')?.textContent ?? '',
        named: svg.getAttribute('aria-labelledby').split(' ').map((id) => document.getElementById(id)?.textContent ?? ''),
      }));
      assert.equal(found.role, 'img');
      assert.ok(found.title.length > 10 && found.desc.length > 30, JSON.stringify(found));
      assert.deepEqual(found.named, [found.title, found.desc], 'the accessible name and description are the title and desc');
      const figure = chart.locator('xpath=ancestor::figure');
      await figure.locator('summary').click();
      assert.ok(await figure.locator('table.figures').isVisible(), 'the figures open as a table');
    }
  }
});

test('the print preview marks where pages break', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  assert.equal(await page.locator('#report-preview [data-page]').count(), 0);
  await page.getByLabel('Show page breaks in the preview').check();
  const marks = page.locator('#report-preview [data-page]');
  await marks.first().waitFor();
  const labels = await marks.evaluateAll((all) => all.map((e) => e.getAttribute('data-page')));
  assert.equal(labels[0], 'Page 2');
  assert.ok(labels.length >= 3, `breaks: ${labels}`);
  // A heading is never left at the foot of a page: a break falls before it, not after.
  const afterHeading = await marks.evaluateAll((all) => all.filter((e) => e.previousElementSibling?.tagName === 'H2').length);
  assert.equal(afterHeading, 0);
});
