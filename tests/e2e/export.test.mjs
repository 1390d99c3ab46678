// Export to Word and to Excel: the files are written by the export worker, fetched only when
// first used, and hold the report's headings, numbered paragraphs, charts with alt text and
// tables with figures as numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBrowser, openSample } from './harness.mjs';
import { unzip } from './zip.mjs';

const ctx = useBrowser();

const unescape = (text) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;|&#39;/g, "'").replace(/&amp;/g, '&');

// pdftotext has no --version (it takes it for a file name); -v it answers.
const have = (tool, flag) => spawnSync(tool, [flag]).status === 0;

test('Export to Word downloads the report, its charts drawn by the page, written by a worker fetched on first use', async (t) => {
  const { page } = ctx;
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await openSample(page, ctx.server.url);
  assert.ok(!fetched.some((path) => path.startsWith('/export_worker')), `no export worker at first load: ${fetched}`);
  // The page's own code links neither the Word nor the Excel writer (their source paths and
  // parts' names are in the worker's wasm, checked below, so this check can fail).
  const wasm = fetched.find((path) => path.startsWith('/app-') && path.endsWith('_bg.wasm'));
  const app = Buffer.from(await (await fetch(new URL(wasm, ctx.server.url))).arrayBuffer()).toString('latin1');
  const writers = ['docx-rs', 'rust_xlsxwriter', 'word/document.xml', 'xl/worksheets'];
  for (const name of writers) assert.ok(!app.includes(name), `${wasm} links ${name}`);
  const worker = Buffer.from(await (await fetch(new URL('/export_worker_bg.wasm', ctx.server.url))).arrayBuffer());
  for (const name of writers) assert.ok(worker.toString('latin1').includes(name), `the export worker has ${name}`);
  t.diagnostic(`app wasm ${app.length} bytes; export worker wasm ${worker.length} bytes`);

  const headings = await page.locator('article.report h2').allInnerTexts();
  const descriptions = await page.locator('article.report svg.chart desc').allTextContents();
  assert.ok(headings.length >= 4 && descriptions.length >= 3);
  const button = page.getByRole('button', { name: 'Export to Word' });
  const started = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    // While the file is made the officer is told so, and cannot start a second one.
    page.waitForFunction(() => document.querySelector('#export-status')?.innerText === 'Preparing the Word file…'
      && [...document.querySelectorAll('button')].find((b) => b.innerText === 'Export to Word')?.disabled, null, { polling: 'raf' }),
    button.click(),
  ]);
  t.diagnostic(`click to download: ${Date.now() - started} ms`);
  assert.equal(download.suggestedFilename(), 'childrens-social-care-workforce-update.docx');
  await page.waitForFunction(() => document.querySelector('#export-status')?.innerText.includes('The Word file is downloaded'));
  assert.equal(await button.isDisabled(), false, 'the button is back once the file is made');
  assert.ok(fetched.includes('/export_worker_bg.wasm'), 'the export worker is fetched for the file');

  const bytes = readFileSync(await download.path());
  const files = unzip(bytes);
  const xml = files.get('word/document.xml')?.toString('utf8');
  assert.ok(xml, 'word/document.xml is in the file');
  assert.ok(xml.includes('Children&apos;s social care workforce update'), 'the title');
  for (const heading of headings) {
    // "4. Current position": the number is the Word list's, the words the heading's.
    const words = heading.replace(/^\d+\.\s*/, '');
    const at = xml.indexOf(`>${words.replace(/&/g, '&amp;').replace(/'/g, '&apos;')}<`);
    assert.ok(at > 0, `the heading ${heading}`);
    const properties = xml.slice(xml.lastIndexOf('<w:p ', at), at);
    assert.ok(properties.includes('<w:pStyle w:val="Heading2" />'), `${heading} is a Word heading`);
    assert.ok(properties.includes('<w:ilvl w:val="0" />'), `${heading} is numbered by the report's Word list`);
  }
  const alt = [...xml.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => unescape(m[1]));
  assert.deepEqual(alt, descriptions, 'each chart is a picture with its description as alt text');
  const pictures = [...files.keys()].filter((name) => name.startsWith('word/media/') && !name.endsWith('/'));
  assert.equal(pictures.length, descriptions.length);
  for (const name of pictures) {
    const png = files.get(name);
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', name);
    assert.equal(png.readUInt32BE(16), 1280, `${name} is drawn at twice the chart's width`);
  }

  if (!have('soffice', '--version') || !have('pdftotext', '-v')) {
    t.diagnostic('notice: soffice or pdftotext is not installed; the Word file was not opened in LibreOffice');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'wfr-e2e-word-'));
  try {
    writeFileSync(join(dir, 'report.docx'), bytes);
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'report.docx')], {
      env: { ...process.env, HOME: dir },
      stdio: 'pipe',
    });
    const text = execFileSync('pdftotext', [join(dir, 'report.pdf'), '-']).toString('utf8');
    const numbers = await page.locator('article.report .paragraph-number').allInnerTexts();
    assert.ok(numbers.length >= 5, 'the page numbers its paragraphs');
    for (const number of numbers) assert.ok(text.includes(number.trim()), `paragraph ${number} in the PDF`);
    assert.match(text, /4\.\s+Current position/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every table downloads as one Excel workbook, and one table on its own, with figures as numbers', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  // The report's numbered tables, not the charts' figures under them.
  const captions = (await page.locator('article.report table caption').allInnerTexts()).filter((c) => /^Table \d+:/.test(c));
  const menu = page.getByLabel('A table or chart on its own');
  await menu.selectOption({ label: 'All tables, one sheet each (Excel)' });
  const [all] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download', exact: true }).click()]);
  assert.equal(all.suggestedFilename(), 'childrens-social-care-workforce-update-tables.xlsx');
  const files = unzip(readFileSync(await all.path()));
  const workbook = files.get('xl/workbook.xml').toString('utf8');
  const sheets = [...workbook.matchAll(/<sheet name="([^"]*)"/g)].map((m) => unescape(m[1]));
  assert.equal(sheets.length, captions.length, `one sheet a table: ${sheets}`);
  for (const name of sheets) assert.ok(name.length <= 31, name);
  const strings = files.get('xl/sharedStrings.xml').toString('utf8');
  for (const caption of captions) assert.ok(strings.includes(caption.replace(/&/g, '&amp;').replace(/'/g, '&apos;')) || strings.includes(caption), caption);
  const sheets1 = files.get('xl/worksheets/sheet2.xml').toString('utf8');
  assert.match(sheets1, /<v>87\.19<\/v>/, 'the establishment total is a number');
  assert.ok(!sheets1.includes('<f>'), 'no formulas');
  assert.match(sheets1, /state="frozen"/, 'the header row is frozen');

  await menu.selectOption({ label: `${captions[0]} (Excel)` });
  const [one] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download', exact: true }).click()]);
  assert.equal(one.suggestedFilename(), 'table-1-key-figures.xlsx');
  const single = unzip(readFileSync(await one.path())).get('xl/workbook.xml').toString('utf8');
  assert.deepEqual([...single.matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1]), ['Table 1 Key figures']);
  await page.waitForFunction(() => document.querySelector('#export-status')?.innerText.includes('The Excel workbook is downloaded'));
});

test('a table Excel cannot hold gets a plain message, and the page stays usable', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  // Import refuses a cell longer than a spreadsheet's, so the one way in is the officer's own
  // caption, which Excel cannot hold past 32,767 characters either.
  const long = `Establishment ${'x'.repeat(33000)}`;
  const block = page.locator('.block-shell', { has: page.locator('table.figures') }).first();
  await block.hover();
  await block.getByRole('button', { name: /^Change paragraph/ }).click();
  const caption = page.getByLabel('Table caption', { exact: true }).first();
  await caption.fill(long);
  await page.waitForFunction(() => [...document.querySelectorAll('article.report table caption')].some((c) => c.innerText.includes('xxxxxxxx')));
  const menu = page.getByLabel('A table or chart on its own');
  const option = (await menu.locator('option', { hasText: '(Excel)' }).allInnerTexts()).find((o) => o.includes('Establishment xxxx'));
  assert.ok(option, 'the table with the long caption is offered as Excel');
  const table = option.match(/^Table \d+/)[0];
  await menu.selectOption({ label: option });
  await page.getByRole('button', { name: 'Download', exact: true }).click();
  const status = page.locator('#export-status');
  await page.waitForFunction(() => document.querySelector('#export-status')?.innerText.includes('could not be made'));
  assert.match(await status.innerText(), new RegExp(`^The Excel workbook could not be made: Table "${table}: Establishment x+" could not be written: .*32,?767.* Nothing in your draft has changed`, 's'));
  assert.equal(await page.getByRole('button', { name: 'Download', exact: true }).isDisabled(), false);
  assert.equal(await page.getByRole('button', { name: 'Export to Word' }).isDisabled(), false);
});
