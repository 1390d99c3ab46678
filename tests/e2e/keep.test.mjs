// End to end: never losing a draft, and sharing it: kept in the browser across a reload, saved
// as a project file and opened elsewhere, exported as a page for members that needs no script.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { appStarted, openSample, useBrowser } from './harness.mjs';

const ctx = useBrowser();
const headings = (page) => page.locator('article.report h2').allInnerTexts();

async function renameCurrentPosition(page) {
  await page.getByLabel('Section 4 heading').fill('Where we are now');
  await page.waitForFunction(() => /kept in this browser/.test(document.querySelector('#autosave-status')?.innerText));
}

test('the draft survives a reload, and a saved project file opens it again in another browser', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await renameCurrentPosition(page);
  await page.reload();
  await appStarted(page);
  assert.equal((await headings(page))[3], '4. Where we are now', 'the edit is still there');
  assert.match(await page.getByRole('status').first().innerText(), /Opened your draft “Children's social care workforce update” kept in this browser/);

  const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save project' }).click()]);
  assert.equal(saved.suggestedFilename(), 'childrens-social-care-workforce-update.json');
  const file = await saved.path();
  assert.match(readFileSync(file, 'utf8'), /^\{"format":"Workforce Report Builder project"/);

  // Somewhere else: a fresh browser with nothing kept.
  const other = await ctx.browser.newContext();
  const fresh = await other.newPage();
  await openSample(fresh, ctx.server.url);
  assert.equal((await headings(fresh))[3], '4. Current position');
  await fresh.getByLabel('Upload a file').setInputFiles({ name: saved.suggestedFilename(), mimeType: 'application/json', buffer: readFileSync(file) });
  await fresh.waitForFunction(() => document.querySelector('article.report')?.innerText.includes('Where we are now'));
  assert.deepEqual(await headings(fresh), await headings(page), 'the same report');
  assert.match(await fresh.getByRole('status').first().innerText(), /Opened childrens-social-care-workforce-update\.json/);
  await other.close();
});

test('the page for members is one file that opens with no script, and opens in the builder again', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await renameCurrentPosition(page);
  const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export page for members' }).click()]);
  assert.equal(exported.suggestedFilename(), 'childrens-social-care-workforce-update.html');
  // Saved as an officer would save it, with its name, and opened from the disk.
  const file = join(mkdtempSync(join(tmpdir(), 'wrb-page-')), exported.suggestedFilename());
  copyFileSync(await exported.path(), file);

  const reader = await ctx.browser.newContext({ javaScriptEnabled: false });
  const member = await reader.newPage();
  const requests = [];
  member.on('request', (r) => requests.push(r.url()));
  await member.goto(pathToFileURL(file).href);
  assert.equal(await member.locator('h1').innerText(), "Children's social care workforce update");
  assert.equal((await member.locator('article.report h2').allInnerTexts())[3], '4. Where we are now');
  assert.ok(await member.locator('svg.chart').first().isVisible(), 'charts are drawn inline');
  assert.ok((await member.locator('table.figures').count()) >= 6);
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:')), [], 'nothing is fetched');
  await reader.close();

  const other = await ctx.browser.newContext();
  const fresh = await other.newPage();
  await openSample(fresh, ctx.server.url);
  await fresh.getByLabel('Upload a file').setInputFiles({ name: 'for-members.html', mimeType: 'text/html', buffer: readFileSync(file) });
  await fresh.waitForFunction(() => document.querySelector('article.report')?.innerText.includes('Where we are now'));
  await other.close();
});

test('a saved draft that cannot be opened is kept for download, and the app still starts', async () => {
  const { page } = ctx;
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('wrb.draft', '{"format": "Workforce Report Builder project", "schema_version": 99}');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await openSample(page, ctx.server.url);
  assert.match(await page.getByRole('status').first().innerText(), /could not be opened: This project was saved by a newer version/);
  const [copy] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the draft that could not be opened' }).click()]);
  assert.match(readFileSync(await copy.path(), 'utf8'), /"schema_version": 99/);
  assert.equal(await page.evaluate(() => localStorage.getItem('wrb.draft.unreadable')).then((t) => JSON.parse(t).schema_version), 99);
});

