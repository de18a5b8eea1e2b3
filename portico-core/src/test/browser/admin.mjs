// Drives portico-admin's site (dev.portico.admin.Admin) in headless Chromium as a staff member would, runs axe-core
// over every page it visits, and reports what it saw as one JSON object on stdout; the Java test makes the
// assertions (examples/blog's AdminBrowserTest, against the real BlogApp).
//
//   node admin.mjs <base-url> <prefix> <screenshot-dir> <staff-user> <non-staff-user> <password>
//
// Anonymous: /admin/ sends to the sign-in page. A user who is not staff is refused at sign-in. Staff: add a post
// with an empty title (the error beside the field), correct it, add a draft, search, filter, order by a column,
// edit, read the history, two tabs editing one post (the second save refused with a message), delete one post with
// its confirmation, bulk-delete another. Then a form on another site posts to the admin: refused.
// Chromium is Debian's (/usr/bin/chromium, or $PORTICO_CHROMIUM); every request leaving the machine is aborted.
import { openChromium } from './chromium.mjs';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const [base, prefix, screenshots, staffUser, plainUser, password] = process.argv.slice(2);
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TIMEOUT = 30_000;
mkdirSync(screenshots, { recursive: true });
const report = { external: [], consoleErrors: [], pageErrors: [], navigations: [], axe: {}, steps: {} };

async function launch() {
  const { context, close } = await openChromium({ height: 860 });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (['127.0.0.1', 'localhost'].includes(url.hostname) || url.protocol === 'data:' || url.protocol === 'about:') {
      return route.continue();
    }
    report.external.push(route.request().url());
    return route.abort();
  });
  context.setDefaultTimeout(TIMEOUT);
  return { context, close };
}

function watch(page, name) {
  page.on('console', (m) => { if (m.type() === 'error') report.consoleErrors.push(`${name}: ${m.text()}`); });
  page.on('pageerror', (e) => report.pageErrors.push(`${name}: ${e.message}`));
  page.on('response', (r) => {
    if (r.request().isNavigationRequest() && r.request().frame() === page.mainFrame()) {
      const url = new URL(r.url());
      report.navigations.push(`${name}: ${r.request().method()} ${url.pathname}${url.search} ${r.status()}`);
    }
  });
  return page;
}

/** Screenshot and axe-core's serious and critical violations of the page as it is now. */
async function check(page, shot) {
  await page.screenshot({ path: join(screenshots, `admin-${shot}.png`), fullPage: true });
  await page.evaluate(AXE); // through the DevTools protocol: the page's policy forbids every script of its own
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  report.axe[shot] = result.violations.filter((v) => ['serious', 'critical'].includes(v.impact))
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const text = async (page, selector) => (await page.locator(selector).first().textContent() ?? '').trim();
const rowsOf = async (page) => page.locator('table.results tbody th[scope=row]').allTextContents();

async function signIn(page, user) {
  await page.goto(`${base}${prefix}login/`);
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(password);
  const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Log in' }).click()]);
  return response;
}

async function addPost(page, title, content, draft) {
  await page.goto(`${base}${prefix}posts/add/`);
  await page.getByLabel(/^Title/).fill(title);
  await page.getByLabel(/^Content/).fill(content);
  if (draft) await page.getByLabel('Draft').check();
  const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save' }).click()]);
  return response;
}

async function anonymousAndNotStaff(context) {
  const page = watch(await context.newPage(), 'anonymous');
  await page.goto(`${base}${prefix}`);
  report.steps.anonymous = { url: new URL(page.url()).pathname + new URL(page.url()).search };
  await check(page, 'login');
  const refused = await signIn(page, plainUser);
  report.steps.notStaff = { status: refused.status(), error: await text(page, '[role=alert]') };
  await check(page, 'login-refused');
  await page.close();
}

async function addWithAnErrorThenCorrect(page) {
  await page.goto(`${base}${prefix}`);
  await check(page, 'index');
  await page.getByRole('navigation', { name: 'Models' }).getByRole('link', { name: 'Posts' }).click();
  await page.getByRole('link', { name: 'Add post' }).click();
  await check(page, 'add');
  await page.getByLabel(/^Content/).fill('Written in the admin.');
  const [bad] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save' }).click()]);
  report.steps.invalid = { status: bad.status(), fieldError: await text(page, '#id_title_error'),
    invalid: await page.getByLabel(/^Title/).getAttribute('aria-invalid') };
  await check(page, 'add-errors');
  await page.getByLabel(/^Title/).fill('Hello from the admin');
  const [ok] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save' }).click()]);
  report.steps.added = { status: ok.status(), message: await text(page, '[role=status]') };
  await addPost(page, 'Draft <b>notes</b>', 'Not yet.', true);
  await check(page, 'list');
}

async function searchFilterOrder(page) {
  await page.getByLabel('Search posts').fill('Hello');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Search' }).click()]);
  report.steps.searched = await rowsOf(page);
  await page.goto(`${base}${prefix}posts/`);
  const byDraft = page.getByRole('navigation', { name: 'By draft' });
  await Promise.all([page.waitForNavigation(), byDraft.getByRole('link', { name: 'Yes' }).click()]);
  report.steps.filtered = await rowsOf(page);
  report.steps.filterLink = { query: new URL(page.url()).search,
    current: await page.getByRole('navigation', { name: 'By draft' }).locator('[aria-current=true]').innerText() };
  await check(page, 'list-filtered');
  await page.getByLabel('Search posts').fill('notes');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Search' }).click()]);
  report.steps.searchKeepsFilters = new URL(page.url()).search;
  const byCreated = page.getByRole('navigation', { name: 'By created at' });
  await Promise.all([page.waitForNavigation(), byCreated.getByRole('link', { name: 'Today' }).click()]);
  report.steps.today = { query: decodeURIComponent(new URL(page.url()).search), rows: await rowsOf(page) };
  await page.goto(`${base}${prefix}posts/`);
  await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: /Sort by title/ }).click()]);
  report.steps.ordered = { rows: await rowsOf(page), sort: await page.locator('th[aria-sort=ascending]').count() };
}

