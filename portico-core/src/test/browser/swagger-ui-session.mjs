// Signs in with a session as a browser does (GET /auth/csrf/, then POST /auth/login/ with the X-CSRFToken header),
// opens Swagger UI, and runs "Try it out" of an unsafe operation with a JSON body, reporting the answer as one JSON
// object on stdout; the Java test (SwaggerUiSessionBrowserTest) makes the assertions.
//
//   node swagger-ui-session.mjs <base-url> <screenshot-dir> <username> <password> <operation-dom-id> <body-json>
//
// The page must add the CSRF token to the POST itself (its requestInterceptor): nothing here sets it for Swagger UI.
import { openChromium } from './chromium.mjs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [base, screenshots, username, password, operationId, body] = process.argv.slice(2);
const TIMEOUT = 30_000;
mkdirSync(screenshots, { recursive: true });
const { context, close } = await openChromium();
const report = { pageErrors: [], requests: [] };
try {
  const page = await context.newPage();
  page.on('pageerror', (e) => report.pageErrors.push(e.message));
  page.on('request', (r) => {
    if (r.method() !== 'GET') {
      report.requests.push({ method: r.method(), url: new URL(r.url()).pathname, csrf: r.headers()['x-csrftoken'] || null });
    }
  });
  await page.goto(base + '/auth/csrf/');
  report.login = await page.evaluate(async ([user, pass]) => {
    const token = document.cookie.split('; ').find((c) => c.startsWith('csrftoken='))?.substring(10);
    const answer = await fetch('/auth/login/', { method: 'POST', headers: { 'Content-Type': 'application/json',
      'X-CSRFToken': token }, body: JSON.stringify({ username: user, password: pass }) });
    return answer.status;
  }, [username, password]);

  await page.goto(base + '/api/schema/swagger-ui/', { waitUntil: 'networkidle', timeout: TIMEOUT });
  const operation = page.locator('#' + operationId);
  await operation.waitFor({ timeout: TIMEOUT });
  await operation.locator('.opblock-summary').first().click();
  await operation.locator('button.try-out__btn').click();
  await operation.locator('textarea.body-param__text').fill(body);
  await operation.locator('button.execute').click();
  const status = operation.locator('.live-responses-table .response .response-col_status').first();
  await status.waitFor({ timeout: TIMEOUT });
  report.tryItOut = {
    status: (await status.innerText()).trim(),
    body: (await operation.locator('.live-responses-table .response-col_description pre').first().innerText()).trim(),
  };
  await operation.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(screenshots, 'swagger-ui-session-post.png'), fullPage: true });
} catch (e) {
  report.error = String(e && e.stack || e);
} finally {
  await close();
}
console.log(JSON.stringify(report));
