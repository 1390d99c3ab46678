// End to end, by keyboard alone: an officer who cannot use a mouse pastes a table, edits the
// report and exports it; and wherever the focus goes, it can be seen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openSample, useBrowser } from './harness.mjs';

const ctx = useBrowser();
const PASTED = [
  'Role\tEstablishment\tPermanent\tAgency\tVacant',
  'Social Worker\t20\t14\t4\t6',
  'Team Manager\t4\t3\t0\t1',
].join('\n');

/// What has the focus, as an officer would name it: its label, or its own words.
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const label = el?.labels?.[0]?.innerText ?? el?.getAttribute('aria-label') ?? el?.innerText ?? '';
    return { tag: el?.tagName.toLowerCase(), id: el?.id ?? '', name: label.replace(/\s+/g, ' ').trim() };
  });
}

/// Presses `key` until the focus is on what `wanted` accepts, and fails if it never gets there.
async function pressUntil(page, key, wanted, what, most = 600) {
  const seen = [];
  for (let i = 0; i < most; i++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (wanted(now)) return now;
    seen.push(now.name || now.tag);
    if (now.tag === 'body' && i > 0) break;
  }
  assert.fail(`${key} never reached ${what}; it went through: ${seen.slice(-15).join(' | ')}`);
}

const tabTo = (page, wanted, what) => pressUntil(page, 'Tab', wanted, what);
const named = (name) => (f) => f.name === name;

test('by keyboard alone: paste a table, edit a paragraph, insert a figure, save and export', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);

  // The first Tab is the skip link; then on to the paste box.
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).name, 'Skip to the report');
  await tabTo(page, (f) => f.id === 'paste-table', 'the paste box');
  await page.keyboard.insertText(PASTED);
  await page.waitForFunction(() => document.querySelector('article.report tfoot')?.innerText.includes('24.00'));
  assert.match(await page.getByRole('status').first().innerText(), /Report updated from the pasted table: 2 roles/);
  assert.equal((await focused(page)).id, 'paste-table', 'the focus stays in the box');

  // A column is corrected with the arrow keys: Vacant is not used, so no vacancies are counted.
  await tabTo(page, named('Vacant'), 'the Vacant column choice');
  const notUsed = await page.locator('#column-4 option').evaluateAll((options) => options.findIndex((o) => o.value === 'Not used'));
  const current = await page.locator('#column-4').evaluate((s) => s.selectedIndex);
  for (let i = current; i !== notUsed; i += notUsed > current ? 1 : -1) {
    await page.keyboard.press(notUsed > current ? 'ArrowDown' : 'ArrowUp');
  }
  await page.waitForFunction(() => document.querySelector('article.report tfoot')?.innerText.includes('n/a'));
  assert.equal(await page.locator('#column-4').inputValue(), 'Not used');
  // And put back: Shift+Tab and Tab keep their place, the choice is made again.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).name, 'Vacant');
  for (let i = notUsed; i !== current; i += current > notUsed ? 1 : -1) {
    await page.keyboard.press(current > notUsed ? 'ArrowDown' : 'ArrowUp');
  }
  await page.waitForFunction(() => document.querySelector('article.report tfoot')?.innerText.includes('7.00'));

  // Report details open with Enter, and the title is typed.
  await tabTo(page, named('Report details'), 'Report details');
  await page.keyboard.press('Enter');
  await tabTo(page, named('Report title'), 'the report title');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Workforce update by keyboard');
  await page.waitForFunction(() => document.querySelector('article.report h1')?.innerText === 'Workforce update by keyboard');

  // Paragraph 1.1, in the report itself: typed at its end, then a live figure put in with {.
  await tabTo(page, named('Paragraph 1.1'), 'paragraph 1.1');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' The vacancy rate is ');
  await page.keyboard.press('{');
  assert.equal((await focused(page)).name, 'Find a live figure', '{ opens the list of figures');
  await page.keyboard.type('vacancy r');
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).name, 'Paragraph 1.1', 'back in the text');
  await page.keyboard.type('.');
  await page.waitForFunction(() => /The vacancy rate is 29\.2%\.$/.test(document.querySelector('article.report .paragraph p')?.innerText));
  // Its tools are next (Move up is off for the first paragraph): Move down moves it, and
  // Ctrl+Z puts it back.
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).name, 'Move down paragraph 1.1');
  await page.keyboard.press('Enter');
  // The only paragraph of section 1 goes to the start of section 2.
  await page.waitForFunction(() => /The vacancy rate is 29\.2%\.$/.test(document.querySelector('[aria-label="Paragraph 2.1"]')?.innerText));
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => /The vacancy rate is 29\.2%\.$/.test(document.querySelector('[aria-label="Paragraph 1.1"]')?.innerText));

  // Save project with Enter, Export page for members with Space, Export to Word with Enter:
  // they are in the controls, before the report, so back with Shift+Tab.
  await pressUntil(page, 'Shift+Tab', named('Save project'), 'Save project');
  const [saved] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(saved.suggestedFilename(), 'workforce-update-by-keyboard.json');
  assert.match(readFileSync(await saved.path(), 'utf8'), /The vacancy rate is \{vacancy rate\}\./);

  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).name, 'Export page for members');
  const [members] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Space')]);
  assert.equal(members.suggestedFilename(), 'workforce-update-by-keyboard.html');
  assert.match(readFileSync(await members.path(), 'utf8'), /The vacancy rate is 29\.2%\./);

  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).name, 'Export to Word');
  const [word] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(word.suggestedFilename(), 'workforce-update-by-keyboard.docx');
  assert.equal(readFileSync(await word.path()).subarray(0, 2).toString('latin1'), 'PK', 'a Word file');

  // Undo, at the foot of the controls, is reached and works from the keyboard too.
  await tabTo(page, named('Undo'), 'Undo');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !/The vacancy rate is 29\.2%\.$/.test(document.querySelector('article.report .paragraph p')?.innerText));
});