async function editAndHistory(page) {
  await page.goto(`${base}${prefix}posts/?search=Hello`);
  await page.getByRole('link', { name: 'Hello from the admin' }).click();
  await check(page, 'change');
  await page.getByLabel(/^Content/).fill('Edited in the admin.');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save' }).click()]);
  report.steps.edited = await text(page, '[role=status]');
  await page.goto(`${base}${prefix}posts/?search=Hello`);
  await page.getByRole('link', { name: 'Hello from the admin' }).click();
  const changeUrl = page.url();
  await page.getByRole('link', { name: 'History' }).click();
  report.steps.history = await page.locator('table.results tbody tr').allTextContents();
  await check(page, 'history');
  return changeUrl;
}

async function twoTabs(context, page, changeUrl) {
  const second = watch(await context.newPage(), 'tab2');
  await page.goto(changeUrl);
  await second.goto(changeUrl);
  await page.getByLabel(/^Title/).fill('Hello, first tab');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save' }).click()]);
  await second.getByLabel(/^Title/).fill('Hello, second tab');
  const [refused] = await Promise.all([second.waitForNavigation(), second.getByRole('button', { name: 'Save' }).click()]);
  report.steps.secondTab = { status: refused.status(), message: await text(second, '#conflict') };
  await check(second, 'conflict');
  await second.close();
  await page.goto(changeUrl);
  report.steps.kept = await page.getByLabel(/^Title/).inputValue();
}

async function deleteOneThenBulk(page, changeUrl) {
  await page.goto(changeUrl);
  await page.getByRole('link', { name: 'Delete' }).click();
  await check(page, 'delete');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Yes, delete' }).click()]);
  report.steps.deleted = await text(page, '[role=status]');
  await page.goto(`${base}${prefix}posts/`);
  await page.getByLabel(/^Select Draft/).check();
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Go' }).click()]);
  await check(page, 'bulk-delete');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Yes, delete' }).click()]);
  report.steps.bulkDeleted = { message: await text(page, '[role=status]'), rows: await rowsOf(page) };
}

async function forgedPost(context, page) {
  const evil = watch(await context.newPage(), 'evil');
  await evil.goto('about:blank');
  await evil.setContent(`<form method="post" action="${base}${prefix}posts/add/"><input name="title" value="Forged">`
    + '<input name="content" value="x"><button>go</button></form>');
  const [response] = await Promise.all([evil.waitForNavigation(), evil.click('button')]);
  report.steps.forged = { status: response.status() };
  await evil.close();
  await page.goto(`${base}${prefix}posts/?search=Forged`);
  report.steps.forgedRows = await rowsOf(page);
}

/** The accounts' pages, when the staff member is a superuser: users, one user (the other account), roles. */
async function accountPages(page) {
  await page.goto(`${base}${prefix}users/`);
  if (new URL(page.url()).pathname !== `${prefix}users/`) return;
  report.steps.users = await rowsOf(page);
  await check(page, 'users');
  await page.getByRole('link', { name: plainUser, exact: true }).click();
  const userUrl = page.url();
  await page.getByLabel('Name', { exact: true }).fill('laptop');
  const [made] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Create API key' }).click()]);
  report.steps.keyCreated = { status: made.status(), shown: (await page.locator('#new-key').inputValue()).length };
  await check(page, 'user');
  await page.goto(userUrl);
  report.steps.keyShownAgain = await page.locator('#new-key').count();
  await page.goto(`${base}${prefix}roles/`);
  await check(page, 'roles');
}

async function main() {
  const { context, close } = await launch();
  try {
    await anonymousAndNotStaff(context);
    const page = watch(await context.newPage(), 'staff');
    const signedIn = await signIn(page, staffUser);
    report.steps.staff = { status: signedIn.status(), path: new URL(page.url()).pathname };
    await addWithAnErrorThenCorrect(page);
    await searchFilterOrder(page);
    const changeUrl = await editAndHistory(page);
    await twoTabs(context, page, changeUrl);
    await deleteOneThenBulk(page, changeUrl);
    await forgedPost(context, page);
    await accountPages(page);
  } catch (e) {
    report.error = String(e.stack || e);
  } finally {
    await close();
  }
  process.stdout.write(JSON.stringify(report));
}

await main();
