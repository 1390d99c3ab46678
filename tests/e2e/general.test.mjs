// End to end: every table an officer brings goes into the report. Tables of figures pasted as
// they come (pipes from a web page, years across the top, a short total row, units in the cells,
// a label wrapped over two lines) each reach the report as a table, a chart and a first-draft
// sentence with live figures; their arithmetic is checked; cells run together are refused; a
// recruitment table and a recommendations tracker reach their own blocks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openSample, totalRow, useBrowser, writeInReport } from './harness.mjs';

const ctx = useBrowser();
const fixture = (name) => readFileSync(new URL(`../fixtures/general/${name}`, import.meta.url), 'utf8');
const cells = (text) => text.split('\t').map((s) => s.trim());
const literal = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/// Pastes text into the paste box as an officer does: from the clipboard, with Ctrl+V, one
/// input event (filling the box fires several for a table of many lines).
async function paste(page, text) {
  await page.evaluate((copied) => navigator.clipboard.writeText(copied), text);
  await page.getByLabel('Paste a table').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
}

/// Waits for the status line to say the table of figures `name` was added, and returns the
/// report's section it went into, with that section's number.
async function added(page, name) {
  await page.getByRole('status').filter({ hasText: `Added “${name}” to the report` }).first().waitFor();
  const status = await page.getByRole('status').first().innerText();
  const number = status.match(/at the end of section (\d+) /)?.[1];
  assert.ok(number, `the status says where: ${status}`);
  const section = page.locator('article.report section', {
    has: page.locator('h2', { hasText: new RegExp(`^${number}\\.\\s`) }),
  });
  assert.match(await section.locator('h2').innerText(), new RegExp(`^${number}\\. ${literal(name)}$`, 'i'));
  return { section, number };
}

/// The table in `scope` whose caption is "Table n: caption" (a chart's table of figures is
/// captioned "Figures in the chart: ...").
async function captioned(scope, caption) {
  const wanted = new RegExp(`^Table \\d+: ${literal(caption)}$`, 'i');
  const table = scope.locator('table.figures', { has: scope.page().locator('caption', { hasText: wanted }) });
  assert.equal(await table.count(), 1, `one table captioned ${caption}`);
  return table;
}

const bodyRows = async (table) => (await table.locator('tbody tr').allInnerTexts()).map(cells);

/// The one chart in `scope`: its title, which is also its accessible name, and its figures.
async function chart(scope) {
  const svg = scope.locator('svg.chart');
  assert.equal(await svg.count(), 1, 'one chart');
  const found = await svg.evaluate((el) => ({
    title: el.querySelector('title')?.textContent ?? '',
    named: document.getElementById(el.getAttribute('aria-labelledby').split(' ')[0])?.textContent ?? '',
  }));
  assert.equal(found.named, found.title, 'the chart is named by its title');
  const figures = scope.locator('details.chart-data');
  await figures.locator('summary').click();
  return { title: found.title, rows: await bodyRows(figures.locator('table')) };
}

/// The sentence in the first paragraph of `section`, as it prints.
// As it prints: a space typed before a live figure is held as a no-break space while it is written.
const sentence = async (section) => (await section.locator('.paragraph .paragraph-body').first().innerText()).replace(/\u00a0/g, ' ');

test('a web table copied as pipes goes into the report as a table, a chart and a sentence', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await paste(page, fixture('pipes-web-table.txt'));
  // Named from its figure columns and the heading of its labels.
  const { section } = await added(page, 'Starters and leavers by staff group');
  const table = await captioned(section, 'Starters and leavers by staff group');
  assert.deepEqual(await table.locator('thead th').allInnerTexts(), ['Staff group', 'Starters', 'Leavers', 'Turnover rate']);
  assert.deepEqual(await bodyRows(table), [
    ['Social workers', '40', '35', '14.2%'],
    ['Team managers', '6', '4', '9.1%'],
    ['Family support workers', '22', '19', '17.5%'],
  ], 'no row of dashes, no empty outer cells');
  // Starters and leavers side by side for each group (the rate, a percentage, is not drawn with them).
  const drawn = await chart(section);
  assert.match(drawn.title, /^Starters and leavers by staff group$/i);
  assert.deepEqual(drawn.rows, [['Social workers', '40', '35'], ['Team managers', '6', '4'], ['Family support workers', '22', '19']]);
  // Starters: 40, 6 and 22.
  assert.match(await sentence(section), /^Starters (was|were) highest in Social workers \(40\) and lowest in Team managers \(6\)\.$/);
});

