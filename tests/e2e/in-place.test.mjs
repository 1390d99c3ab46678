// End to end: the report is written where it is read. Typing in a paragraph, a live figure put
// in with `{`, Enter starting the next paragraph, a run of typing undone as one step, blocks
// and sections moved by keyboard and by drag, a bullet list written and pasted into, and no
// editing marks on paper.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSample, useBrowser } from './harness.mjs';

const ctx = useBrowser();
const field = (page, name) => page.getByRole('textbox', { name, exact: true });
const headings = (page) => page.locator('article.report h2').allInnerTexts();
const focusedLabel = (page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));

test('a paragraph is typed in where it prints; { puts in a live figure; Enter starts the next; undo takes the typing back as one step', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  const first = field(page, 'Paragraph 4.1');
  const before = await first.innerText();
  const next = await field(page, 'Paragraph 4.2').innerText();

  await first.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Agency cover stands at ');
  await page.keyboard.press('{');
  // The list is searched by any words of a figure's name or meaning.
  await page.keyboard.type('agency rate');
  const offered = await page.locator('#figure-choices [role=option]').first().innerText();
  assert.match(offered, /^agency rate\n/, 'the figure of that name comes first');
  await page.keyboard.press('Enter');
  assert.equal(await focusedLabel(page), 'Paragraph 4.1', 'the keyboard is back in the words');
  await page.keyboard.type(' of the establishment.');
  assert.deepEqual(await first.locator('.figure-token').evaluateAll((all) => all.map((t) => t.dataset.figure)).then((names) => names.slice(-1)),
    ['agency rate'], 'the figure is a token in the words');
  await page.waitForFunction(() => /Agency cover stands at\s28\.6%\sof the establishment\.$/.test(document.querySelector('[aria-label="Paragraph 4.1"]')?.innerText));

  // Enter: the words after the cursor start paragraph 4.2, in the same section.
  for (let i = 0; i < ' of the establishment.'.length; i += 1) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Paragraph 4.2');
  await page.keyboard.type('Put simply: ');
  await page.waitForFunction(() => /^Put simply:\sof the establishment\.$/.test(document.querySelector('[aria-label="Paragraph 4.2"]')?.innerText));
  assert.match(await first.innerText(), /Agency cover stands at\s28\.6%$/);
  assert.equal(await field(page, 'Paragraph 4.3').innerText(), next, 'the paragraph that followed is now 4.3');

  // Ctrl+Z: the typing in 4.2, then the new paragraph, then the typing in 4.1 (one step).
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelector('[aria-label="Paragraph 4.2"]')?.innerText === 'of the establishment.');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await page.waitForFunction((text) => document.querySelector('[aria-label="Paragraph 4.1"]')?.innerText === text, before);
  assert.equal(await field(page, 'Paragraph 4.2').innerText(), next);
  await page.getByRole('button', { name: 'Redo' }).click();
  assert.match(await first.innerText(), /Agency cover stands at\s28\.6%\sof the establishment\.$/);

  // Backspace at the start of 4.2 joins it to 4.1, the cursor where the two meet.
  await field(page, 'Paragraph 4.2').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Backspace');
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Paragraph 4.1');
  await page.keyboard.type('X');
  await page.waitForFunction(() => /establishment\.X\s?The vacancy rate/.test(document.querySelector('[aria-label="Paragraph 4.1"]')?.innerText));
});

test('Alt+Up and Alt+Down move the paragraph or section being typed in, and the keyboard stays with it', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  const words = await field(page, 'Paragraph 4.2').innerText();
  await field(page, 'Paragraph 4.2').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Alt+ArrowUp');
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Paragraph 4.1');
  assert.equal(await field(page, 'Paragraph 4.1').innerText(), words, 'it is now paragraph 4.1, and still being typed in');
  await page.keyboard.type(' Moved.');
  await page.waitForFunction(() => document.querySelector('[aria-label="Paragraph 4.1"]')?.innerText.includes('Moved.'));
  assert.ok((await field(page, 'Paragraph 4.1').innerText()).startsWith(words.slice(0, 40)), 'typed where the cursor was, not at the start');

  const heading = field(page, 'Section 2 heading');
  const name = await heading.innerText();
  await heading.click();
  await page.keyboard.press('Alt+ArrowDown');
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Section 3 heading');
  assert.equal(await page.locator('article.report h2').nth(2).innerText(), `3. ${name}`);
  // A heading is renamed where it stands.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('What we recommend');
  await page.waitForFunction(() => document.querySelectorAll('article.report h2')[2]?.innerText === '3. What we recommend');
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction((text) => document.querySelectorAll('article.report h2')[1]?.innerText === `2. ${text}`, name);
});

/// Drags `handle` onto `target` with the mouse, as an officer does (both in view).
async function drag(page, block, handle, target) {
  await block.hover();
  const from = await handle.boundingBox();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 20, from.y + 20, { steps: 4 });
  const to = await target.boundingBox();
  await page.mouse.move(to.x + 40, to.y + to.height / 2, { steps: 8 });
  await page.mouse.up();
}

