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

  // A chart starts and ends on one page: its title and its source line share a page.
  const chartTitle = pageOf(texts, 'Social Worker has the most posts not filled');
  const chartSource = texts.findIndex((t, i) => i >= chartTitle && t.includes('Source: Northshire County Council'));
  assert.ok(chartTitle >= 0 && chartTitle === chartSource, `chart on page ${chartTitle + 1}, its source on ${chartSource + 1}`);
  // So does each table of up to 20 rows: caption and total row.
  for (const [caption, total] of [['Table 1:', 'Total 87.19'], ['Table 2:', 'Total 84.19']]) {
    const start = pageOf(texts, caption);
    const end = texts.findIndex((t) => t.replace(/\s+/g, ' ').includes(total));
    assert.ok(start >= 0 && start === end, `${caption} starts on page ${start + 1} and ends on ${end + 1}`);
  }
});