test('a table with five years across the top: its sentence, chart and live figures naming a row and a column', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await paste(page, fixture('years-across.txt'));
  const name = 'Agency spend, 2019/20 to 2023/24';
  const { section, number } = await added(page, name);
  const table = await captioned(section, name);
  assert.deepEqual(cells(await table.locator('thead tr').innerText()), ['Measure', '2019/20', '2020/21', '2021/22', '2022/23', '2023/24']);
  assert.deepEqual(await bodyRows(table), [
    ['Agency spend (£)', '£1,800,000', '£2,000,000', '£2,200,000', '£2,400,000', '£2,600,000'],
    ['Agency workers (FTE)', '31.50', '33.00', '35.25', '38.00', '40.50'],
  ]);
  // A line over the years, of spend alone (FTE is not drawn on a pounds axis).
  const drawn = await chart(section);
  assert.equal(drawn.title, 'Agency spend rose from £1.8m to £2.6m between 2019/20 and 2023/24');
  assert.deepEqual(drawn.rows.map((r) => r[0]), ['2019/20', '2020/21', '2021/22', '2022/23', '2023/24']);
  assert.equal(await sentence(section),
    'Agency spend rose from £1.8m in 2019/20 to £2.6m in 2023/24. Agency workers rose from 31.5 FTE in 2019/20 to 40.5 FTE in 2023/24.');

  // The officer writes their own sentence with a figure named by row and column, and takes
  // another from Insert figure, where the table's figures are listed under its name.
  const box = await writeInReport(page, `Paragraph ${number}.1`, 'Agency spend was {agency spend, 2023/24} in the latest year, against ');
  await page.getByRole('button', { name: `Insert figure into paragraph ${number}.1` }).click();
  await page.locator('#figure-search').fill('agency spend');
  const offered = await page.locator('#figure-choices [role=option]').allInnerTexts();
  assert.ok(offered.some((o) => o.includes('Agency spend (£), 2023/24') && o.includes(name)), 'the list names the table each figure is from');
  assert.ok(offered.some((o) => o.includes('Agency spend (£), 2019/20')), offered.join(' | '));
  await page.locator('#figure-search').fill('Agency spend (£), 2019/20');
  assert.match(await page.locator('#figure-choices [role=option]').first().innerText(), /^Agency spend \(£\), 2019\/20\n/, 'that name first');
  await page.locator('#figure-search').press('Enter');
  assert.deepEqual(await box.locator('.figure-token').evaluateAll((all) => all.map((t) => t.dataset.figure)),
    ['agency spend, 2023/24', 'Agency spend (£), 2019/20']);
  await page.waitForFunction((n) => [...document.querySelectorAll('article.report .paragraph')]
    .some((p) => p.querySelector('.paragraph-number')?.textContent === `${n}.1` && p.innerText.includes('latest year')), number);
  assert.equal(await sentence(section), 'Agency spend was £2.6m in the latest year, against £1.8m');
  assert.doesNotMatch(await page.locator('article.report').innerText(), /no figure\]/);
});

