// End to end: the release build in Debian's Chromium, driven by playwright-core.
// Every test also fails on a console error, an uncaught exception, or any request that leaves
// the page's origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openSample as open, totalRow as total, useBrowser } from './harness.mjs';

const ctx = useBrowser();
const openSample = () => open(ctx.page, ctx.server.url);
const totalRow = async () => (await total(ctx.page)).join('\t');

const PASTED = [
  'Role\tEstablishment\tPermanent\tAgency\tVacant\t(Over)/under',
  'Social Worker\t20.00\t14.00\t4.00\t6.00\t2.00',
  'Senior Social Worker\t8.50\t8.00\t1.50\t0.50\t(1.00)',
  'Team Manager\t4.00\t3.00\t0.00\t1.00\t1.00',
].join('\n');

test('opens on the sample report with its table, sentence and chart', async () => {
  const { page } = ctx;
  await openSample();
  const report = page.locator('article.report');
  assert.equal(await report.locator('h1').innerText(), "Children's social care workforce update");
  const titleBlock = await report.locator('.title-block').innerText();
  for (const part of ['Northshire County Council', 'Committee', 'Meeting date', 'Report by', 'Classification', 'Key decision', 'Wards affected', 'Contact officer']) {
    assert.ok(titleBlock.includes(part), `title block has ${part}`);
  }
  assert.equal(await report.locator('h2').first().innerText(), '1. Purpose of the report');
  assert.match(await report.innerText(), /In 2025\/26, the establishment is 87\.2 FTE posts\. Permanent staff fill 59\.8 FTE and agency workers 24 FTE\. There are 27\.4 FTE vacant posts, a vacancy rate of 31\.4%/);
  assert.deepEqual((await totalRow()).split('\t').map((s) => s.trim()),
    ['Total', '87.19', '59.79', '24.00', '27.40', '3.40', '31.4%', '28.6%']);

  const chart = report.locator('svg.chart[role="img"]').first();
  assert.ok(await chart.isVisible(), 'the chart is drawn');
  const name = await chart.evaluate((svg) => svg.getAttribute('aria-labelledby').split(' ')
    .map((id) => document.getElementById(id).textContent).join(' | '));
  assert.match(name, /^Social Worker has the most agency workers and uncovered vacancies/);
  assert.match(name, /Social Worker: establishment 42\.69, permanent 27\.69, agency 16\.00/);
  const box = await chart.boundingBox();
  assert.ok(box.width > 400 && box.height > 200, `chart has a real size: ${JSON.stringify(box)}`);
});

