// End to end: bringing tables in from files, choosing sheets and correcting columns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { appStarted, nextFileIsRead, openSample, RECORD_TOO_SHORT, totalRow, useBrowser, within } from './harness.mjs';

const ctx = useBrowser();
const WORKBOOK = new URL('../fixtures/establishment-2025.xlsx', import.meta.url).pathname;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test('an uploaded workbook is read from the sheet that holds the table', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await page.getByLabel('Upload a file').setInputFiles(WORKBOOK);
  await page.waitForFunction(() => document.querySelector('article.report tfoot')?.innerText.includes('77.50'));

  assert.deepEqual(await totalRow(page), ['Total', '77.50', '57.50', '18.00', '20.00', '2.00', '25.8%', '23.8%']);
  assert.match(await page.getByRole('status').first().innerText(), /Report updated from establishment-2025\.xlsx: 5 roles/);
  assert.match(await page.locator('.import-details h3').innerText(), /File: establishment-2025\.xlsx/);
  assert.match(await page.locator('.import-kind').innerText(), /an establishment table/);
  const sheet = page.getByLabel('Sheet');
  assert.equal(await sheet.inputValue(), 'Establishment');
  assert.deepEqual(await sheet.locator('option').allInnerTexts(), ['Cover', 'Establishment', 'Workings (hidden)']);
  // Officers' own headings were understood, and the columns step says so.
  assert.equal(await page.getByLabel('In post', { exact: true }).inputValue(), 'Permanent');
  assert.equal(await page.getByLabel('Locum', { exact: true }).inputValue(), 'Agency');
  assert.equal(await page.getByLabel('Headings are in').locator('option:checked').innerText(), 'Row 3: Role, Budgeted FTE, In post, Locum');

  // A sheet without the table says what is wrong, names the place, and keeps the report.
  await sheet.selectOption('Cover');
  const error = page.locator('#import-error');
  await error.waitFor();
  assert.match(await error.innerText(), /establishment-2025\.xlsx, sheet Cover: No row of column headings was found/);
  assert.deepEqual((await totalRow(page))[1], '77.50');
});

test('a file dropped anywhere on the page is read', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  // Windows-1252 text as Excel saves "CSV" on a UK machine, dropped on the report side.
  const csv = 'Role,Establishment,Permanent,Agency,Vacant\r\nSocial Worker,20,15,3,5\r\nPractice Lead \xA3 grade,2,2,0,0\r\n';
  const bytes = [...csv].map((c) => c.charCodeAt(0));
  await page.evaluate((bytes) => {
    const file = new File([new Uint8Array(bytes)], 'dropped.csv', { type: 'text/csv' });
    const data = new DataTransfer();
    data.items.add(file);
    const target = document.querySelector('#report-preview');
    target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
  }, bytes);
  await page.waitForFunction(() => document.querySelector('article.report tfoot')?.innerText.includes('22.00'));
  assert.ok((await page.locator('article.report table:has(tfoot) tbody').first().innerText()).includes('Practice Lead £ grade'), 'the £ survives the encoding');
  assert.match(await page.locator('.import-note').innerText(), /Read as Windows-1252/);
  assert.equal(await page.locator('.drop-overlay').count(), 0, 'the drop overlay is gone');
});

test('columns the guess does not know can be set, and the choice is remembered', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  const box = page.getByLabel('Paste a table');
  await box.fill('Post title\tFunded FTE\tStaff\tTemps\nSocial Worker\t10\t8\t2');
  await page.waitForFunction(() => document.querySelector('article.report tfoot')?.innerText.includes('10.00'));
  assert.deepEqual((await totalRow(page)).slice(0, 4), ['Total', '10.00', 'n/a', 'n/a']);

  await page.getByLabel('Staff', { exact: true }).selectOption('Permanent');
  await page.getByLabel('Temps', { exact: true }).selectOption('Agency');
  await page.waitForFunction(() => document.querySelector('article.report tfoot')?.innerText.includes('8.00'));
  assert.deepEqual((await totalRow(page)).slice(0, 4), ['Total', '10.00', '8.00', '2.00']);

  // After a reload, a table with the same headings is read the same way.
  await page.reload();
  await appStarted(page);
  await page.getByLabel('Paste a table').fill('Post title\tFunded FTE\tStaff\tTemps\nTeam Manager\t4\t3\t1');
  await page.waitForFunction(() => document.querySelector('article.report tfoot')?.innerText.includes('4.00'));
  assert.deepEqual((await totalRow(page)).slice(0, 4), ['Total', '4.00', '3.00', '1.00']);
});