test('sickness by directorate whose total row has fewer cells: the total is read under its column and checked', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await paste(page, fixture('sickness-short-total.txt'));
  const name = 'Sickness absence by directorate, 2024/25';
  const { section } = await added(page, name);
  const table = await captioned(section, name);
  // Each column to one number of places (2,412·5 gives days lost one), FTE to at least two.
  assert.deepEqual(await bodyRows(table), [
    ["Children's services", '1,212.0', '160.50', '7.55'],
    ['Adult social care', '2,412.5', '240.00', '10.05'],
    ['Corporate', '640.0', '98.00', '6.53'],
  ]);
  assert.deepEqual(cells(await table.locator('tfoot tr').innerText()), ['Total', '4,264.5', '', '']);
  // Days lost alone is drawn: days per FTE is a rate, FTE another unit.
  const drawn = await chart(section);
  assert.equal(drawn.title, 'Adult social care had the highest days lost (2,412.5 days)');
  assert.deepEqual(drawn.rows.map((r) => r[0]), ["Children's services", 'Adult social care', 'Corporate']);
  assert.match(await sentence(section),
    /^Days lost (was|were) highest in Adult social care \(2,412\.5 days\) and lowest in Corporate \(640 days\), with 4,264\.5 days in all\.$/);

  // 1,212 + 2,412.5 + 640 = 4,264.5, and each days per FTE is days lost ÷ FTE to two places.
  const panel = page.getByRole('region', { name: 'Checks' });
  assert.equal(await panel.locator('.checks-summary').innerText(), "No problems found in the tables' arithmetic.");
  const findings = panel.locator('h3', { hasText: name }).locator('xpath=following-sibling::ul[1]').locator('li.passed .finding-text');
  const passed = (await findings.allTextContents()).map((f) => f.trim());
  assert.ok(passed.includes('Passed: Row 6 (Total), column Days lost: the sum of the rows above agrees.'), passed.join(' | '));
  assert.ok(passed.includes('Passed: Row 4 (Adult social care), column Days per FTE: Days lost ÷ FTE agrees.'), passed.join(' | '));
});

test('units and marks in the cells: figures read through them, and cells without a figure shown as written', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await paste(page, fixture('units-in-cells.txt'));
  const { section } = await added(page, 'Value by measure');
  const table = await captioned(section, 'Value by measure');
  const rows = Object.fromEntries((await bodyRows(table)).map(([label, value]) => [label, value]));
  assert.deepEqual(Object.keys(rows), ['Sickness', 'Budget', 'Vacancy rate', 'Turnover', 'Retention', 'Stability', 'Leavers under 25', 'Agency rate']);
  assert.equal(rows.Budget, '£64,250,000');
  // One column of many units: each figure says its own.
  assert.equal(rows.Sickness, '7.35 days');
  assert.equal(rows['Leavers under 25'], '<4');
  assert.equal(rows['Agency rate'], 'N/A');
  assert.match(rows['Vacancy rate'], /^12(\.0+)?%$/);
  const notes = await section.locator('.table-notes').first().innerText();
  assert.match(notes, /Footnote marks were set aside from the figures \(‘\*6\.9’ in row 5; ‘12\.3¹’ in row 6; ‘84\.0 \[note 3\]’ in row 7\)/);
  assert.match(notes, /Cells without a figure are shown as the source gave them/);
  // Days, pounds and percentages are not ranked against each other, nor drawn on one axis:
  // no chart and no sentence comparing them, and a live figure that would says why.
  assert.equal(await section.locator('svg.chart').count(), 0, 'no chart of figures in different units');
  assert.match(await page.getByRole('status').first().innerText(), /Added “Value by measure” to the report: its table, at the end/);
  assert.equal(await section.locator('.paragraph-body p').count(), 0, 'no sentence comparing them');
});