test('a table downloads as CSV with formulas made inert, and a chart as SVG', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await page.getByLabel('Paste a table').fill('Role\tEstablishment\tPermanent\tAgency\tVacant\n=HYPERLINK("http://x")\t5\t3\t1\t1\n');
  await page.waitForFunction(() => document.querySelector('article.report tfoot')?.innerText.includes('5.00'));
  await page.getByLabel('A table or chart on its own').selectOption({ label: 'Table 2: Establishment by role, full-time equivalent (FTE) (CSV)' });
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download', exact: true }).click()]);
  assert.equal(csv.suggestedFilename(), 'table-2-establishment-by-role-full-time-equivalent-fte.csv');
  const lines = readFileSync(await csv.path(), 'utf8').split('\n');
  assert.equal(lines[1], 'Role,Establishment,Permanent,Agency,Vacant,(Over)/under,Vacancy rate,Agency rate');
  assert.equal(lines[2], '"\'=HYPERLINK(""http://x"")",5.00,3.00,1.00,1.00,1.00,25.0%,25.0%');

  const charts = await page.getByLabel('A table or chart on its own').locator('option', { hasText: 'Chart:' }).allInnerTexts();
  await page.getByLabel('A table or chart on its own').selectOption({ label: charts[0] });
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download', exact: true }).click()]);
  const text = readFileSync(await svg.path(), 'utf8');
  assert.match(text, /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*role="img"/);
  assert.match(text, /<title id="figure-1-title">/);

  // And as a PNG at twice the size, drawn by the browser.
  await page.getByLabel('A table or chart on its own').selectOption({ label: charts[0].replace('(SVG)', '(PNG)') });
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download', exact: true }).click()]);
  const bytes = readFileSync(await png.path());
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
  assert.equal(bytes.readUInt32BE(16), 1280, 'twice the chart width of 640');
  assert.ok(bytes.length > 20000, `a real picture: ${bytes.length} bytes`);
});

