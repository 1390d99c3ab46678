// End to end: what a walkthrough of the app as an officer found, at council laptop sizes and on
// paper. The page is no taller than what it holds; printing with the page-break preview on
// prints what printing without it does; a lead-in paragraph goes over a page with its first
// bullet; the page for members fits a phone, its wide tables scrolling in their frames.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openSample, useBrowser } from './harness.mjs';

const ctx = useBrowser();

/// The text of each printed page, spaces run together.
async function printed(page) {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const file = join(mkdtempSync(join(tmpdir(), 'wrb-walk-')), 'report.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((p) => p.trim())
    .map((p) => p.replace(/\s+/g, ' '));
}

for (const [width, height] of [[1366, 768], [1440, 900]]) {
  test(`at ${width}×${height} the page is no taller than its content and one screen`, async () => {
    const { page } = ctx;
    await page.setViewportSize({ width, height });
    await openSample(page, ctx.server.url);
    const { scrolls, content } = await page.evaluate(() => ({
      scrolls: document.documentElement.scrollHeight,
      content: document.querySelector('.app').getBoundingClientRect().height,
    }));
    assert.ok(content > height, `the sample report is taller than the screen (${content} px)`);
    assert.ok(scrolls <= content + height, `the page scrolls to ${scrolls} px for ${content} px of content`);
  });
}

test('printing with page breaks shown prints what printing without them does: every column, no markers', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await page.getByLabel("Print each chart's figures as a table").check();
  const plain = await printed(page);
  await page.getByLabel('Show page breaks in the preview').check();
  await page.locator('#report-preview [data-page]').first().waitFor({ state: 'attached' });
  const paged = await printed(page);
  assert.deepEqual(paged, plain, 'the same pages, word for word');
  // And what is printed is whole: the last heading of the widest table is on paper.
  const lastHeadings = await page.locator('article.report table.figures thead tr:last-child th:last-child')
    .evaluateAll((all) => all.map((th) => th.textContent.trim()).filter(Boolean));
  const all = paged.join(' ');
  for (const heading of lastHeadings) {
    assert.ok(all.includes(heading.split(/\s+/)[0]), `the printed report shows the column “${heading}”`);
  }
});

test('a paragraph that leads into a list prints on the page of its first bullet, wherever the page ends', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  const label = await page.getByRole('textbox', { name: /: lead-in$/ }).first().getAttribute('aria-label');
  const [, section] = label.match(/^Paragraph (\d+)\.\d+/);
  const lead = await page.getByRole('textbox', { name: label, exact: true }).innerText();
  const first = await page.locator('article.report p.lead-in + .bullet-box li').first().innerText();
  // The paragraph before it is lengthened a line or so at a time, moving the lead-in down the
  // page until, at one length, it is the last line of a page.
  const before = page.getByRole('textbox', { name: new RegExp(`^Paragraph ${Number(section) - 1}\\.\\d+$`) }).last();
  const words = await before.innerText();
  for (let lines = 0; lines < 40; lines += 1) {
    await before.fill(words + ' More words to move the page on.'.repeat(lines * 2));
    await page.locator('article.report').getByText(lead).waitFor();
    const pages = await printed(page);
    const leadPage = pages.findIndex((p) => p.includes(lead.slice(-30)));
    const bulletPage = pages.findIndex((p) => p.includes(first.slice(0, 30)));
    assert.ok(leadPage >= 0, `“${lead}” is printed`);
    assert.equal(leadPage, bulletPage, `with ${lines * 2} more sentences, “${lead}” is on page ${leadPage + 1} and its first bullet on ${bulletPage + 1}`);
  }
});

test('the page for members fits a phone: nothing runs off the side, wide tables scroll in their frames', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export page for members' }).click()]);
  const file = join(mkdtempSync(join(tmpdir(), 'wrb-phone-')), exported.suggestedFilename());
  copyFileSync(await exported.path(), file);
  const phone = await ctx.browser.newContext({ viewport: { width: 375, height: 740 } });
  const member = await phone.newPage();
  await member.goto(pathToFileURL(file).href);
  const { page: pageWidth, frames } = await member.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    frames: [...document.querySelectorAll('.table-wrap')].map((w) => ({
      shown: w.clientWidth, wide: w.scrollWidth, scrolls: getComputedStyle(w).overflowX,
    })),
  }));
  assert.equal(pageWidth, 375, 'the page does not scroll sideways');
  const wide = frames.filter((f) => f.wide > f.shown);
  assert.ok(wide.length >= 1, 'the sample has a table wider than a phone');
  for (const frame of wide) assert.equal(frame.scrolls, 'auto', 'a wide table scrolls in its frame');
  // The margins give way to the figures: a table has most of the phone's width.
  assert.ok(Math.min(...frames.map((f) => f.shown)) >= 375 * 0.75, `tables are ${frames.map((f) => f.shown)} px wide`);
  await phone.close();
});

test('sample data is marked in the preview, on every printed page and at the export step; a blank draft is not', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await page.locator('article.report .sample-mark').waitFor();
  const places = await page.locator('#sample-in-use li').allInnerTexts();
  assert.ok(places.some((p) => p.startsWith('Table 1: ')) && places.some((p) => p.startsWith('the title block (')), places.join(' | '));
  const marked = await printed(page);
  assert.ok(marked.length >= 2);
  marked.forEach((text, i) => assert.ok(text.includes('SAMPLE DATA: NOT FOR PUBLICATION'), `page ${i + 1} is marked`));

  await page.locator('.drafts summary').click();
  await page.getByRole('button', { name: 'Start a new draft' }).click();
  await page.waitForFunction(() => !document.querySelector('article.report .sample-mark'));
  assert.equal(await page.locator('#sample-in-use').count(), 0, 'nothing to replace');
  assert.ok((await printed(page)).every((text) => !text.includes('SAMPLE DATA')), 'a blank draft prints unmarked');

  // A template is the sample again, and marked again.
  await page.getByLabel('A new draft starts from').selectOption({ label: 'The template “Adult social care vacancies and risk”, with sample data' });
  await page.getByRole('button', { name: 'Start a new draft' }).click();
  await page.locator('article.report .sample-mark').waitFor();
});

