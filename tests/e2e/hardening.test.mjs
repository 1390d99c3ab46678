// End to end: hostile content shows as text and never runs, in the app, its charts, the page
// for members and the Word file; bad files get a message and leave the report as it was; a
// whole session asks nothing of any other origin; an import survives the tab being closed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openSample, useBrowser, writeInReport } from './harness.mjs';
import { unzip, zip } from './zip.mjs';

const ctx = useBrowser();
const WORKBOOK = new URL('../fixtures/establishment-2025.xlsx', import.meta.url).pathname;
const DIST = new URL('../../dist/', import.meta.url).pathname;

// Each payload, if it ever ran, would set window.__pwned.
const ROLE_SCRIPT = '<script>window.__pwned = "role"</script>Social Worker';
const ROLE_IMG = '<img src=x onerror="window.__pwned = \'img\'">Team Leader';
const ROLE_SVG = '</text><svg onload="window.__pwned = \'svg\'"><text>Senior Practitioner';
const LONG_ROLE = `Advanced Practitioner ${'and more '.repeat(1200)}`;
const NARRATIVE = [
  '<a href="javascript:window.__pwned = \'link\'">Read more</a>',
  '[click me](javascript:window.__pwned = "md")',
  // No curly brackets: in a paragraph they mark a live figure.
  '</style><style>@import "https://example.org/x.css";</style><link rel="stylesheet" href="https://example.org/y.css">',
  '" onmouseover="window.__pwned = \'attr\'" x="',
  '<iframe srcdoc="<script>parent.__pwned = 1</script>"></iframe>',
].join(' ');

async function pasteHostileTable(page) {
  const rows = [
    'Role\tEstablishment\tPermanent\tAgency\tVacant',
    `${ROLE_SCRIPT}\t12\t8\t2\t4`,
    `${ROLE_IMG}\t3\t3\t0\t0`,
    `${ROLE_SVG}\t5\t4\t1\t1`,
    `${LONG_ROLE}\t2\t1\t1\t1`,
  ];
  await page.getByLabel('Paste a table').fill(`${rows.join('\n')}\n`);
  await page.waitForFunction(() => document.querySelector('article.report tfoot')?.innerText.includes('22.00'));
}

/// Elements that would run or load something, anywhere in the document.
const activeContent = (page) => page.evaluate(() => ({
  pwned: window.__pwned ?? null,
  // A JSON data block is not run, so only other inline scripts count.
  inlineScripts: document.querySelectorAll('script:not([src]):not([type="application/json"])').length,
  images: document.querySelectorAll('article.report img, article.report iframe').length,
  handlers: [...document.querySelectorAll('article.report *')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
  jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
  styles: document.querySelectorAll('article.report style').length,
}));

const noActiveContent = { pwned: null, inlineScripts: 0, images: 0, handlers: 0, jsLinks: 0, styles: 0 };

test('hostile role names and narrative show as text in the app and its charts, and nothing runs', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await pasteHostileTable(page);
  const box = page.getByLabel('Paragraph 4.1', { exact: true });
  await box.fill(`Our position. ${NARRATIVE}`);
  await page.waitForFunction(() => document.querySelector('article.report')?.innerText.includes('Read more</a>'));
  await page.getByText('Report details', { exact: true }).click();
  await page.getByLabel('Report title').fill('</title><script>window.__pwned = "title"</script>Workforce');

  const report = await page.locator('article.report').innerText();
  for (const text of [ROLE_SCRIPT, ROLE_IMG, NARRATIVE, '</title><script>window.__pwned = "title"</script>Workforce']) {
    assert.ok(report.includes(text), `shown literally: ${text}`);
  }
  assert.ok(report.includes(LONG_ROLE.trim().slice(0, 200)), 'a very long role name is shown');
  // The charts draw the names as words too: the SVG's text, not its markup.
  const chartText = await page.locator('article.report svg.chart').first().textContent();
  assert.ok(chartText.includes('<script>window.__pwned = "role"</script>Social Worker') || chartText.includes('Social Worker'), chartText.slice(0, 300));
  assert.equal(await page.locator('article.report svg.chart svg, article.report svg.chart foreignObject').count(), 0, 'no element was injected into a chart');
  assert.deepEqual(await activeContent(page), noActiveContent);
  // Hovering the paragraph and clicking its words does nothing either.
  await page.locator('article.report').getByText('Read more</a>', { exact: false }).first().click();
  assert.deepEqual(await activeContent(page), noActiveContent);
});

