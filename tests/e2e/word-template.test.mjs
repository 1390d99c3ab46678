// End to end: the officer gives the council's Word template once; it is kept with the report,
// and Export to Word puts the report into it, filling its title fields and keeping its header.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openSample, useBrowser } from './harness.mjs';
import { unzip } from './zip.mjs';
import { DOCUMENT_MAIN, template } from './word-template-file.mjs';

const ctx = useBrowser();
test("the council's Word template is kept with the report and Export to Word fills it", async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  const status = page.locator('#export-status');
  // Something that is not a Word file is refused, saying so.
  await page.getByLabel("Your council's Word template (optional)").setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await page.waitForFunction(() => document.querySelector('#export-status')?.innerText.includes('notes.txt is not a Word template'));
  const bytes = template();
  await page.getByLabel("Your council's Word template (optional)").setInputFiles({ name: 'eastshire.dotx', mimeType: 'application/octet-stream', buffer: bytes });
  await page.getByText('Word template: eastshire.dotx').waitFor();
  // Before any export, the panel says what the template will take and gain.
  await page.getByText('The report goes into the template in place of {{report}}.').waitFor();
  await page.getByText("It fills the template's fields: Report title.").waitFor();
  await page.getByText(/Styles the template lacks are added to it: .*heading 2/).waitFor();
  // Kept with the draft: it is there after a reload, and looked at again once the officer
  // comes to the export buttons.
  await page.reload();
  await page.getByText('Word template: eastshire.dotx').waitFor();
  await page.getByRole('button', { name: 'Export to Word' }).hover();
  await page.getByText("It fills the template's fields: Report title.").waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export to Word' }).click()]);
  assert.equal(download.suggestedFilename(), 'childrens-social-care-workforce-update.docx');
  await page.waitForFunction(() => document.querySelector('#export-status')?.innerText.includes('The report goes into the template in place of {{report}}.'));
  assert.match(await status.innerText(), /It fills the template's fields: Report title\./);
  const files = unzip(readFileSync(await download.path()));
  const before = unzip(bytes);
  assert.deepEqual(files.get('word/header1.xml'), before.get('word/header1.xml'), 'the header is the template\'s, byte for byte');
  assert.ok(files.get('[Content_Types].xml').toString('utf8').includes(DOCUMENT_MAIN), 'a .dotx comes out as a .docx');
  const xml = files.get('word/document.xml').toString('utf8');
  assert.ok(xml.includes('>Children&#39;s social care workforce update<') || xml.includes(">Children's social care workforce update<"), 'the title fills {{Title}}');
  assert.ok(xml.includes('>Current position<') && !xml.includes('{{report}}'));
  // Stopping using it goes back to the tool's own layout.
  await page.getByRole('button', { name: 'Stop using this template' }).click();
  await page.getByLabel("Your council's Word template (optional)").waitFor();
});