test('paragraphs and sections move by drag, to where they are dropped', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  const before = await headings(page);
  const moving = await field(page, 'Paragraph 4.1').innerText();
  const ending = (await page.locator('article.report section').nth(2).locator('.paragraph-number').allInnerTexts()).length;
  // Paragraph 4.1 dropped on Add to section 3: it goes to the end of section 3.
  const block = page.locator('.block-shell', { has: field(page, 'Paragraph 4.1') });
  await drag(page, block, block.locator('.drag-handle'), page.locator('.add-to-section', { has: page.getByLabel('Add to section 3') }));
  const number = `3.${ending + 1}`;
  await page.waitForFunction(([n, text]) => document.querySelector(`[aria-label="Paragraph ${n}"]`)?.innerText === text, [number, moving]);
  assert.match(await page.getByRole('status').first().innerText(), new RegExp(`Paragraph moved: it is now ${number.replace('.', '\\.')}`));
  // And dropped on paragraph 3.1, it goes before it.
  const again = page.locator('.block-shell', { has: field(page, `Paragraph ${number}`) });
  await field(page, 'Paragraph 3.1').scrollIntoViewIfNeeded();
  await drag(page, again, again.locator('.drag-handle'), page.locator('.block-shell', { has: field(page, 'Paragraph 3.1') }));
  await page.waitForFunction((text) => document.querySelector('[aria-label="Paragraph 3.1"]')?.innerText === text, moving);

  // Section 4's heading dropped on section 3's: they change places.
  const head = page.locator('.section-head', { has: field(page, 'Section 4 heading') });
  await field(page, 'Section 3 heading').scrollIntoViewIfNeeded();
  await drag(page, head, head.locator('.drag-handle'), page.locator('.section-head', { has: field(page, 'Section 3 heading') }));
  await page.waitForFunction((name) => document.querySelectorAll('article.report h2')[2]?.innerText.endsWith(name), before[3].replace(/^\d+\. /, ''));
  const after = await headings(page);
  assert.equal(after.length, before.length, 'no section was lost or added');
  assert.equal(after[3].replace(/^\d+\. /, ''), before[2].replace(/^\d+\. /, ''));
});

test('a bullet list is written in place: Enter goes from the lead-in to the bullets, a pasted list becomes bullets', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  const last = await page.locator('article.report h2').count();
  const choice = page.getByLabel(`Add to section ${last}`, { exact: true });
  await choice.selectOption({ label: 'Bullet list' });
  await page.locator('.add-to-section', { has: choice }).getByRole('button', { name: 'Add', exact: true }).click();
  const lead = page.getByRole('textbox', { name: /^Paragraph \d+\.\d+: lead-in$/ }).last();
  const number = (await lead.getAttribute('aria-label')).match(/[\d.]+/)[0];
  await lead.click();
  await page.keyboard.type('The main risks are:');
  await page.keyboard.press('Enter');
  assert.equal(await focusedLabel(page), `Paragraph ${number}: bullet points`);
  await page.keyboard.type('agency spend');
  await page.keyboard.press('Enter');
  await page.keyboard.type('retention');
  // A list copied from Word arrives as plain lines with their bullet characters.
  await page.keyboard.press('Enter');
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', '• caseloads\r\n• sickness\r\n');
    data.setData('text/html', '<ul><li style="color:red">caseloads</li><li><b>sickness</b></li></ul>');
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  const printed = page.locator('article.report .paragraph', { has: page.locator('.paragraph-number', { hasText: new RegExp(`^${number.replace('.', '\\.')}$`) }) });
  await page.waitForFunction((n) => [...document.querySelectorAll('article.report .paragraph')]
    .find((p) => p.querySelector('.paragraph-number')?.textContent === n)?.querySelectorAll('li').length === 4, number);
  assert.deepEqual(await printed.locator('li').allInnerTexts(), ['agency spend', 'retention', 'caseloads', 'sickness'],
    'each pasted line is a bullet');
  assert.deepEqual(await printed.locator('li strong').allInnerTexts(), ['sickness'], 'bold words stay bold');
  assert.equal(await printed.locator('li [style]').count(), 0, 'and no colour or font came in with them');
});

