// Swagger UI's "Authorize" dialog, scheme after scheme: runs "Try it out" of a protected operation once without
// credentials, then once per credential entered in the dialog (logging the previous one out first), and reports each
// answer and the Authorization header the page sent as one JSON object on stdout; the Java test
// (SwaggerUiAuthorizeBrowserTest) makes the assertions.
//
//   node swagger-ui-authorize.mjs <base-url> <screenshot-dir> <operation-dom-id> <request-path> <credentials-json>
//
// <credentials-json>: [{"scheme": "jwtAuth", "token": "..."}, {"scheme": "basicAuth", "username": "...",
// "password": "..."}, {"scheme": "apiKeyAuth", "value": "Api-Key ..."}], by the security scheme names of the document.
import { openChromium } from './chromium.mjs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [base, screenshots, operationId, requestPath, credentialsJson] = process.argv.slice(2);
const credentials = JSON.parse(credentialsJson);
const TIMEOUT = 30_000;
mkdirSync(screenshots, { recursive: true });
const { context, close } = await openChromium();
const report = { pageErrors: [], runs: [] };
let sent = null; // the Authorization header of the last call of the operation
try {
  const page = await context.newPage();
  page.on('pageerror', (e) => report.pageErrors.push(e.message));
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === requestPath) {
      sent = r.headers()['authorization'] || null;
    }
  });
  await page.goto(base + '/api/schema/swagger-ui/', { waitUntil: 'networkidle', timeout: TIMEOUT });
  const operation = page.locator('#' + operationId);
  await operation.waitFor({ timeout: TIMEOUT });
  await operation.locator('.opblock-summary').first().click();
  await operation.locator('button.try-out__btn').click();

  const execute = async (scheme) => {
    sent = null;
    const clear = operation.locator('button.btn-clear');
    if (await clear.count() > 0) {
      await clear.first().click();
    }
    await operation.locator('button.execute').click();
    const status = operation.locator('.live-responses-table .response .response-col_status').first();
    await status.waitFor({ timeout: TIMEOUT });
    report.runs.push({ scheme, status: (await status.innerText()).trim(), authorization: sent });
  };
  const dialog = async (action) => {
    await page.locator('.auth-wrapper button.authorize').first().click();
    const modal = page.locator('.dialog-ux .modal-ux');
    await modal.waitFor({ timeout: TIMEOUT });
    await action(modal);
    await modal.locator('button.btn-done').first().click();
  };

  await execute('none');
  for (const credential of credentials) {
    await dialog(async (modal) => {
      const container = modal.locator('.auth-container').filter({ hasText: credential.scheme });
      if (credential.token !== undefined) {
        await container.locator('input[aria-label="auth-bearer-value"]').fill(credential.token);
      } else if (credential.username !== undefined) {
        await container.locator('input[aria-label="auth-basic-username"]').fill(credential.username);
        await container.locator('input[aria-label="auth-basic-password"]').fill(credential.password);
      } else {
        await container.locator('input').first().fill(credential.value);
      }
      await container.locator('button[type="submit"]').click();
      await container.locator('button', { hasText: 'Logout' }).waitFor({ timeout: TIMEOUT });
    });
    await execute(credential.scheme);
    await page.screenshot({ path: join(screenshots, 'swagger-ui-authorize-' + credential.scheme + '.png') });
    await dialog(async (modal) => {
      await modal.locator('.auth-container').filter({ hasText: credential.scheme })
        .locator('button', { hasText: 'Logout' }).click();
    });
  }
} catch (e) {
  report.error = String(e && e.stack || e);
  for (const page of context.pages()) {
    await page.screenshot({ path: join(screenshots, 'swagger-ui-authorize-failed.png') }).catch(() => {});
  }
} finally {
  await close();
}
console.log(JSON.stringify(report));