test('hostile content stays text in the page for members and the Word file', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await pasteHostileTable(page);
  await page.getByLabel('Paragraph 4.1', { exact: true }).fill(`Our position. ${NARRATIVE}`);
  await page.waitForFunction(() => document.querySelector('article.report')?.innerText.includes('Read more</a>'));

  const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export page for members' }).click()]);
  const html = readFileSync(await exported.path(), 'utf8');
  assert.ok(html.includes('&lt;script&gt;window.__pwned = &quot;role&quot;&lt;/script&gt;Social Worker'), 'the role name, escaped');
  assert.ok(html.includes('&lt;a href=&quot;javascript:'), 'the narrative link, escaped');
  for (const raw of ['<img src=x', '<iframe', 'href="javascript:', '<svg onload', '<link rel="stylesheet" href="https']) {
    assert.ok(!html.includes(raw), `no raw ${raw} in the page`);
  }
  // The one script element is the project's data block, which never runs, and the officer's
  // text inside it cannot close it.
  assert.equal(html.match(/<script/g).length, 1);
  assert.match(html, /<script type="application\/json" id="[^"]+">/);
  const data = html.slice(html.indexOf('<script type="application/json"'));
  assert.ok(data.includes('\\u003cscript>window.__pwned'), 'hostile text in the data block is written \\u003c');
  // Opened as a member would, with scripts allowed: nothing runs and the words are there.
  const dir = mkdtempSync(join(tmpdir(), 'wfr-hostile-'));
  writeFileSync(join(dir, 'page.html'), html);
  const member = await ctx.context.newPage();
  await member.goto(pathToFileURL(join(dir, 'page.html')).href);
  assert.ok((await member.locator('article.report').innerText()).includes(ROLE_SCRIPT));
  assert.deepEqual(await activeContent(member), noActiveContent);
  await member.close();

  const [word] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'Export to Word' }).click()]);
  const xml = unzip(readFileSync(await word.path())).get('word/document.xml').toString('utf8');
  assert.ok(xml.includes('&lt;script&gt;window.__pwned = &quot;role&quot;&lt;/script&gt;Social Worker')
    || xml.includes('&lt;script&gt;window.__pwned = "role"&lt;/script&gt;Social Worker'), 'the role name as text in Word');
  assert.ok(xml.includes('&lt;a href='), 'the narrative as text in Word');
  assert.ok(!xml.includes('<script'), 'no markup carried into Word');
});

test('bad files get a message naming them, the report stays as it was, and the page answers', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  const dir = mkdtempSync(join(tmpdir(), 'wfr-bad-'));
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d5e96b0000000049454e44ae426082', 'hex');
  const workbook = readFileSync(WORKBOOK);
  const sheet = Buffer.concat([Buffer.from('<?xml version="1.0"?><worksheet><sheetData>'), Buffer.alloc(300 * 1024 * 1024, 0x20), Buffer.from('</sheetData></worksheet>')]);
  const cases = [
    ['photo.xlsx', png],
    ['cut-short.xlsx', workbook.subarray(0, Math.floor(workbook.length / 2))],
    ['bomb.xlsx', zip([['[Content_Types].xml', Buffer.from('<Types/>')], ['xl/workbook.xml', Buffer.from('<workbook/>')], ['xl/worksheets/sheet1.xml', sheet]])],
    ['empty.csv', Buffer.alloc(0)],
    ['not-text.csv', Buffer.from([0xff, 0xfe, 0xfd, 0x00, 0x81, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1])],
    ['wide.csv', Buffer.from(`${Array.from({ length: 20_000 }, (_, i) => `Column ${i}`).join(',')}\n${'1,'.repeat(19_999)}1\n`)],
    ['headings-only.csv', Buffer.from('Role,Establishment,Permanent,Agency,Vacant\n')],
  ];
  const huge = join(dir, 'huge.csv');
  writeFileSync(huge, Buffer.alloc(100 * 1024 * 1024, 'a'));
  const before = await page.locator('article.report').innerText();
  for (const [name, bytes] of [...cases, ['huge.csv', null]]) {
    const path = bytes === null ? huge : join(dir, name);
    if (bytes !== null) writeFileSync(path, bytes);
    await page.getByLabel('Upload a file').setInputFiles(path);
    // Where the officer is told: under the import, or (for a file refused before reading) in
    // the status line.
    // The verdict, not "Reading photo.xlsx…" while it is read.
    const told = (file) => [...document.querySelectorAll('#import-error, .import-details, .app-controls p.status')]
      .map((el) => el.innerText).find((text) => text.includes(file) && !text.includes(`Reading ${file}`));
    await page.waitForFunction(told, name, { timeout: 60_000 });
    const said = await page.evaluate(told, name);
    assert.match(said, new RegExp(name.replace('.', '\\.')), `${name}: ${said}`);
    assert.ok(said.length < 2_000, `${name}: the message is a sentence or two, not the file (${said.length} characters)`);
    assert.equal(await page.locator('article.report').innerText(), before, `${name}: the report is as it was`);
  }
  // Still answering: a paste goes straight into the report.
  await page.getByLabel('Paste a table').fill('Role\tEstablishment\nSocial Worker\t3');
  await page.waitForFunction(() => document.querySelector('article.report tfoot')?.innerText.includes('3.00'));
});