test('rows that cannot be read can be left out, and are listed', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await page.getByLabel('Paste a table').fill('Role\tEstablishment\tAgency\nSocial Worker\t10\t2\nTeam Manager\t2\ttwo');
  await page.locator('#paste-error').waitFor();
  assert.match(await page.locator('#paste-error').innerText(), /Row 3, column Agency: 'two' is not a number\./);

  await page.getByLabel('Leave out rows that cannot be read, and use the rest').check();
  await page.waitForFunction(() => document.querySelector('article.report tfoot')?.innerText.includes('10.00'));
  assert.match(await page.locator('#skipped-rows').innerText(), /Row 3, column Agency: 'two' is not a number\./);
  assert.match(await page.locator('article.report .table-notes', { hasText: 'Left out' }).first().innerText(), /Left out, as they could not be read: Row 3, column Agency/);
});

test('a file that is not a table says what it is and keeps the report', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await page.getByLabel('Upload a file').setInputFiles({
    name: 'staffing.xlsx', mimeType: XLSX_TYPE, buffer: readFileSync(new URL('../../assets/favicon.svg', import.meta.url)),
  });
  const error = page.locator('#import-error');
  await error.waitFor();
  assert.match(await error.innerText(), /staffing\.xlsx: The file is named \.xlsx but is not a workbook this tool can read/);
  assert.deepEqual((await totalRow(page))[1], '87.19', 'the sample report stays');
});

test('file-reading code loads only when a file is read', async () => {
  const { page } = ctx;
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await openSample(page, ctx.server.url);
  assert.ok(!fetched.some((path) => path.startsWith('/worker')), `nothing of the worker at first load: ${fetched}`);
  // And the page's own code has none of it linked in (calamine names its errors in its strings).
  const wasm = fetched.find((path) => path.endsWith('_bg.wasm'));
  const bytes = Buffer.from(await (await fetch(new URL(wasm, ctx.server.url))).arrayBuffer()).toString('latin1');
  assert.ok(!bytes.includes('calamine') && !bytes.includes('encoding_rs'), `${wasm} links file-reading code`);
  // Nor the Word and Excel writers, which only the export worker links (export.test.mjs).
  assert.ok(!bytes.includes('docx-rs') && !bytes.includes('rust_xlsxwriter'), `${wasm} links the Word or Excel writer`);
  assert.ok(!fetched.some((path) => path.startsWith('/export_worker')), 'nothing of the export worker at first load');
  await page.getByLabel('Upload a file').setInputFiles(WORKBOOK);
  await page.waitForFunction(() => document.querySelector('article.report tfoot')?.innerText.includes('77.50'));
  assert.ok(fetched.includes('/worker_bg.wasm'), 'the worker is fetched for the file');
});

test('the import worker starts as the officer comes to Upload a file, and reads the file then chosen', async () => {
  const { page } = ctx;
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await openSample(page, ctx.server.url);
  const started = [];
  const ended = [];
  page.on('worker', (worker) => {
    started.push(worker);
    worker.on('close', () => ended.push(worker));
  });
  // The pointer comes to the field (as it must, to open the file chooser): the worker's code is
  // fetched and compiled while the officer chooses.
  await page.getByLabel('Upload a file').hover();
  await until(() => fetched.includes('/worker_bg.wasm'), 'the worker is fetched before any file is chosen');
  assert.equal(started.length, 1, 'one worker, before any file');
  // Coming back to the field does not start another.
  await page.mouse.move(0, 0);
  await page.getByLabel('Upload a file').hover();
  await page.getByLabel('Upload a file').setInputFiles(WORKBOOK);
  await page.waitForFunction(() => document.querySelector('article.report tfoot')?.innerText.includes('77.50'));
  assert.equal(started.length, 1, 'the file was read by the worker started ahead');
  // That worker ends with its file, so the memory a large file took is given back.
  await until(() => ended.length === 1, 'the worker ends once its file is read');
  // A file dragged over the page starts the next one, once for the whole drag.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['Role,Establishment'], 'next.csv', { type: 'text/csv' }));
    const target = document.querySelector('#report-preview');
    for (let i = 0; i < 3; i += 1) {
      target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
    }
  });
  await until(() => started.length === 2, 'a file dragged over the page starts a worker');
  await page.waitForTimeout(200);
  assert.equal(started.length, 2, 'one worker for the drag, not one for each dragover');
});

