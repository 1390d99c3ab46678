import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
import { appStarted } from './harness.mjs';
const server = await serve('/work/main/dist/');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking'] });
for (const fmt of ['csv','xlsx']) {
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const t0 = {};
page.on('console', m => { const t = m.text(); if (/^[TWC] /.test(t)) console.log(fmt, t.split(' ')[0], t.split(' ')[1], Number(t.split(' ')[2]) - t0.v); });
await page.goto(server.url); await appStarted(page);
t0.v = await page.evaluate(() => Date.now());
await page.getByLabel('Upload a file').setInputFiles(`/work/main/target/bench-page/data/staff-200000.${fmt}`);
await page.waitForFunction(() => (document.querySelector('section.staff-panel')?.innerText ?? '').includes('200,000'), null, { timeout: 300000, polling: 50 });
console.log(fmt, 'shown', (await page.evaluate(() => Date.now())) - t0.v);
await page.waitForTimeout(2000);
await page.close();
}
await browser.close(); await server.close();