test('a label wrapped over two lines in tab-separated text is one role in the report', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  await paste(page, fixture('wrapped-label.tsv.txt'));
  // Role, Establishment...: an establishment table, so it becomes the report's own table.
  await page.getByRole('status').filter({ hasText: 'Report updated from the pasted table: 2 roles.' }).first().waitFor();
  assert.match(await page.locator('.import-details').innerText(),
    /Rows 3 and 4: “Assistant Team” on a line of its own was taken as the start of the label “Assistant Team Manager”, wrapped over two lines\./);
  const report = page.locator('article.report');
  const table = await captioned(report, 'Establishment by role, full-time equivalent (FTE)');
  // Social Worker: 42.69 − 27.69 − 16.00 = (1.00) over; 15.00 ÷ 42.69 vacant; 16.00 ÷ 43.69 agency.
  // Assistant Team Manager: 9 − 4 − 2 = 3.00 under; 5 ÷ 9 vacant; 2 ÷ 6 agency.
  assert.deepEqual(await bodyRows(table), [
    ['Social Worker', '42.69', '27.69', '16.00', '15.00', '(1.00)', '35.1%', '36.6%'],
    ['Assistant Team Manager', '9.00', '4.00', '2.00', '5.00', '3.00', '55.6%', '33.3%'],
  ]);
  assert.deepEqual(await totalRow(page), ['Total', '51.69', '31.69', '18.00', '20.00', '2.00', '38.7%', '36.2%']);
  // The chart is drawn from it: its title counts agency workers plus uncovered vacancies.
  const figure = report.locator('figure', { has: page.locator('svg.chart') }).first();
  const drawn = await chart(figure);
  assert.equal(drawn.title, 'Social Worker has the most agency workers and uncovered vacancies (16 FTE)');
  assert.deepEqual(drawn.rows.map((r) => r[0]), ['Social Worker', 'Assistant Team Manager']);
  // And the report's sentences follow it through their live figures.
  const text = await report.innerText();
  assert.match(text, /the establishment is 51\.7 FTE posts\. Permanent staff fill 31\.7 FTE and agency workers 18 FTE\./);
  assert.match(text, /There are 20 FTE vacant posts, a vacancy rate of 38\.7%, and agency workers make up 36\.2% of staff in post/);
});

test('tables brought in one after another each keep their own place in the report', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  // New sections go in committee order: after the body's, before the closing sections.
  const before = (await page.locator('article.report h2').allInnerTexts()).findIndex((h) => h.endsWith('Financial implications'));
  const names = [
    ['pipes-web-table.txt', 'Starters and leavers by staff group'],
    ['years-across.txt', 'Agency spend, 2019/20 to 2023/24'],
    ['sickness-short-total.txt', 'Sickness absence by directorate, 2024/25'],
    ['units-in-cells.txt', 'Value by measure'],
  ];
  for (const [file, name] of names) {
    await paste(page, fixture(file));
    await added(page, name);
    await page.getByRole('button', { name: 'Done: bring in the next table' }).click();
    assert.equal(await page.getByLabel('Paste a table').inputValue(), '', 'the box is cleared for the next table');
  }
  const headings = await page.locator('article.report h2').allInnerTexts();
  assert.deepEqual(headings.slice(before, before + names.length).map((h) => h.toLowerCase()),
    names.map(([, name], i) => `${before + i + 1}. ${name}`.toLowerCase()));
  // Numbered one after another, and the first still holds its own figures.
  const captions = (await page.locator('article.report table.figures > caption').allInnerTexts()).filter((c) => c.startsWith('Table'));
  const ours = captions.filter((c) => names.some(([, name]) => c.toLowerCase().endsWith(`: ${name.toLowerCase()}`)));
  const first = Number(ours[0].match(/^Table (\d+):/)[1]);
  assert.deepEqual(ours.map((c) => c.replace(/^Table \d+: /, '').toLowerCase()), names.map(([, name]) => name.toLowerCase()));
  assert.deepEqual(ours.map((c) => Number(c.match(/^Table (\d+):/)[1])), [first, first + 1, first + 2, first + 3]);
  for (const [, name] of names) {
    const section = page.locator('article.report section', { has: page.locator('h2', { hasText: name }) });
    // A column of figures in many units has no chart.
    assert.equal(await section.locator('svg.chart').count(), name === 'Value by measure' ? 0 : 1, `${name}: its chart`);
  }
  const pipes = page.locator('article.report section', { has: page.locator('h2', { hasText: names[0][1] }) });
  assert.deepEqual((await bodyRows(pipes.locator('table.figures').first()))[0], ['Social workers', '40', '35', '14.2%']);
  assert.match(await sentence(pipes), /^Starters (was|were) highest in Social workers \(40\)/);
});