test('pasting a table copied from Excel updates the figures at once', async () => {
  const { page } = ctx;
  await openSample();
  await page.evaluate((text) => navigator.clipboard.writeText(text), PASTED);
  await page.getByLabel('Paste a table').focus();
  await page.keyboard.press('Control+V');

  await page.waitForFunction(() => document.querySelector('article.report tfoot')?.innerText.includes('32.50'));
  assert.deepEqual((await totalRow()).split('\t').map((s) => s.trim()),
    ['Total', '32.50', '25.00', '5.50', '7.50', '2.00', '23.1%', '18.0%']);
  // The sample's other periods and benchmarks were about the fictional council: they go with it.
  assert.match(await page.locator('article.report').innerText(), /Two-period comparison table: the report has only one period's establishment table\./);
  assert.doesNotMatch(await page.locator('article.report').innerText(), /Northshire's vacancy rate|compared with England/);
  const senior = await page.locator('article.report tbody tr', { hasText: 'Senior Social Worker' }).first().innerText();
  assert.ok(senior.includes('(1.00)'), `over establishment in brackets: ${senior}`);
  assert.match(await page.getByRole('status').first().innerText(), /Report updated from the pasted table: 3 roles/);
  assert.ok(await page.locator('svg.chart').first().isVisible(), 'the chart is redrawn');
  assert.match(await page.locator('svg.chart title').first().textContent(), /Social Worker has the most agency workers and uncovered vacancies \(6 FTE\)/);

  await page.getByRole('button', { name: 'Use the sample again' }).click();
  await page.waitForFunction(() => document.querySelector('article.report tfoot')?.innerText.includes('87.19'));
  assert.equal(await page.getByLabel('Paste a table').inputValue(), PASTED, 'the pasted text is not thrown away');
});

test('an unreadable paste says what was expected and keeps the previous report', async () => {
  const { page } = ctx;
  await openSample();
  const before = await page.locator('article.report').innerHTML();
  await page.getByLabel('Paste a table').fill('Notes for the meeting\nthe figures follow next week');

  const message = page.locator('#paste-error');
  await message.waitFor();
  const text = await message.innerText();
  assert.match(text, /could not be read, so the report has not changed/);
  assert.match(text, /No row of column headings was found above the figures\. Expected a row of headings \(for example: Role, Establishment, Permanent, Agency, Vacant/);
  assert.equal(await page.locator('article.report').innerHTML(), before, 'the report is untouched');
  assert.equal(await page.getByLabel('Paste a table').getAttribute('aria-invalid'), 'true');

  await page.getByLabel('Paste a table').fill('Role\tEstablishment\tAgency\nSocial Worker\t10\ttwo');
  await page.waitForFunction(() => document.querySelector('#paste-error')?.innerText.includes("Row 2, column Agency: 'two' is not a number."));
  assert.equal(await page.locator('article.report').innerHTML(), before);
});

test('printing prints the report only, on A4', async () => {
  const { page } = ctx;
  await openSample();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.app-controls').isVisible(), false, 'controls are hidden');
  assert.equal(await page.locator('.app-chrome').isVisible(), false, 'the app header is hidden');
  assert.ok(await page.locator('article.report').isVisible());
  assert.ok(await page.locator('svg.chart').first().isVisible());

  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  const [, width, height] = pdf.match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/);
  // A4 is 595.28 × 841.89 points.
  assert.ok(Math.abs(width - 595.28) < 2 && Math.abs(height - 841.89) < 2, `A4 page, got ${width} × ${height}`);
});

test('the Content-Security-Policy blocks every other origin', async () => {
  const { page } = ctx;
  await openSample();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(policy, /default-src 'self'/);
  assert.match(policy, /connect-src 'self'/);
  assert.match(policy, /worker-src 'self' blob:;/, 'workers only from this page: its own file or its own blob');
  assert.doesNotMatch(policy, /unsafe-inline/);
  // No eval beyond what compiling WebAssembly needs.
  assert.doesNotMatch(policy, /'unsafe-eval'/);
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.match(policy, /object-src 'none'/);
  const inlineScripts = await page.locator('script:not([src])').count();
  assert.equal(inlineScripts, 0, 'no inline script, so none needs allowing');

  // The browser itself refuses a connection elsewhere: the policy is in force, not just written.
  // Chromium logs that refusal as a console error; it is the one error this test expects.
  ctx.expected.push(/example\.org/);
  const outcome = await page.evaluate(async () => {
    const violation = new Promise((done) => document.addEventListener('securitypolicyviolation',
      (event) => done(event.violatedDirective), { once: true }));
    const fetched = await fetch('https://example.org/').then(() => 'sent', () => 'blocked');
    return { fetched, directive: await violation };
  });
  assert.deepEqual(outcome, { fetched: 'blocked', directive: 'connect-src' });
});

test("the service worker runs under the page's policy: it cannot reach another origin either", async () => {
  const { page, context } = ctx;
  const started = context.waitForEvent('serviceworker');
  await openSample();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  // A service worker takes its policy from its own response: the build asks the server to
  // send the page's (`_headers`; Trunk.toml for `trunk serve`).
  const sw = await page.request.get(new URL('/sw.js', ctx.server.url).href);
  assert.equal(sw.headers()['content-security-policy'], policy, 'sw.js comes with the page\'s policy');
  const trunk = readFileSync(new URL('../../Trunk.toml', import.meta.url), 'utf8');
  assert.equal(trunk.match(/^"Content-Security-Policy" = "([^"]+)"$/m)?.[1], policy, '`trunk serve` sends the same policy');
  const worker = context.serviceWorkers()[0] ?? await started;
  ctx.expected.push(/example\.org/);
  const outcome = await worker.evaluate(async () => {
    const violation = new Promise((done) => self.addEventListener('securitypolicyviolation',
      (event) => done(event.violatedDirective), { once: true }));
    const fetched = await fetch('https://example.org/').then(() => 'sent', () => 'blocked');
    return { fetched, directive: await violation };
  });
  assert.deepEqual(outcome, { fetched: 'blocked', directive: 'connect-src' });
});

test('report details are edited in place, and undone and redone from the keyboard', async () => {
  const { page } = ctx;
  await openSample(page, ctx.server.url);
  const committee = () => page.locator('article.report .title-block dd').first().innerText();
  assert.equal(await committee(), 'Children and Young People Scrutiny Panel');

  await page.getByText('Report details').click();
  await page.getByLabel('Committee', { exact: true }).fill('Cabinet');
  await page.waitForFunction(() => document.querySelector('article.report .title-block dd')?.innerText === 'Cabinet');
  await page.getByLabel('Classification').selectOption('Exempt');
  await page.waitForFunction(() => document.querySelector('article.report .title-block')?.innerText.includes('Exempt'));

  // Outside a text field, Ctrl+Z undoes report edits one at a time; Ctrl+Y redoes them.
  await page.locator('article.report h1').click();
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => !document.querySelector('article.report .title-block')?.innerText.includes('Exempt'));
  assert.equal(await committee(), 'Cabinet');
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelector('article.report .title-block dd')?.innerText !== 'Cabinet');
  assert.equal(await committee(), 'Children and Young People Scrutiny Panel');
  assert.equal(await page.getByLabel('Committee', { exact: true }).inputValue(), 'Children and Young People Scrutiny Panel', 'the form follows');
  await page.keyboard.press('Control+y');
  await page.waitForFunction(() => document.querySelector('article.report .title-block dd')?.innerText === 'Cabinet');

  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction(() => document.querySelector('article.report .title-block dd')?.innerText !== 'Cabinet');
  assert.equal(await page.getByRole('button', { name: 'Undo' }).isDisabled(), true, 'nothing left to undo');
});
