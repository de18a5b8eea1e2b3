// Drives the browsable API (portico-auth's BrowsableApi) of an app in headless Chromium as a person would, checks
// every page with axe-core, and reports what it saw as one JSON object on stdout; the Java test makes the assertions.
//
//   node browsable-api.mjs <base-url> <list-path> <screenshot-dir> <username> <password>
//
// Opens <list-path> anonymously (401 page), logs in through its "Log in" link, submits the POST form with an empty
// title (400: the error beside the field), then a good one (201), follows the Location link to the new resource,
// replaces it with the PUT form (fetch, the CSRF header), sends the PUT form again with an empty title (the error
// beside the field), patches it through the raw data form, deletes it (a confirmation, dismissed once), and finally
// opens a page of another origin (a second port
// of 127.0.0.1: same site, so the session cookie goes along) whose form posts to <list-path> without the token.
// Chromium is Debian's (/usr/bin/chromium, or $PORTICO_CHROMIUM); every request leaving 127.0.0.1 is aborted.
import { openChromium } from './chromium.mjs';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [base, listPath, screenshots, username, password] = process.argv.slice(2);
const TIMEOUT = 30_000;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
mkdirSync(screenshots, { recursive: true });
const report = { external: [], consoleErrors: [], pageErrors: [], failedRequests: [], navigations: [], axe: {} };

