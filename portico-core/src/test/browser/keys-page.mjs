// Drives the API keys page of portico-auth (dev.portico.auth.web.KeysPages) in headless Chromium as a person
// would, and reports what it saw as one JSON object on stdout; the Java tests make the assertions. Everything
// about the app is an argument, so one script serves both: portico-auth's KeysPagesBrowserTest (a small test app,
// <api-path> /api/whoami/) and examples/blog's KeysPageBrowserTest (the real example, /api/employees/).
//
//   node keys-page.mjs <base-url> <pages-prefix> <screenshot-dir> <username> <password> <api-path>
//
// With JavaScript on: sign in, create a key with a name holding markup, read the secret shown once, copy it with
// the copy button, call <api-path> with it from this script (not the page) → expect 200, revoke it on the page,
// call again → expect 401. Then with JavaScript off: sign in and create a key with the plain forms alone.
// Chromium is Debian's (/usr/bin/chromium, or $PORTICO_CHROMIUM); every request leaving 127.0.0.1 is aborted.
import { openChromium } from './chromium.mjs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [base, prefix, screenshots, username, password, apiPath] = process.argv.slice(2);
const TIMEOUT = 30_000;
const KEY_NAME = 'ci <script>window.__injected = 1</script>';
mkdirSync(screenshots, { recursive: true });
const report = { external: [], consoleErrors: [], pageErrors: [], failedRequests: [], navigations: [] };

async function open(javaScriptEnabled) {
  const { context, close } = await openChromium({ javaScriptEnabled });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:') {
      return route.continue();
    }
    report.external.push(route.request().url());
    return route.abort();
  });
  const name = javaScriptEnabled ? 'js' : 'no-js';
  const page = context.pages()[0] ?? await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') report.consoleErrors.push(`${name}: ${m.text()}`); });
  page.on('pageerror', (e) => report.pageErrors.push(`${name}: ${e.message}`));
  page.on('requestfailed', (r) => report.failedRequests.push(`${name}: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.request().isNavigationRequest() && r.request().frame() === page.mainFrame()) {
      const url = new URL(r.url());
      report.navigations.push(`${name}: ${r.request().method()} ${url.pathname}${url.search} ${r.status()}`);
    }
  });
  return { context, page, close };
}

/** Our own call to the API, as a client program would make it, with the key or without. */
async function callApi(credential) {
  const headers = credential ? { Authorization: `Api-Key ${credential}` } : {};
  const response = await fetch(base + apiPath, { headers });
  return { status: response.status, body: await response.text() };
}

async function signIn(page) {
  await page.goto(base + prefix, { waitUntil: 'load', timeout: TIMEOUT });
  const form = { title: await page.title(), hasForm: await page.locator('form[action$="login/"]').count() === 1 };
  await page.fill('#username', username);
  await page.fill('#password', password);
  // the page's URL does not change (the POST is answered 303 to the same page), so wait for the POST itself
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'
      && new URL(r.url()).pathname === prefix + 'login/', { timeout: TIMEOUT }), page.click('button[type=submit]')]);
  form.signedInAs = (await page.locator('.who strong').innerText()).trim();
  return form;
}

async function createKey(page, name) {
  await page.fill('#name', name);
  await Promise.all([page.waitForURL(base + prefix + 'create/', { timeout: TIMEOUT }),
    page.click('form[action$="create/"] button[type=submit]')]);
  const row = page.locator('tbody tr').last();
  return {
    credential: await page.inputValue('#new-key'),
    heading: (await page.locator('#created-title').innerText()).trim(),
    rowName: (await row.locator('td.name').innerText()).trim(),
    copyButtonVisible: await page.locator('button[data-copy]').isVisible(),
  };
}

async function revokeKey(page, keyId) {
  await Promise.all([page.waitForURL((url) => url.searchParams.get('revoked') === keyId, { timeout: TIMEOUT }),
    page.click(`tr[data-key-id="${keyId}"] button`)]);
  return {
    notice: (await page.locator('.notice').innerText()).trim(),
    status: (await page.locator(`tr[data-key-id="${keyId}"] td.status`).innerText()).trim(),
    revokeButtons: await page.locator(`tr[data-key-id="${keyId}"] button`).count(),
  };
}

async function withJavaScript() {
  const { context, page, close } = await open(true);
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const result = { signIn: null };
    await page.goto(base + prefix, { waitUntil: 'load', timeout: TIMEOUT });
    await page.screenshot({ path: join(screenshots, 'keys-sign-in.png'), fullPage: true });
    result.signIn = await signIn(page);
    await page.screenshot({ path: join(screenshots, 'keys-empty.png'), fullPage: true });

    const created = await createKey(page, KEY_NAME);
    created.injected = await page.evaluate(() => window.__injected ?? null);
    created.inlineScripts = await page.evaluate(() => [...document.scripts].filter((s) => !s.src).length);
    await page.click('button[data-copy]');
    await page.locator('.copy-status').filter({ hasText: 'clipboard' }).waitFor({ timeout: TIMEOUT });
    created.copyStatus = (await page.locator('.copy-status').innerText()).trim();
    created.copyButton = (await page.locator('button[data-copy]').innerText()).trim();
    created.clipboard = await page.evaluate(() => navigator.clipboard.readText());
    await page.screenshot({ path: join(screenshots, 'keys-created.png'), fullPage: true });
    result.created = created;

    const credential = created.credential;
    const keyId = credential.slice(0, credential.indexOf(':'));
    const secret = credential.slice(credential.indexOf(':') + 1);
    result.keyId = keyId;
    result.apiWithKey = await callApi(credential);
    result.apiWithoutKey = await callApi(null);

    await page.goto(base + prefix, { waitUntil: 'load', timeout: TIMEOUT });
    result.listShowsSecret = (await page.content()).includes(secret);
    result.listRow = (await page.locator(`tr[data-key-id="${keyId}"]`).innerText()).replace(/\s+/g, ' ').trim();
    await page.screenshot({ path: join(screenshots, 'keys-list.png'), fullPage: true });

    result.revoked = await revokeKey(page, keyId);
    result.revokedPageShowsSecret = (await page.content()).includes(secret);
    await page.screenshot({ path: join(screenshots, 'keys-revoked.png'), fullPage: true });
    result.apiAfterRevoke = await callApi(credential);
    return result;
  } finally {
    await close();
  }
}

async function withoutJavaScript() {
  const { page, close } = await open(false);
  try {
    const result = { signIn: await signIn(page) };
    const created = await createKey(page, 'no-js');
    result.created = created;
    await page.screenshot({ path: join(screenshots, 'keys-created-no-js.png'), fullPage: true });
    const keyId = created.credential.slice(0, created.credential.indexOf(':'));
    result.apiWithKey = (await callApi(created.credential)).status;
    await page.goto(base + prefix, { waitUntil: 'load', timeout: TIMEOUT });
    result.revoked = await revokeKey(page, keyId);
    result.apiAfterRevoke = (await callApi(created.credential)).status;
    return result;
  } finally {
    await close();
  }
}

try {
  report.js = await withJavaScript();
  report.noJs = await withoutJavaScript();
} catch (e) {
  report.error = String(e?.stack || e);
}
process.stdout.write(JSON.stringify(report) + '\n');
