// End to end: what cannot be read or used is said in GOV.UK's error summary ("There is a
// problem"), each problem a link that takes the focus to the field, and the field is marked
// invalid and described by its message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoViolations } from './axe.mjs';
import { openSample, useBrowser } from './harness.mjs';

const ctx = useBrowser();
const WORKBOOK = new URL('../fixtures/establishment-2025.xlsx', import.meta.url).pathname;

const activeId = (page) => page.evaluate(() => document.activeElement?.id);
const summary = (page) => page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });

/// The field's own marks: invalid, and described by a message that says `message`.
async function assertMarkedInvalid(page, id, message) {
  const field = page.locator(`#${id}`);
  assert.equal(await field.getAttribute('aria-invalid'), 'true', `#${id} is marked invalid`);
  const described = await field.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean)
    .map((ref) => document.getElementById(ref)?.innerText ?? `(no element #${ref})`).join(' | '));
  assert.match(described, message, `#${id} is described by its message`);
}

test('a paste that cannot be read: the summary links to the paste box, which is marked invalid', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  assert.equal(await summary(page).count(), 0, 'no summary while all is well');
  await page.getByLabel('Paste a table').fill('Notes for the meeting\nthe figures follow next week');

  await summary(page).waitFor();
  const link = summary(page).getByRole('link', { name: /No row of column headings was found above the figures\. Expected a row of headings/ });
  assert.equal(await link.getAttribute('href'), '#paste-table');
  assert.equal(await activeId(page), 'paste-table', 'the focus stays in the box while pasting');
  await assertMarkedInvalid(page, 'paste-table', /This table could not be read, so the report has not changed:\s+No row of column headings was found/);
  await assertNoViolations(page, 'with the error summary for a paste');

  // The link, followed from the keyboard, puts the focus back in the box.
  await link.focus();
  await page.keyboard.press('Enter');
  assert.equal(await activeId(page), 'paste-table', 'the link takes the focus to the field');

  // Put right, the summary and the marks go.
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText('Role\tEstablishment\nSocial Worker\t10');
  await page.waitForFunction(() => document.querySelector('article.report tfoot')?.innerText.includes('10.00'));
  assert.equal(await summary(page).count(), 0, 'the summary is gone');
  assert.equal(await page.locator('#paste-table').getAttribute('aria-invalid'), 'false');
});

test('a file chosen from the keyboard that cannot be read moves the focus to the summary, whose link leads back', async () => {
  const { page } = ctx;
  // Listening before the page opens turns Playwright's file chooser interception on now. Turned
  // on by waitForEvent alone, it raced with the key press, and a press that won opened no
  // chooser for the test to see (a rare time-out in clean-clone runs).
  page.on('filechooser', () => {});
  await openSample(page, ctx.server.url);
  await page.getByLabel('Upload a file').focus();
  const choose = async (files) => {
    assert.equal(await activeId(page), 'upload-file', 'the upload field has the focus before Space is pressed');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
    await chooser.setFiles(files);
  };

  // A good file first: the focus stays on the field while it is read and after.
  await choose(WORKBOOK);
  await page.waitForFunction(() => document.querySelector('article.report tfoot')?.innerText.includes('77.50'));
  assert.equal(await activeId(page), 'upload-file', 'the focus is not lost while the file is read');
  assert.equal(await page.locator('#upload-file').getAttribute('aria-invalid'), 'false');

  // Then one that is not a workbook.
  await choose({ name: 'staffing.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a workbook') });
  await summary(page).waitFor();
  await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
  const link = summary(page).getByRole('link', { name: /staffing\.xlsx: The file is named \.xlsx but is not a workbook/ });
  assert.equal(await link.getAttribute('href'), '#upload-file');
  await assertMarkedInvalid(page, 'upload-file', /staffing\.xlsx: The file is named \.xlsx but is not a workbook/);
  assert.match(await page.locator('#import-error').innerText(), /This file could not be read, so the report has not changed/);
  await assertNoViolations(page, 'with the error summary for a file');

  await page.keyboard.press('Tab');
  assert.equal(await link.evaluate((a) => a === document.activeElement), true, 'Tab goes to the first problem');
  await page.keyboard.press('Enter');
  assert.equal(await activeId(page), 'upload-file', 'the link takes the focus to the upload field');
});