/** axe-core's violations of the page, serious and critical ones by rule, with the nodes they were found on. */
async function axe(page, name) {
  const result = await page.evaluate(`${AXE}\n;axe.run(document, { resultTypes: ['violations'] })`);
  report.axe[name] = result.violations.map((v) => ({ id: v.id, impact: v.impact,
    nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  await page.screenshot({ path: join(screenshots, `browsable-${name}.png`), fullPage: true });
}

async function submit(page, selector) {
  const [response] = await Promise.all([page.waitForNavigation({ timeout: TIMEOUT }), page.click(selector)]);
  return response;
}

async function forgedSite() {
  const target = base + listPath;
  const html = `<!doctype html><html lang="en"><title>Win a prize</title><body>
    <form id="f" method="post" action="${target}"><input name="title" value="forged"><input name="content" value="x">
    </form><script>document.getElementById('f').submit()</script></body></html>`;
  const server = createServer((req, res) => { res.setHeader('Content-Type', 'text/html'); res.end(html); });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

/** A method's answer to what `click` sends through the page's script (fetch, not a navigation). */
async function sent(page, method, click) {
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === method,
    { timeout: TIMEOUT }), click()]);
  return response;
}

const statusOf = async (page, url) => (await page.request.get(base + url, { headers: { Accept: 'application/json' } }))
  .status();

/**
 * The item's other forms, through the page's own script: a PUT with an empty title (the error beside the field, in
 * the PUT form), a PATCH through the raw data form, then DELETE, dismissed once and then confirmed.
 */
async function putErrorPatchAndDelete(page, itemUrl) {
  await page.fill('#form-put-title', '');
  const bad = await sent(page, 'PUT', () => page.click('#form-put button[type=submit]'));
  await page.waitForSelector('#form-put-title-errors', { timeout: TIMEOUT });
  report.putInvalid = { status: bad.status(), fieldError: (await page.innerText('#form-put-title-errors')).trim(),
    describedBy: await page.getAttribute('#form-put-title', 'aria-describedby'),
    content: await page.inputValue('#form-put-content') };
  await axe(page, 'put-error');

  await page.selectOption('#raw-method', 'PATCH');
  await page.selectOption('#raw-type', 'application/json');
  await page.fill('#raw-content', '{"title": "Patched through the raw form"}');
  const patch = await sent(page, 'PATCH', () => page.click('form[data-raw] button[type=submit]'));
  await page.waitForSelector('pre.json', { timeout: TIMEOUT });
  report.patched = { status: patch.status(), csrf: patch.request().headers()['x-csrftoken'] || '',
    type: patch.request().headers()['content-type'], body: await page.innerText('pre.json') };
  await axe(page, 'patched');

  page.once('dialog', (dialog) => dialog.dismiss());
  await page.click('button[data-method=DELETE]');
  await page.waitForTimeout(500);
  report.deleteDismissed = { status: await statusOf(page, itemUrl), url: new URL(page.url()).pathname };
  page.once('dialog', (dialog) => { report.deleteQuestion = dialog.message(); dialog.accept(); });
  const del = await sent(page, 'DELETE', () => page.click('button[data-method=DELETE]'));
  await page.waitForURL((url) => url.pathname === listPath, { timeout: TIMEOUT });
  report.deleted = { status: del.status(), csrf: del.request().headers()['x-csrftoken'] || '',
    url: new URL(page.url()).pathname, after: await statusOf(page, itemUrl) };
}

async function run(page) {
  let response = await page.goto(base + listPath, { waitUntil: 'load', timeout: TIMEOUT });
  report.anonymous = { status: response.status(), title: await page.title(),
    loginLink: await page.locator('a', { hasText: 'Log in' }).getAttribute('href') };
  await axe(page, 'anonymous');

  await Promise.all([page.waitForNavigation({ timeout: TIMEOUT }), page.click('a:has-text("Log in")')]);
  await axe(page, 'login');
  await page.fill('#username', username);
  await page.fill('#password', password);
  response = await submit(page, 'form button[type=submit]');
  report.loggedIn = { status: response.status(), url: new URL(page.url()).pathname,
    who: (await page.locator('.who strong').innerText()).trim() };
  await axe(page, 'list');

  await page.fill('#form-post-title', '');
  await page.fill('#form-post-content', 'Written in the browsable API.');
  response = await submit(page, '#form-post button[type=submit]');
  const field = page.locator('#form-post-title').locator('xpath=ancestor::div[contains(@class,"field")]');
  report.invalid = { status: response.status(), fieldError: (await field.locator('.error-list').innerText()).trim(),
    describedBy: await page.locator('#form-post-title').getAttribute('aria-describedby'),
    content: await page.inputValue('#form-post-content') };
  await axe(page, 'error');

  await page.fill('#form-post-title', 'From the browser');
  response = await submit(page, '#form-post button[type=submit]');
  report.created = { status: response.status(), location: await page.locator('.headers a').first().getAttribute('href') };
  await axe(page, 'created');

  response = await submit(page, '.headers a');
  report.item = { status: response.status(), url: new URL(page.url()).pathname,
    title: await page.inputValue('#form-put-title'), body: await page.locator('pre.json').innerText() };
  await axe(page, 'item');

  await page.fill('#form-put-title', 'Replaced in the browser');
  const [put] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'PUT', { timeout: TIMEOUT }),
    page.click('#form-put button[type=submit]')]);
  await page.waitForSelector('pre.json', { timeout: TIMEOUT });
  report.replaced = { status: put.status(), body: await page.locator('pre.json').innerText(),
    csrf: put.request().headers()['x-csrftoken'] || '' };
  await putErrorPatchAndDelete(page, report.item.url);

  const forged = await forgedSite();
  try {
    const [post] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST', { timeout: TIMEOUT }),
      page.goto(forged.url)]);
    await page.waitForLoadState('load');
    report.forged = { status: post.status(), page: await page.locator('pre.json').innerText() };
    await axe(page, 'forged');
  } finally {
    forged.close();
  }
  const check = await page.request.get(base + listPath + '?search=forged', { headers: { Accept: 'application/json' } });
  report.forgedCount = (await check.json()).count;
}

const { context, close } = await openChromium();
await context.route('**/*', (route) => {
  const url = new URL(route.request().url());
  if (url.hostname === '127.0.0.1' || url.protocol === 'data:') {
    return route.continue();
  }
  report.external.push(route.request().url());
  return route.abort();
});
const page = context.pages()[0] ?? await context.newPage();
page.on('console', (m) => { if (m.type() === 'error') report.consoleErrors.push(`${page.url()}: ${m.text()}`); });
page.on('pageerror', (e) => report.pageErrors.push(e.message));
page.on('requestfailed', (r) => report.failedRequests.push(`${r.url()} ${r.failure()?.errorText}`));
page.on('response', (r) => {
  if (r.request().isNavigationRequest() && r.request().frame() === page.mainFrame()) {
    const url = new URL(r.url());
    report.navigations.push(`${r.request().method()} ${url.pathname}${url.search} ${r.status()}`);
  }
});
try {
  await run(page);
} catch (e) {
  report.error = String(e.stack || e);
} finally {
  await close();
}
process.stdout.write(JSON.stringify(report));