test('a whole session, every export included, asks nothing of any other origin', async () => {
  const { page, context } = ctx;
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  const sockets = [];
  page.on('websocket', (socket) => sockets.push(socket.url()));
  await openSample(page, ctx.server.url);
  await page.getByLabel('Paste a table').fill('Role\tEstablishment\tPermanent\tAgency\tVacant\nSocial Worker\t20\t15\t3\t5\n');
  await page.waitForFunction(() => document.querySelector('article.report tfoot')?.innerText.includes('20.00'));
  await page.getByLabel('Upload a file').setInputFiles(WORKBOOK);
  await page.waitForFunction(() => document.querySelector('article.report tfoot')?.innerText.includes('77.50'));
  await writeInReport(page, 'Paragraph 1.1', 'The position at {reference date}: {vacancy rate} of posts are vacant.');
  const download = async (click) => {
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
    await file.path();
  };
  for (const name of ['Save project', 'Export page for members', 'Export to Word']) {
    await download(() => page.getByRole('button', { name }).click());
  }
  const menu = page.getByLabel('A table or chart on its own');
  for (const option of await menu.locator('option').evaluateAll((options) => options.map((o) => o.value))) {
    await menu.selectOption(option);
    await download(() => page.getByRole('button', { name: 'Download', exact: true }).click());
  }
  await page.pdf({ format: 'A4' });

  const origin = new URL(ctx.server.url).origin;
  const built = new Set(readdirSync(DIST).map((f) => `/${f}`).concat(['/']));
  const elsewhere = requests.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== origin);
  assert.deepEqual(elsewhere, [], 'no request outside the page\'s origin');
  const unknown = requests.filter((url) => url.startsWith(origin) && !built.has(new URL(url).pathname));
  assert.deepEqual(unknown, [], 'every request is for one of the app\'s own files');
  assert.deepEqual(sockets, []);
  assert.ok(requests.some((url) => url.endsWith('/export_worker_bg.wasm')) && requests.some((url) => url.endsWith('/worker_bg.wasm')),
    'the session did use both workers, and they too stayed at home');
});

test('an import is kept when the tab is closed straight after it', async () => {
  const { page, context } = ctx;
  await openSample(page, ctx.server.url);
  await page.getByLabel('Upload a file').setInputFiles(WORKBOOK);
  await page.waitForFunction(() => document.querySelector('article.report tfoot')?.innerText.includes('77.50'));
  await page.close({ runBeforeUnload: true }); // at once: before the pause after a change that saves
  const again = await context.newPage();
  await again.goto(ctx.server.url);
  await again.waitForFunction(() => document.querySelector('article.report tfoot')?.innerText.includes('77.50'), null, { timeout: 30_000 });
  assert.match(await again.getByRole('status').first().innerText(), /Opened your draft/);
});