test('the Checks panel names a stated total that is not the sum, with its row and column', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  const panel = page.getByRole('region', { name: 'Checks' });
  assert.equal(await panel.locator('.checks-summary').innerText(), "No problems found in the tables' arithmetic.");
  await paste(page, ['Directorate\tDays lost', "Children's services\t10", 'Adult social care\t20', 'Total\t31'].join('\n'));
  const { section } = await added(page, 'Days lost by directorate');
  // The table prints the total as stated; the Checks panel is where it is questioned.
  const [label, stated] = cells(await (await captioned(section, 'Days lost by directorate')).locator('tfoot tr').innerText());
  assert.equal(label, 'Total');
  assert.match(stated, /^31(\.0)?$/);
  await page.waitForFunction(() => document.querySelector('.checks-summary')?.innerText.includes('1 thing to look at'));
  // Row 4 of the paste is the Total; 10 + 20 = 30, not 31.
  const findings = panel.locator('h3', { hasText: 'Days lost by directorate' }).locator('xpath=following-sibling::ul[1]');
  assert.deepEqual((await findings.locator('li.warning .finding-text').allTextContents()).map((w) => w.trim()), [
    'Check: Row 4 (Total), column Days lost: 31 is stated, but the sum of the rows above is 30 (a difference of 1).',
  ]);
  assert.equal(await panel.locator('li.warning').count(), 1, 'the sample tables still pass');
  // The first draft does not quote a total its rows contradict: it is marked for the officer.
  assert.match(await sentence(section), /with \[Days lost, total: no figure\] in all\.$/);
});

test('cells run together are refused with the row and column named, and the report does not change', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  const report = page.locator('article.report');
  const before = await report.innerText();
  await paste(page, fixture('run-together.txt'));
  const error = page.locator('#paste-error');
  await error.waitFor();
  // "Under 25" and "6.5%" lost the tab between them in row 2.
  const message = await error.innerText();
  assert.match(message, /Row 2, column Age band: the cells seem to have run together \('Under 256\.5%'\), so the columns cannot be told apart\./);
  assert.match(message, /Copy the table from Excel, or paste it with a tab between columns, and try again\./);
  assert.equal(await page.getByLabel('Paste a table').getAttribute('aria-invalid'), 'true');
  assert.match(await page.getByRole('status').first().innerText(), /could not be read; the report has not changed/);
  assert.equal(await report.innerText(), before, 'the report is as it was');
});

test('a recruitment table reaches the report through Add to section, with applications per post', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  const report = page.locator('article.report');
  const before = await report.innerText();
  await paste(page, [
    'Campaign\tPosts advertised\tApplications\tAppointments',
    'Spring 2025\t6\t90\t4',
    'Autumn 2025\t5\t40\t2',
  ].join('\n'));
  await page.getByRole('status').filter({ hasText: 'campaigns are under Cohorts, recruitment and budgets' }).first().waitFor();
  assert.equal(await report.innerText(), before, 'nothing goes into the report until it is asked for');

  const last = await report.locator('h2').count();
  const choice = page.getByLabel(`Add to section ${last}`, { exact: true });
  await choice.selectOption({ label: 'Recruitment campaigns table (applications and appointments per post)' });
  await page.locator('.add-to-section', { has: choice }).getByRole('button', { name: 'Add', exact: true }).click();
  const table = await captioned(report, 'Recruitment campaigns: applications and appointments');
  assert.deepEqual(cells(await table.locator('thead tr').innerText()),
    ['Campaign', 'Posts advertised', 'Applications', 'Appointments', 'Applications per post', 'Appointments per post']);
  // 90 ÷ 6 and 4 ÷ 6; 40 ÷ 5 and 2 ÷ 5; 130 ÷ 11 and 6 ÷ 11 in all.
  assert.deepEqual(await bodyRows(table), [
    ['Spring 2025', '6', '90', '4', '15.0', '0.7'],
    ['Autumn 2025', '5', '40', '2', '8.0', '0.4'],
  ]);
  assert.deepEqual(cells(await table.locator('tfoot tr').innerText()), ['Total', '11', '130', '6', '11.8', '0.5']);
  const section = report.locator('section', { has: page.locator('h2', { hasText: new RegExp(`^${last}\\.\\s`) }) });
  assert.equal(await section.locator('table.figures', { has: page.locator('caption', { hasText: 'Recruitment campaigns' }) }).count(), 1,
    'in the section it was added to');
});