test('text pasted from Word keeps its bold and italic words, and nothing else; Ctrl+B makes words bold', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  const box = field(page, 'Paragraph 3.1');
  await box.click();
  await page.keyboard.press('Control+End');
  // As Word puts it on the clipboard: its own markup, styles and comments around the words.
  const word = '<html><head><style>p.MsoNormal{font-family:Calibri}</style></head><body><!--StartFragment-->'
    + '<p class=MsoNormal><span style="font-size:14pt;color:#C00000">Recruitment is </span><b><span style="font-family:Arial">our first priority</span></b>'
    + '<span> and <i>retention</i> the second {not a figure}.</span></p><!--EndFragment--></body></html>';
  await page.evaluate((html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'Recruitment is our first priority and retention the second {not a figure}.');
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, word);
  await page.waitForFunction(() => document.querySelector('[aria-label="Paragraph 3.1"]')?.innerText.endsWith('the second {not a figure}.'));
  assert.match(await box.innerText(), /social care\.\sRecruitment is our/, 'spaced from the words before it, as Word does');
  assert.deepEqual(await box.locator('strong').allInnerTexts(), ['our first priority']);
  assert.deepEqual(await box.locator('em').allInnerTexts(), ['retention']);
  assert.equal(await box.locator('[style], span:not(.figure-token)').count(), 0, 'no fonts, sizes or colours');
  // The cursor is after what was pasted: typing carries on there.
  await page.keyboard.type(' Next.');
  await page.waitForFunction(() => document.querySelector('[aria-label="Paragraph 3.1"]')?.innerText.endsWith('{not a figure}. Next.'));

  // Ctrl+B: the next words typed are bold, and stay bold once saved and drawn again.
  await page.keyboard.press('Control+b');
  await page.keyboard.type('Bold too.');
  await page.keyboard.press('Control+b');
  await page.waitForFunction(() => [...document.querySelectorAll('[aria-label="Paragraph 3.1"] b, [aria-label="Paragraph 3.1"] strong')].some((e) => e.innerText === 'Bold too.'));
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Redo' }).click();
  await page.waitForFunction(() => [...document.querySelectorAll('[aria-label="Paragraph 3.1"] strong')].some((e) => e.innerText === 'Bold too.'));

});

test("a table's caption is typed on the caption itself, and undone as one step", async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  const caption = page.locator('article.report table caption').first();
  const before = await caption.innerText();
  assert.match(before, /^Table 1: /);
  const field = page.getByRole('textbox', { name: /: table caption$/ }).first();
  await field.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' this year');
  await page.waitForFunction((text) => document.querySelector('article.report table caption')?.innerText === text, `${before} this year`);
  assert.match(await field.getAttribute('aria-label'), /^Paragraph \d+\.\d+: table caption$/);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), await field.getAttribute('aria-label'), 'still typing in it');
  // The caption is the officer's now: the Change panel shows it too.
  const block = page.locator('.block-shell', { has: field });
  await block.getByRole('button', { name: /^Change paragraph/ }).click();
  assert.equal(await block.getByLabel('Table caption', { exact: true }).inputValue(), `${before.replace(/^Table 1: /, '')} this year`);
  await page.keyboard.press('Control+z');
  await page.waitForFunction((text) => document.querySelector('article.report table caption')?.innerText === text, before);
});

test("a chart's title is typed over the title drawn in the chart; the chart follows; print shows the drawn title", async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  const figure = page.locator('article.report figure.chart-figure').first();
  const drawn = () => figure.evaluate((f) => f.querySelector('svg > title').textContent);
  const before = await drawn();
  const title = page.getByRole('textbox', { name: /: chart title$/ }).first();
  assert.equal(await title.innerText(), before);
  // The field sits on the drawn title's first line, at its size, and the drawn lines are hidden under it.
  const [field, line] = await page.evaluate(() => {
    const box = (e) => { const r = e.getBoundingClientRect(); return [r.x, r.y + r.height / 2, r.width]; };
    return [box(document.querySelector('.chart-title-field .in-place')), box(document.querySelector('article.report svg text.chart-title'))];
  });
  assert.ok(Math.abs(field[0] - line[0]) < 2 && Math.abs(field[1] - line[1]) < 4, `field ${field} over line ${line}`);
  assert.equal(await figure.evaluate((f) => getComputedStyle(f.querySelector('svg text.chart-title')).visibility), 'hidden');
  await title.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' this year');
  await page.waitForFunction((text) => document.querySelector('article.report figure.chart-figure svg > title')?.textContent === text, `${before} this year`);
  assert.equal(await focusedLabel(page), await title.getAttribute('aria-label'), 'still typing in it');
  assert.match(await figure.evaluate((f) => f.querySelector('svg').getAttribute('aria-labelledby')), /-title /);
  // On paper the chart's own title shows, and the field does not.
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual(await figure.evaluate((f) => [getComputedStyle(f.querySelector('svg text.chart-title')).visibility,
    getComputedStyle(f.closest('.chart-in-place').querySelector('.chart-title-field')).display]), ['visible', 'none']);
  await page.emulateMedia({ media: 'screen' });
  await page.keyboard.press('Control+z');
  await page.waitForFunction((text) => document.querySelector('article.report figure.chart-figure svg > title')?.textContent === text, before);
  assert.equal(await title.innerText(), before);
});

test('printing the report shows no editing marks', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await field(page, 'Paragraph 1.1').click();
  await page.emulateMedia({ media: 'print' });
  const hidden = await page.evaluate(() => ['.writing-hint', '.block-tools', '.add-to-section', 'form.add-section']
    .map((s) => [s, getComputedStyle(document.querySelector(s)).display]));
  assert.deepEqual(hidden, hidden.map(([s]) => [s, 'none']));
  const marks = await page.evaluate(() => {
    const token = document.querySelector('.figure-token');
    const words = document.querySelector('.in-place:focus');
    return [getComputedStyle(token).backgroundColor, getComputedStyle(token).borderBottomStyle, getComputedStyle(words).boxShadow];
  });
  assert.deepEqual(marks, ['rgba(0, 0, 0, 0)', 'none', 'none']);
  await page.emulateMedia({ media: 'screen' });
});
