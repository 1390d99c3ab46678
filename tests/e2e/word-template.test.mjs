// End to end: the officer gives the council's Word template once; it is kept with the report,
// and Export to Word puts the report into it, filling its title fields and keeping its header.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openSample, useBrowser } from './harness.mjs';
import { unzip, zip } from './zip.mjs';

const ctx = useBrowser();
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const TEMPLATE_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml';
const DOCUMENT_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

/// A small .dotx: a header saying OFFICIAL, a {{Title}} placeholder and a {{report}} place.
function template() {
  const rel = (id, kind, target) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${kind}" Target="${target}"/>`;
  const header = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="${W}"><w:p><w:r><w:t>EASTSHIRE OFFICIAL</w:t></w:r></w:p></w:hdr>`;
  return zip([
    ['[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${TEMPLATE_MAIN}"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>`],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'word/document.xml')}</Relationships>`],
    ['word/_rels/document.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'styles', 'styles.xml')}${rel('rId2', 'header', 'header1.xml')}</Relationships>`],
    ['word/styles.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>`],
    ['word/header1.xml', header],
    ['word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body><w:p><w:r><w:t>{{Title}}</w:t></w:r></w:p><w:p><w:r><w:t>{{report}}</w:t></w:r></w:p><w:sectPr><w:headerReference w:type="default" r:id="rId2"/><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`],
  ]);
}

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
  // Kept with the draft: it is there after a reload.
  await page.reload();
  await page.getByText('Word template: eastshire.dotx').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export to Word' }).click()]);
  assert.equal(download.suggestedFilename(), 'childrens-social-care-workforce-update.docx');
  await page.waitForFunction(() => document.querySelector('#export-status')?.innerText.includes('The report went into the template in place of {{report}}.'));
  assert.match(await status.innerText(), /Filled in the template: Report title\./);
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