const TRACKER = [
  'No.\tTheme\tRecommendation\tStatus\tUpdate',
  '1\tRecruitment\tRun a rolling social worker recruitment campaign\tAchieved\tCampaign ran from May',
  '2\tRetention\tOffer a retention payment to experienced social workers\tOn track\tAgreed by Cabinet in June',
  '3\tAgency\tCut agency social workers to 15% of staff in post\tSlipped\tAgency rate still above target',
].join('\n');
// Achieved, On track and Slipped, in the report's words.
const TRACKED = [
  ['1', 'Recruitment', 'Run a rolling social worker recruitment campaign', 'Green: achieved', 'Campaign ran from May'],
  ['2', 'Retention', 'Offer a retention payment to experienced social workers', 'Amber: progressing', 'Agreed by Cabinet in June'],
  ['3', 'Agency', 'Cut agency social workers to 15% of staff in post', 'Red: not on track', 'Agency rate still above target'],
];

test('a pasted recommendations tracker goes into the report with a sentence counting its statuses', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  const report = page.locator('article.report');
  // Its new section goes in committee order: after the body's sections, before Financial implications.
  const at = (await report.locator('h2').allInnerTexts()).findIndex((h) => h.endsWith('Financial implications')) + 1;
  await paste(page, TRACKER);
  await page.getByRole('status').filter({ hasText: 'its 3 recommendations are in the report' }).first().waitFor();
  const section = report.locator('section', { has: page.locator('h2', { hasText: new RegExp(`^${at}\\.\\s`) }) });
  assert.equal(await section.locator('h2').innerText(), `${at}. Progress against recommendations`);
  assert.equal(await sentence(section), 'Of the 3 recommendations, 1 has been achieved, 1 is progressing and 1 is not on track.');
  const table = await captioned(section, 'Progress against recommendations');
  assert.deepEqual(await bodyRows(table), TRACKED);
  // And marked in colour beside the words: green, amber, red.
  const marks = await table.locator('tbody td:nth-child(4)')
    .evaluateAll((tds) => tds.map((td) => getComputedStyle(td, '::before').backgroundColor));
  assert.deepEqual(marks, ['rgb(0, 112, 60)', 'rgb(244, 119, 56)', 'rgb(212, 53, 28)']);
});

test('a pasted recommendations tracker fills the tracker table, its statuses in words', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  const report = page.locator('article.report');
  const last = await report.locator('h2').count();
  // An empty tracker block waits for the tracker.
  const choice = page.getByLabel(`Add to section ${last}`, { exact: true });
  await choice.selectOption({ label: 'Recommendations tracker' });
  await page.locator('.add-to-section', { has: choice }).getByRole('button', { name: 'Add', exact: true }).click();
  assert.match(await report.innerText(), /Recommendations tracker: add the recommendations with the block’s Change button, or paste the tracker/);

  await paste(page, TRACKER);
  await page.getByRole('status').filter({ hasText: 'its 3 recommendations fill the tracker' }).first().waitFor();
  assert.match(await page.getByRole('status').first().innerText(), new RegExp(`fill the tracker at paragraph ${last}\\.\\d+`));
  const table = await captioned(report, 'Progress against recommendations');
  assert.deepEqual(cells(await table.locator('thead tr').innerText()), ['No.', 'Theme', 'Recommendation', 'Status', 'Update']);
  assert.deepEqual(await bodyRows(table), TRACKED);
  assert.equal(await report.locator('h2').count(), last, 'filled where it was, not added again in a section of its own');
  assert.equal(await report.locator('table.figures', { has: page.locator('td.status') }).count(), 1);
  assert.doesNotMatch(await report.innerText(), /Recommendations tracker: add the recommendations/);
});