test('several drafts are listed by title and time, and can be opened, copied and deleted', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await page.getByText('Report details', { exact: true }).click();
  await page.getByLabel('Report title').fill('Workforce update, January');
  await page.waitForFunction(() => /Drafts in this browser \(1\)/.test(document.querySelector('.drafts summary')?.innerText));
  await page.getByText('Drafts in this browser (1)').click();
  // A new draft is blank unless a template is chosen: the usual headings, nothing of the sample.
  await page.getByRole('button', { name: 'Start a new draft' }).click();
  await page.waitForFunction(() => !document.querySelector('article.report .sample-mark'));
  assert.equal(await page.locator('article.report h1').innerText(), 'Untitled report', 'a title to fill');
  assert.deepEqual((await page.locator('article.report h2').allInnerTexts()).slice(0, 2), ['1. Purpose of the report', '2. Recommendations']);
  assert.equal(await page.locator('article.report table').count(), 0, 'no data');
  await page.getByLabel('Report title').fill('Adults risk paper');
  await page.waitForFunction(() => /Drafts in this browser \(2\)/.test(document.querySelector('.drafts summary')?.innerText));
  const rows = page.locator('.drafts-table tbody tr');
  assert.deepEqual((await rows.locator('th').allInnerTexts()).map((t) => t.trim()),
    ['Adults risk paper (open now)', 'Workforce update, January'], 'newest first');
  assert.match(await rows.first().locator('td').first().innerText(), /^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}:\d{2}$/);

  await page.getByRole('button', { name: 'Open Workforce update, January' }).click();
  // Read from the browser's database, so a moment after the click.
  await page.waitForFunction(() => document.querySelector('article.report h1')?.innerText === 'Workforce update, January');
  await page.getByRole('button', { name: 'Copy Adults risk paper' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.drafts-table tbody tr').length === 3);
  assert.ok((await rows.locator('th').allInnerTexts()).some((t) => t.includes('Adults risk paper (copy)')));
  await page.getByRole('button', { name: 'Delete Adults risk paper (copy)' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.drafts-table tbody tr').length === 2);
  assert.ok(await page.getByRole('button', { name: 'Delete Workforce update, January' }).isDisabled(), 'the open draft is not deleted');

  await page.reload();
  await appStarted(page);
  assert.equal(await page.locator('article.report h1').innerText(), 'Workforce update, January', 'the last one worked on opens');
});

test('words typed just before the tab is closed or reloaded are kept', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await page.getByLabel('Section 1 heading').fill('Why this paper');
  await page.waitForFunction(() => document.querySelector('article.report h2')?.innerText === '1. Why this paper');
  await page.reload(); // at once: before the pause after typing that saves
  await appStarted(page);
  assert.equal((await headings(page))[0], '1. Why this paper');
});

test('after the first visit the builder opens with no network, in a reload and a new tab', async () => {
  const { page, context } = ctx;
  await openSample(page, ctx.server.url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.getByLabel('Section 1 heading').fill('Written on the train');
  await page.waitForFunction(() => /kept in this browser/.test(document.querySelector('#autosave-status')?.innerText));
  await context.setOffline(true);
  await page.reload();
  await appStarted(page);
  assert.equal((await headings(page))[0], '1. Written on the train');
  const tab = await context.newPage();
  await tab.goto(ctx.server.url);
  await tab.locator('article.report svg.chart').first().waitFor();
  // Reading a file works offline too: the import worker was kept as well.
  await tab.getByLabel('Upload a file').setInputFiles({ name: 'posts.csv', mimeType: 'text/csv',
    buffer: Buffer.from('Role,Establishment,Permanent,Agency,Vacant\nSocial Worker,9,6,2,3\n') });
  await tab.waitForFunction(() => document.querySelector('article.report tfoot')?.innerText.includes('9.00'));
  await context.setOffline(false);
});

/// The length of each draft's text in the app's IndexedDB database.
const databaseDrafts = (page) => page.evaluate(async () => {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('workforce-report-builder');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const all = await new Promise((resolve) => {
    const get = db.transaction('drafts').objectStore('drafts').getAll();
    get.onsuccess = () => resolve(get.result);
  });
  db.close();
  return all.map((text) => text.length);
});

/// The size of each file kept apart in the app's IndexedDB database.
const databaseFiles = (page) => page.evaluate(async () => {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('workforce-report-builder');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  if (!db.objectStoreNames.contains('files')) {
    db.close();
    return [];
  }
  const all = await new Promise((resolve) => {
    const get = db.transaction('files').objectStore('files').getAll();
    get.onsuccess = () => resolve(get.result);
  });
  db.close();
  return all.map((bytes) => bytes.length);
});

/// Waits until `check` (run in Node, so it may await the page) is true.
async function until(check, timeout) {
  const end = Date.now() + timeout;
  while (!(await check())) {
    assert.ok(Date.now() < end, `not so within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/// A staff list of `people` rows, about 90 bytes each: as large as a real council's extract.
function staffList(people) {
  const rows = ['Staff number,Role,Team,FTE,Contract type,Start date,Leaving date,Leaving reason,Date of birth'];
  for (let i = 1; i <= people; i += 1) {
    const left = i % 9 === 0 ? `28/0${1 + (i % 8)}/2025,Moved to another council` : ',';
    rows.push(`S${String(i).padStart(6, '0')},Social Worker,Locality Team ${i % 40},1.00,Permanent,01/04/2015,${left},1${i % 10}/06/1975`);
  }
  return Buffer.from(`${rows.join('\n')}\n`);
}

test('a draft holding a file too large for localStorage keeps the file in IndexedDB once, and its words in both', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  const file = staffList(80_000);
  assert.ok(file.length > 6_000_000, `${file.length} bytes: more than localStorage's 5 MB once in a project`);
  await page.getByLabel('Upload a file').setInputFiles({ name: 'staff-extract.csv', mimeType: 'text/csv', buffer: file });
  const panel = () => document.querySelector('.staff-panel')?.innerText.includes('staff-extract.csv: 80,000 people.');
  await page.waitForFunction(panel, null, { timeout: 60_000 });
  // The file lands in the database once, as its bytes...
  await until(async () => (await databaseFiles(page)).includes(file.length), 30_000);
  // ...and the draft's words, small, in the database and in localStorage.
  await until(async () => (await databaseDrafts(page)).length === 1, 30_000);
  assert.ok((await databaseDrafts(page))[0] < 200_000, 'the words without the file');
  const local = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('wrb.draft.')).map((k) => localStorage.getItem(k).length));
  assert.equal(local.length, 1, 'the words fit in localStorage');
  assert.ok(local[0] < 200_000, `${local[0]} characters`);
  assert.match(await page.locator('#autosave-status').innerText(), /kept in this browser as you work/);
  // More words: the file is not written again.
  await page.getByLabel('Section 1 heading').fill('Why this paper');
  await page.waitForFunction(() => document.querySelector('article.report h2')?.innerText === '1. Why this paper');
  await page.waitForTimeout(1500);
  assert.deepEqual(await databaseFiles(page), [file.length], 'one file, kept once');

  await page.reload();
  await appStarted(page);
  assert.match(await page.getByRole('status').first().innerText(), /Opened your draft/);
  await page.waitForFunction(panel, null, { timeout: 60_000 });
  assert.equal((await headings(page))[0], '1. Why this paper');
});

test('with a large file in the draft, words typed just before the tab is closed or reloaded are kept', async () => {
  const { page, context } = ctx;
  await openSample(page, ctx.server.url);
  const file = staffList(90_000);
  await page.getByLabel('Upload a file').setInputFiles({ name: 'staff-extract.csv', mimeType: 'text/csv', buffer: file });
  await page.waitForFunction(() => document.querySelector('.staff-panel')?.innerText.includes('90,000 people.'), null, { timeout: 60_000 });
  await until(async () => (await databaseFiles(page)).includes(file.length), 30_000);
  await page.waitForFunction(() => /kept in this browser as you work/.test(document.querySelector('#autosave-status')?.innerText));

  // Typed, then reloaded at once: well inside the pause after typing that saves.
  await page.getByLabel('Section 1 heading').fill('Reloaded at once');
  await page.waitForFunction(() => document.querySelector('article.report h2')?.innerText === '1. Reloaded at once');
  await page.reload();
  await appStarted(page);
  assert.equal((await headings(page))[0], '1. Reloaded at once');
  await page.waitForFunction(() => document.querySelector('.staff-panel')?.innerText.includes('90,000 people.'), null, { timeout: 60_000 });

  // Typed, then the tab closed at once; a new tab opens on the draft with those words.
  await page.getByLabel('Section 2 heading').fill('Closed at once');
  await page.waitForFunction(() => document.querySelectorAll('article.report h2')[1]?.innerText === '2. Closed at once');
  await page.close({ runBeforeUnload: true });
  const tab = await context.newPage();
  await tab.goto(ctx.server.url);
  await appStarted(tab);
  assert.deepEqual((await headings(tab)).slice(0, 2), ['1. Reloaded at once', '2. Closed at once']);
  await tab.waitForFunction(() => document.querySelector('.staff-panel')?.innerText.includes('90,000 people.'), null, { timeout: 60_000 });
  ctx.page = tab;
});

test('where IndexedDB is refused, drafts are kept in localStorage', async () => {
  const { page } = ctx;
  // As in some private windows: opening a database fails.
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => { throw new DOMException('The user denied permission to access the database.', 'SecurityError'); };
  });
  await openSample(page, ctx.server.url);
  await renameCurrentPosition(page);
  assert.ok(await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('wrb.draft.') && localStorage.getItem(k).includes('Where we are now'))));
  await page.reload();
  await appStarted(page);
  assert.equal((await headings(page))[3], '4. Where we are now');
});

