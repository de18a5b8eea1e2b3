// Drives the example's employees page (EmployeesPage, seed 000's demo on the generated typescript-fetch client) in
// headless Chromium as a person would: sign in, create an employee whose name holds markup, edit its salary, delete
// it; and checks that an unsafe call without the X-CSRFToken header is refused. Prints one JSON report; the Java
// test (EmployeesPageBrowserTest) asserts on it.
//
//   node employees-page.mjs <base-url> <username> <password>
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, username, password] = process.argv.slice(2);
const TIMEOUT = 30_000;
const NAME = 'Ada <img src=x onerror="window.__injected=1">';
const report = { consoleErrors: [], pageErrors: [], external: [] };
const profile = mkdtempSync(join(tmpdir(), 'portico-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.PORTICO_CHROMIUM || '/usr/bin/chromium', headless: true, chromiumSandbox: false,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
});
try {
  await context.route('**/*', (route) => {
    if (new URL(route.request().url()).hostname === '127.0.0.1') {
      return route.continue();
    }
    report.external.push(route.request().url());
    return route.abort();
  });
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('console', (m) => m.type() === 'error' && report.consoleErrors.push(m.text()));
  page.on('pageerror', (e) => report.pageErrors.push(String(e)));
  const rows = () => page.$$eval('#employees tbody tr', (trs) => trs.map((tr) =>
    [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent)));

  await page.goto(base + '/employees/');
  report.anonymous = await page.waitForFunction(() => /^\d{3}: /.test(document.getElementById('status').textContent))
    .then(() => page.textContent('#status'));
  await page.fill('#sign-in [name=username]', username);
  await page.fill('#sign-in [name=password]', password);
  await page.click('#sign-in button');
  await page.waitForFunction(() => document.getElementById('status').textContent === '0 employees');

  await page.fill('#employee [name=name]', NAME);
  await page.fill('#employee [name=department]', 'R&D');
  await page.fill('#employee [name=salary]', '5000');
  await page.fill('#employee [name=hire_date]', '2024-01-02');
  await page.click('#employee button');
  await page.waitForFunction(() => document.getElementById('status').textContent === '1 employees');
  report.created = await rows();

  await page.click('#employees tbody tr button.edit');
  await page.fill('#employee [name=salary]', '6000.5');
  await page.click('#employee button');
  await page.waitForFunction(() => document.querySelector('#employees tbody td:nth-child(3)')?.textContent === '6000.5');
  report.edited = await rows();

  report.withoutCsrf = await page.evaluate(async () => (await fetch('/api/employees/', { method: 'POST',
    headers: { 'Content-Type': 'application/json' }, credentials: 'same-origin',
    body: JSON.stringify({ name: 'x', department: 'y', salary: 1, hire_date: '2024-01-01' }) })).status);

  await page.click('#employees tbody tr button.delete');
  await page.waitForFunction(() => document.getElementById('status').textContent === '0 employees');
  report.deleted = await rows();
  report.injected = await page.evaluate(() => window.__injected === 1);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(report));