/// The focused element's focus indicator: each ring drawn round it (outline, box shadows) with
/// its contrast against what is around it and any side of it cut off, and whether the element
/// itself can be seen (on screen, not covered by something else).
function indicator(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const rgba = (text) => {
      const m = text.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    const luminance = ({ r, g, b }) => {
      const c = [r, g, b].map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    };
    const contrast = (x, y) => {
      const [a, b] = [luminance(x), luminance(y)].sort((p, q) => q - p);
      return (a + 0.05) / (b + 0.05);
    };
    // The colour behind an element: the first ancestor that paints a background.
    const behind = (node) => {
      for (let n = node; n; n = n.parentElement) {
        const c = rgba(getComputedStyle(n).backgroundColor);
        if (c && c.a > 0) return c;
      }
      return { r: 255, g: 255, b: 255, a: 1 };
    };
    const style = getComputedStyle(el);
    const rings = [];
    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) {
      const width = parseFloat(style.outlineWidth);
      rings.push({ kind: 'outline', width, reach: width + (parseFloat(style.outlineOffset) || 0), colour: rgba(style.outlineColor), against: behind(el.parentElement) });
    }
    if (style.boxShadow !== 'none') {
      // Each shadow: its colour, then offsets, blur and spread ("rgb(11, 12, 12) 0px 0px 0px 6px").
      for (const shadow of style.boxShadow.split(/,(?![^(]*\))/)) {
        const lengths = shadow.replace(/rgba?\([^)]*\)/, '').match(/-?[\d.]+px/g)?.map(parseFloat) ?? [];
        const inset = /inset/.test(shadow);
        const width = lengths[3] ?? 0;
        rings.push({ kind: inset ? 'inset shadow' : 'shadow', width, reach: inset ? 0 : width, colour: rgba(shadow), against: behind(inset ? el : el.parentElement) });
      }
    }
    const box = el.getBoundingClientRect();
    // What can cut a ring off: the window, and any box that clips what overflows it.
    const clips = [{ name: 'the window', left: 0, top: 0, right: innerWidth, bottom: innerHeight }];
    for (let n = el.parentElement; n && n !== document.documentElement; n = n.parentElement) {
      const o = getComputedStyle(n);
      if (o.overflowX === 'visible' && o.overflowY === 'visible') continue;
      const c = n.getBoundingClientRect();
      const [left, top] = [c.left + n.clientLeft, c.top + n.clientTop];
      clips.push({ name: `${n.tagName.toLowerCase()}.${n.className}`, left, top, right: left + n.clientWidth, bottom: top + n.clientHeight });
    }
    const cutOff = (reach) => clips.flatMap((c) => [
      ['left', box.left - reach < c.left - 0.5], ['top', box.top - reach < c.top - 0.5],
      ['right', box.right + reach > c.right + 0.5], ['bottom', box.bottom + reach > c.bottom + 0.5],
    ].filter(([, off]) => off).map(([side]) => `${side} by ${c.name}`));
    // A ring may be cut off only where the element is: a tall text box the browser scrolls
    // only partly into view (it shows the cursor). Cut off round a whole element, it fails.
    const elementCut = cutOff(0);
    const drawn = rings.filter((r) => r.colour && r.colour.a > 0 && r.width >= 2).map((r) => ({
      kind: r.kind, width: r.width, contrast: Math.round(contrast(r.colour, r.against) * 100) / 100,
      cut: cutOff(r.reach).filter((side) => !elementCut.includes(side)),
    }));
    // The middle of its first box: a link that wraps has several, and space between them.
    const first = el.getClientRects()[0] ?? box;
    const [x, y] = [first.left + first.width / 2, first.top + first.height / 2];
    const onScreen = box.width > 0 && box.height > 0 && x >= 0 && y >= 0 && x <= innerWidth && y <= innerHeight;
    const top = onScreen ? document.elementFromPoint(x, y) : null;
    const label = el.labels?.[0]?.innerText ?? el.getAttribute('aria-label') ?? el.innerText ?? '';
    return {
      name: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} “${label.replace(/\s+/g, ' ').trim().slice(0, 60)}”`,
      body: el === document.body,
      // The best ring drawn whole: its contrast with what is around it, none of it cut off.
      best: Math.max(0, ...drawn.filter((r) => !r.cut.length).map((r) => r.contrast)),
      rings: drawn,
      onScreen,
      covered: onScreen && !(top === el || el.contains(top) || [...(el.labels ?? [])].includes(top)),
      coveredBy: top && top !== el && !el.contains(top) ? `${top.tagName.toLowerCase()}.${top.className}` : '',
    };
  });
}

/// Tabs through everything on the page once, and fails for any stop whose focus cannot be seen.
async function everyStopHasVisibleFocus(page, where) {
  const problems = [];
  const names = [];
  // From the top, the skip link, reached by the keyboard (a focus by script shows no ring).
  await page.locator('.skip-link').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  for (let i = 0; i < 1500; i++) {
    if (i > 0) await page.keyboard.press('Tab');
    const stop = await indicator(page);
    if (stop.body || (names.length && stop.name === names[0])) break;
    names.push(stop.name);
    if (stop.best < 3) problems.push(`${stop.name}: no whole focus indicator with 3:1 contrast (${JSON.stringify(stop.rings)})`);
    if (!stop.onScreen) problems.push(`${stop.name}: focused off screen`);
    if (stop.covered) problems.push(`${stop.name}: focused but covered by ${stop.coveredBy}`);
  }
  assert.ok(names.length > 20, `Tab went through ${names.length} controls ${where}`);
  assert.deepEqual(problems, [], `every focused control can be seen ${where}`);
  if (process.env.SHOW_STOPS) console.log(names.join('\n'));
  return names;
}

test('every control the Tab key reaches shows where the focus is, with 3:1 contrast, never hidden', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  // Open everything that folds away, so its controls are in the tab order too.
  for (const summary of [/^Drafts in this browser/, 'Start from a template', 'Report details']) {
    await page.locator('summary', { hasText: summary }).click();
  }
  await page.locator('details.chart-data').first().evaluate((d) => { d.open = true; });
  const names = await everyStopHasVisibleFocus(page, 'on the sample');
  for (const control of ['a “Skip to the report”', 'textarea#paste-table “Paste a table”', 'button “Save project”', 'button “Print report”']) {
    assert.ok(names.some((n) => n.startsWith(control)), `${control} is in the tab order`);
  }
  assert.ok(names.some((n) => n.startsWith('summary “Figures in this chart”')), 'and so are the report’s chart figures');

  // And with import details, Columns and an error showing.
  await page.getByLabel('Paste a table').fill('Role\tEstablishment\tAgency\nSocial Worker\t10\ttwo');
  await page.locator('#paste-error').waitFor();
  await everyStopHasVisibleFocus(page, 'with an unreadable paste');
});

test('the skip link is the first stop, can be seen, and takes the focus to the report', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await page.keyboard.press('Tab');
  const link = page.getByRole('link', { name: 'Skip to the report' });
  assert.equal(await link.evaluate((a) => a === document.activeElement), true, 'the first stop');
  const box = await link.boundingBox();
  assert.ok(box && box.x >= 0 && box.y >= 0 && box.width > 50, `on screen when focused: ${JSON.stringify(box)}`);
  assert.ok((await indicator(page)).best >= 3, 'with a focus indicator');

  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'report-preview', 'the report has the focus');
  // The next Tab goes on into the report, past all the controls.
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.querySelector('#report-preview').contains(document.activeElement)),
    `the next stop is in the report: ${(await focused(page)).name}`);
  // And Shift+Tab goes back to the controls just before it.
  await page.keyboard.press('Shift+Tab');
  assert.ok(await page.evaluate(() => document.querySelector('.app-controls').contains(document.activeElement)),
    'Shift+Tab leads back into the controls');
});