test('when the browser keeps nothing, the officer is told and Save project still works', async () => {
  const { page } = ctx;
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => { throw new DOMException('denied', 'SecurityError'); };
    Storage.prototype.setItem = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  await openSample(page, ctx.server.url);
  await page.getByLabel('Section 4 heading').fill('Where we are now');
  await page.waitForFunction(() => /not being kept/.test(document.querySelector('#autosave-status')?.innerText));
  assert.match(await page.locator('#autosave-status').innerText(),
    /^Your draft is not being kept in this browser: this browser's storage is full or turned off .* Use Save project to keep a copy\.$/);
  assert.equal((await headings(page))[3], '4. Where we are now', 'the edit itself is not lost');
  const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save project' }).click()]);
  assert.match(readFileSync(await saved.path(), 'utf8'), /Where we are now/);
});

test('a full disk is reported, and the draft is kept again once there is room', async () => {
  const { page, context } = ctx;
  // Both stores really full: IndexedDB's quota cut to nothing through the DevTools protocol
  // before the page opens its database, and localStorage filled to its last character.
  const cdp = await context.newCDPSession(page);
  const origin = new URL(ctx.server.url).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  await page.addInitScript(() => {
    if (sessionStorage.getItem('filled')) return;
    sessionStorage.setItem('filled', '1');
    let n = 0;
    for (const size of [256 * 1024, 16 * 1024, 1024, 64, 1]) {
      const chunk = 'x'.repeat(size);
      try { for (;;) { localStorage.setItem(`junk.${n}`, chunk); n += 1; } } catch { /* full at this size */ }
    }
  });
  await openSample(page, ctx.server.url);
  await page.getByLabel('Section 4 heading').fill('Where we stand');
  await page.waitForFunction(() => /not being kept/.test(document.querySelector('#autosave-status')?.innerText), null, { timeout: 30_000 });
  assert.match(await page.locator('#autosave-status').innerText(), /: this browser's storage is full.*\. Use Save project to keep a copy\.$/);
  assert.equal((await headings(page))[3], '4. Where we stand', 'the edit itself is not lost');

  // Room again: the next change is kept, and survives a reload.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('junk.')).forEach((k) => localStorage.removeItem(k)));
  await page.getByLabel('Section 4 heading').fill('Where we stand now');
  await page.waitForFunction(() => /kept in this browser as you work/.test(document.querySelector('#autosave-status')?.innerText));
  await page.reload();
  await appStarted(page);
  assert.equal((await headings(page))[3], '4. Where we stand now');
});
