// Opens the docs pages of a running Portico app in headless Chromium and reports what a person would see,
// as one JSON object on stdout; the Java test (DocsPagesBrowserTest) makes the assertions.
//
//   node docs-pages.mjs <base-url> <screenshot-dir> <try-it-out-operation-dom-id> [<parameter-values-json>]
//
// The try-it-out operation is Swagger UI's DOM id of a GET, "operations-<tag>-<operationId>"; the optional
// JSON object gives values to type into its parameter fields by name, e.g. '{"name":"ada"}'.
//
// Chromium is Debian's (/usr/bin/chromium, or $PORTICO_CHROMIUM): Playwright's own browser download is
// never used. Every request that leaves 127.0.0.1 is aborted and reported, so the pages must work offline.
import { openChromium } from './chromium.mjs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [base, screenshots, tryOperation, parameterJson] = process.argv.slice(2);
const parameters = JSON.parse(parameterJson || '{}');
const TIMEOUT = 30_000;
mkdirSync(screenshots, { recursive: true });

const { context, close } = await openChromium();
const report = { external: [], consoleErrors: [], pageErrors: [], failedRequests: [] };
await context.route('**/*', (route) => {
  const url = new URL(route.request().url());
  if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') {
    return route.continue();
  }
  report.external.push(route.request().url());
  return route.abort();
});

function watch(page, name) {
  page.on('console', (m) => { if (m.type() === 'error') report.consoleErrors.push(`${name}: ${m.text()}`); });
  page.on('pageerror', (e) => report.pageErrors.push(`${name}: ${e.message}`));
  page.on('requestfailed', (r) => report.failedRequests.push(`${name}: ${r.url()} ${r.failure()?.errorText}`));
}

async function swaggerUi() {
  const page = await context.newPage();
  watch(page, 'swagger-ui');
  await page.goto(base + '/api/schema/swagger-ui/', { waitUntil: 'networkidle', timeout: TIMEOUT });
  await page.locator('.opblock').first().waitFor({ timeout: TIMEOUT });
  const result = {
    title: await page.locator('.info .title').first().innerText(),
    operations: await page.locator('.opblock-summary').evaluateAll((blocks) => blocks.map((b) => ({
      id: b.closest('.opblock')?.id,
      method: b.querySelector('.opblock-summary-method')?.textContent.trim(),
      path: b.querySelector('.opblock-summary-path')?.getAttribute('data-path'),
      summary: b.querySelector('.opblock-summary-description')?.textContent.trim(),
    }))),
  };
  await page.screenshot({ path: join(screenshots, 'swagger-ui.png'), fullPage: true });

  const operation = page.locator('#' + tryOperation);
  await operation.locator('.opblock-summary').first().click();
  await operation.locator('button.try-out__btn').click();
  for (const [name, value] of Object.entries(parameters)) {
    await operation.locator(`tr[data-param-name="${name}"] input`).fill(value);
  }
  await operation.locator('button.execute').click();
  const status = operation.locator('.live-responses-table .response .response-col_status').first();
  await status.waitFor({ timeout: TIMEOUT });
  result.tryItOut = {
    status: (await status.innerText()).trim(),
    body: (await operation.locator('.live-responses-table .response-col_description pre').first().innerText()).trim(),
  };
  await operation.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(screenshots, 'swagger-ui-try-it-out.png'), fullPage: true });
  await page.close();
  return result;
}

async function redoc() {
  const page = await context.newPage();
  watch(page, 'redoc');
  await page.goto(base + '/api/schema/redoc/', { waitUntil: 'networkidle', timeout: TIMEOUT });
  await page.locator('.menu-content').first().waitFor({ timeout: TIMEOUT });
  await page.locator('h2').first().waitFor({ timeout: TIMEOUT });
  const result = {
    title: await page.locator('h1').first().innerText(),
    menu: await page.locator('.menu-content li[role=menuitem] label').evaluateAll((items) => items.map((i) => {
      const method = i.querySelector('.operation-type')?.textContent.trim() ?? '';
      return (method ? method.toUpperCase() + ' ' : '') + i.textContent.trim().slice(method.length);
    })),
    operations: await page.locator('h2').evaluateAll((hs) => hs.map((h) => h.textContent.trim())),
    text: await page.locator('body').innerText(),
  };
  // the whole page, every operation in it, and the menu with every tag opened
  for (const tag of await page.locator('.menu-content li[data-item-id^="tag/"] > label').all()) {
    await tag.click();
  }
  await page.screenshot({ path: join(screenshots, 'redoc.png'), fullPage: true });
  await page.close();
  return result;
}

try {
  report.swaggerUi = await swaggerUi();
  report.redoc = await redoc();
} catch (e) {
  report.error = String(e?.stack || e);
} finally {
  await close();
}
process.stdout.write(JSON.stringify(report) + '\n');