/// Waits up to 10 s for something the page does by itself.
async function until(happened, why) {
  for (const start = Date.now(); !happened(); await new Promise((r) => setTimeout(r, 20))) {
    if (Date.now() - start > 10_000) assert.fail(why);
  }
}

test('a hostile workbook gets a message and the page stays usable', async (t) => {
  const dos = new URL('../../../shared/testdata/calamine/issue_594_dos.ods', import.meta.url).pathname;
  if (!existsSync(dos)) {
    t.skip(`notice: ${dos} is absent`);
    return;
  }
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await page.getByLabel('Upload a file').setInputFiles(dos);
  const error = page.locator('#import-error');
  await error.waitFor();
  assert.match(await error.innerText(), /issue_594_dos\.ods: The workbook is damaged or in a form this tool cannot read/);
  // The page still answers: a paste right after works at once.
  await page.getByLabel('Paste a table').fill('Role\tEstablishment\nSocial Worker\t3');
  await page.waitForFunction(() => document.querySelector('article.report tfoot')?.innerText.includes('3.00'));
});

test('a file the reader stops on part way gets a message at once, not at the time limit, and the next file is read', async () => {
  const { page } = ctx;
  // The worker's panic, its message in the console and its wasm's abort, are what this file does.
  ctx.expected.push(/^console error: panicked at .*calamine/s, /^uncaught: unreachable/);
  await openSample(page, ctx.server.url);
  // Workers start from blob: addresses, so they are told apart by what they do: only an import
  // worker ends while the page is open (the export worker, once started, serves every export),
  // and before the next file is chosen the only one is the worker that stopped.
  const closed = new Promise((resolve) => page.on('worker', (worker) => worker.on('close', resolve)));
  const upload = page.getByLabel('Upload a file');
  await upload.setInputFiles(RECORD_TOO_SHORT);
  const error = page.locator('#upload-error');
  // Well within the 60 s the page otherwise waits for an answer.
  await error.waitFor({ timeout: 20000 });
  assert.match(await error.innerText(), /establishment\.xls: Reading it stopped part way: part of the file is not laid out as a file of its kind should be/);
  assert.match(await page.locator('.error-summary').innerText(), /Reading it stopped part way/, 'the error summary says so too');
  assert.match(await page.locator('article.report tfoot').first().innerText(), /Total/, 'the report is still there');
  // The worker that stopped has ended itself, so its memory is freed.
  await within(closed, 10_000, 'the stopped worker is still running');
  // The next file goes to a fresh worker and is read.
  await nextFileIsRead(page, upload, error);
});

test('a second table pasted can be the earlier period, and the report compares the two', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  const box = page.getByLabel('Paste a table');
  await box.fill('Role\tEstablishment\tPermanent\tAgency\tVacant\nSocial Worker\t20\t15\t3\t5\n');
  await page.getByLabel('Period this table covers').fill('2025/26');
  await page.getByRole('button', { name: "Add another period's table" }).click();
  assert.equal(await box.inputValue(), '', 'the box is cleared for the next table');
  await box.fill('Role\tEstablishment\tPermanent\tAgency\tVacant\nSocial Worker\t18\t12\t4\t6\n');
  await page.getByLabel('The period before 2025/26: the report compares the two').check();
  await page.getByLabel('Period this table covers').fill('2024/25');
  const report = page.locator('article.report');
  await page.waitForFunction(() => document.querySelector('article.report')?.innerText.includes('Change from 2024/25 to 2025/26'));
  assert.match(await report.innerText(), /The vacancy rate has fallen by 8\.3 percentage points since 2024\/25, from 33\.3% to 25\.0%\./);
});
