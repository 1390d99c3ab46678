// End to end: the printed report, as a PDF read back with pdftotext (poppler-utils).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSample, useBrowser } from './harness.mjs';

const ctx = useBrowser();

/// The text of each page of a PDF.
function pages(pdf) {
  const dir = mkdtempSync(join(tmpdir(), 'wrb-print-'));
  const file = join(dir, 'report.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
}

const pageOf = (texts, needle) => texts.findIndex((t) => t.includes(needle));

test('the printed report holds the figures, and no chart or table is split across pages', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await page.emulateMedia({ media: 'print' });
  const texts = pages(await page.pdf({ preferCSSPageSize: true }));
  const all = texts.join('\n');

  assert.ok(texts.length >= 2, `the sample prints on ${texts.length} pages`);
  for (const figure of ['87.19', '59.79', '31.4%', '28.6%', '(1.00)', '−4.2 pp']) {
    assert.ok(all.includes(figure), `the printed report shows ${figure}`);
  }
  assert.ok(!all.includes('Paste a table') && !all.includes('Checks'), 'no app controls in print');
  assert.match(texts[0], /Page 1 of \d/, 'pages are numbered');

  // Every chart starts and ends on one page: its title and its source line share a page.
  const charts = await page.locator('article.report svg.chart').evaluateAll((svgs) => svgs.map((svg) => {
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent.trim());
    return { title: texts[0], subtitle: texts.find((t, i) => i > 0 && t.length > 20), source: texts.find((t) => t.startsWith('Source: ')) };
  }));
  assert.ok(charts.length >= 4, `the sample has ${charts.length} charts`);
  const flat = texts.map((t) => t.replace(/\s+/g, ' '));
  for (const { title, subtitle, source } of charts) {
    // The title's words can also be in the prose, so a chart is whole when one page has its
    // title, subtitle and source line together.
    const whole = flat.findIndex((t) => [title, subtitle, source].every((part) => t.includes(part.slice(0, 30))));
    assert.ok(whole >= 0, `“${title}” is not split across pages`);
  }
  // So does each table of up to 20 rows: its caption and its last row.
  const tables = await page.locator('article.report > section table.figures').evaluateAll((all) => all.filter((t) => !t.closest('.chart-data')).map((t) => ({
    caption: t.caption.textContent,
    last: [...t.rows].at(-1).cells[0].textContent,
    rows: t.tBodies[0].rows.length,
  })));
  assert.ok(tables.length >= 6, `the sample has ${tables.length} tables`);
  for (const { caption, last, rows } of tables.filter((t) => t.rows <= 20)) {
    const start = flat.findIndex((t) => t.includes(caption.slice(0, 30)));
    const end = flat.findIndex((t, i) => i >= start && t.includes(last));
    assert.ok(start >= 0 && start === end, `${caption} (${rows} rows) starts on page ${start + 1}, ends on ${end + 1}`);
  }
  // A heading is never the last line of a page.
  for (const text of texts.slice(0, -1)) {
    const lines = text.split('\n').map((l) => l.trim()).filter((l) => l && !/^Page \d+ of \d+$/.test(l));
    assert.doesNotMatch(lines.at(-1), /^\d+\. [A-Z][a-z]/, `a page ends with a heading: ${lines.at(-1)}`);
  }
});

test('landscape prints on A4 landscape, and chart figures print as tables when asked', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await page.getByLabel('A4 landscape, for wide tables').check();
  await page.getByLabel("Print each chart's figures as a table").check();
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const box = pdf.toString('latin1').match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
  assert.ok(box, 'the PDF has a page size');
  const [width, height] = [Number(box[1]), Number(box[2])];
  assert.ok(Math.abs(width - 841.89) < 2 && Math.abs(height - 595.28) < 2, `A4 landscape, not ${width} × ${height}`);
  const all = pages(pdf).join('\n');
  assert.ok(all.includes('Figures in the chart:'), 'the chart figures are printed');
});

test('a table longer than 20 rows breaks across pages with its header row repeated', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  const rows = Array.from({ length: 45 }, (_, i) => `Team ${String(i + 1).padStart(2, '0')}\t10\t7\t2\t3`);
  await page.getByLabel('Paste a table').fill(['Role\tEstablishment\tPermanent\tAgency\tVacant', ...rows].join('\n'));
  await page.waitForFunction(() => document.querySelector('article.report tfoot')?.innerText.includes('450.00'));
  await page.emulateMedia({ media: 'print' });
  const texts = pages(await page.pdf({ preferCSSPageSize: true })).map((t) => t.replace(/\s+/g, ' '));
  // Table rows, not the chart's bar labels: a row carries its establishment and permanent figures.
  const holding = texts.filter((t) => /Team \d\d 10\.00 7\.00/.test(t));
  assert.ok(holding.length >= 2, `the long table runs over ${holding.length} pages`);
  for (const text of holding) {
    assert.match(text, /Role Establishment Permanent Agency Vacant/, 'each page of it starts with the header row');
  }
  // A chart too tall for a page is scaled to fit one, not cut.
  const chart = texts.findIndex((t) => t.includes('the most agency workers and uncovered vacancies'));
  assert.ok(texts[chart].includes('Source: table pasted by the report author'), 'the tall chart fits its page');
});