test('a saved project that cannot be opened is said beside the upload field and in the summary', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await page.getByLabel('Upload a file').setInputFiles({
    name: 'newer.json', mimeType: 'application/json',
    buffer: Buffer.from('{"format": "Workforce Report Builder project", "schema_version": 99}'),
  });
  await summary(page).waitFor();
  const link = summary(page).getByRole('link', { name: /^newer\.json: This project was saved by a newer version/ });
  assert.equal(await link.getAttribute('href'), '#upload-file');
  assert.match(await page.getByRole('status').first().innerText(), /newer\.json could not be read: This project was saved by a newer version/);
  await assertMarkedInvalid(page, 'upload-file', /This file could not be read, so the report has not changed:\s+newer\.json: This project was saved by a newer version/);
  await link.click();
  assert.equal(await activeId(page), 'upload-file');

  // A file that reads clears it.
  await page.getByLabel('Upload a file').setInputFiles(WORKBOOK);
  await page.waitForFunction(() => document.querySelector('article.report tfoot')?.innerText.includes('77.50'));
  assert.equal(await summary(page).count(), 0);
  assert.equal(await page.locator('#upload-error').count(), 0);
});

test('a scenario assumption that is not a number is kept as typed, and summarised with a link to it', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  const panel = page.getByRole('region', { name: 'Scenarios' });
  const inTwelveMonths = async () => (await panel.locator('tr', { hasText: 'In 12 months' }).innerText()).split('\t').map((s) => s.trim());
  const before = await inTwelveMonths();

  const turnover = page.getByLabel('Turnover a year (%)');
  await turnover.fill('about 12');
  await summary(page).waitFor();
  const link = summary(page).getByRole('link', { name: 'Turnover a year must be a number, such as 11.8' });
  assert.equal(await link.getAttribute('href'), '#turnover');
  await assertMarkedInvalid(page, 'turnover', /^Error:\s*Turnover a year must be a number, such as 11\.8$/);
  assert.equal(await turnover.inputValue(), 'about 12', 'what was typed stays in the field');
  assert.deepEqual(await inTwelveMonths(), before, 'the projection keeps the last figure that could be used');

  await page.getByLabel('Agency day rate (£)').fill('-400');
  await summary(page).getByRole('link', { name: 'The agency day rate must be 0 or more' }).waitFor();
  await page.getByLabel('Recruits a year (FTE)').fill('');
  await summary(page).getByRole('link', { name: 'Enter recruits a year, such as 12' }).waitFor();
  assert.equal(await summary(page).getByRole('link').count(), 3, 'one line for each field');
  assert.deepEqual(
    await summary(page).getByRole('link').allInnerTexts(),
    ['Turnover a year must be a number, such as 11.8', 'Enter recruits a year, such as 12', 'The agency day rate must be 0 or more'],
    'in the order of the fields, not the order they were typed in',
  );
  await assertNoViolations(page, 'with the error summary for the scenarios');

  await link.click();
  assert.equal(await activeId(page), 'turnover', 'the link takes the focus to the field');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('0');
  await page.getByLabel('Agency day rate (£)').fill('£400');
  await page.getByLabel('Recruits a year (FTE)').fill('12');
  await page.waitForFunction(() => document.querySelector('.projection')?.innerText.includes('71.79'));
  assert.equal(await summary(page).count(), 0, 'the summary is gone once every field can be used');
  assert.equal(await turnover.getAttribute('aria-invalid'), 'false');
});

test('a staff list date that is not a whole date is summarised with a link to the field', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await page.getByLabel('Paste a table').fill([
    'Job title\tFTE\tContract type\tStart date\tLeaving date\tReason for leaving\tDate of birth',
    'Social Worker\t1\tPermanent\t01/04/2015\t\t\t15/03/1968',
  ].join('\n'));
  const date = page.getByLabel('Figures at');
  await date.waitFor();
  await date.fill('');
  await summary(page).waitFor();
  const link = summary(page).getByRole('link', { name: /^Enter the date to take the figures at/ });
  assert.equal(await link.getAttribute('href'), '#staff-date');
  await assertMarkedInvalid(page, 'staff-date', /Enter the date to take the figures at, with a day, month and year/);
  await link.click();
  assert.equal(await activeId(page), 'staff-date');
  await date.fill('2025-09-30');
  await page.waitForFunction(() => document.querySelector('.staff-figures caption')?.innerText.startsWith('At 30/09/2025'));
  assert.equal(await summary(page).count(), 0);
});
