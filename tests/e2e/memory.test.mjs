// End to end: a file too large for the memory a worker may have. Chromium is started with a
// low limit on wasm memory (64 MB for each module, the page's and each worker's), so a file
// of a few megabytes runs the import worker out of memory, as a very large file would on a
// council laptop, while the page, which gets little back, carries on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import XLSX from 'xlsx';
import { nextFileIsRead, openSample, useBrowser, within } from './harness.mjs';
import { unzip, zip } from './zip.mjs';

const ctx = useBrowser({ args: ['--js-flags=--wasm-max-mem-pages=1024'] });

/// An establishment table of one role, in a workbook whose table of shared text also holds
/// `notes` long notes that no cell uses. The reader keeps that whole table in memory (about
/// 80 MB for 600,000 notes); the page gets back two rows. About 4 MB as a file.
function workbookWithLongNotes(notes) {
  const book = XLSX.utils.book_new();
  const table = [['Role', 'Establishment', 'Permanent', 'Agency', 'Vacant'], ['Social Worker', 20, 15, 3, 2]];
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(table), 'Establishment');
  const parts = unzip(XLSX.write(book, { type: 'buffer', bookType: 'xlsx', bookSST: true }));
  const shared = parts.get('xl/sharedStrings.xml').toString('utf8');
  const count = Number(/uniqueCount="(\d+)"/.exec(shared)[1]);
  const note = 'Supervision note kept for the record of the team. '.repeat(2);
  const extra = Array.from({ length: notes }, (_, i) => `<si><t>${note}${i}</t></si>`).join('');
  parts.set('xl/sharedStrings.xml', Buffer.from(shared
    .replace(/count="\d+" uniqueCount="\d+"/, `count="${count + notes}" uniqueCount="${count + notes}"`)
    .replace('</sst>', `${extra}</sst>`)));
  return zip([...parts.entries()]);
}

test('a file the reader runs out of memory on gets a message at once, not at the time limit, and the next file is read', async () => {
  const { page } = ctx;
  // The worker's wasm aborts when it cannot grow its memory; the abort reaches the page as
  // the worker's uncaught error.
  ctx.expected.push(/^uncaught: unreachable/);
  await openSample(page, ctx.server.url);
  const before = await page.locator('article.report').innerText();
  const closed = new Promise((resolve) => page.on('worker', (worker) => worker.on('close', resolve)));
  const upload = page.getByLabel('Upload a file');
  await upload.setInputFiles({
    name: 'establishment.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: workbookWithLongNotes(600_000),
  });
  const error = page.locator('#upload-error');
  // Well within the 60 s the page otherwise waits for an answer.
  await error.waitFor({ timeout: 20_000 });
  assert.match(await error.innerText(), /establishment\.xlsx: Reading it stopped part way, most likely because this computer ran out of memory for it/);
  assert.match(await page.locator('.error-summary').innerText(), /ran out of memory/, 'the error summary says so too');
  assert.equal(await page.locator('article.report').innerText(), before, 'the report is as it was');
  // The worker has ended itself, so its memory is freed.
  await within(closed, 10_000, 'the worker that ran out of memory is still running');
  // The page still answers, and the next file goes to a fresh worker and is read.
  await nextFileIsRead(page, upload, error);
});
