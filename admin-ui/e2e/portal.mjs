// The client portal in a real browser (issue 18, "Done when"): the administrator creates a client user for
// ACC-1001 in the UI; finance has closed and documented March 2026 (through the API); the new user signs in on a
// phone-sized screen, changes the password, sees ACC-1001's dashboard, its March calls and documents, downloads the
// month's ZIP; the other client (vector, ACC-1002) sees none of it.
//   BASE_URL   backend root (default http://127.0.0.1:8080); CHROMIUM   browser binary
import { BASE_URL, STEP_TIMEOUT_MS, check, launch, log, runMain, withFailureShot } from './common.mjs';

const NEW_USER = `klient-${Date.now().toString(36)}`;
const FIRST_PASSWORD = 'Zelyonyj-Slon-42';
const OWN_PASSWORD = 'Sinij-Kit-Plyvyot-7';

const basic = (user, password) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

async function api(method, path, body, user = 'finance', password = user) {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { Authorization: basic(user, password), Accept: 'application/json',
      ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(STEP_TIMEOUT_MS * 4),
  });
  const text = await response.text();
  check(response.ok, `${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : undefined;
}

/** March 2026: two calls of each client, the month closed, both clients' documents issued */
async function financeIssuesMarch() {
  const call = (id, called) => ({
    source: 'e2e-portal', cdrId: `${id}-${Date.now()}`, callType: 'INBOUND_800', startTime: '2026-03-10T10:15:00+03:00',
    caller: '79161234567', called, stages: [{ type: 'IVR', durationSec: 35 }, { type: 'OPERATOR', durationSec: 200, operatorId: 'OP-102' }],
  });
  await api('POST', '/api/v1/cdrs', { records: [call('r1', '78005553535'), call('v1', '78001002030')] }, 'admin');
  const job = await api('POST', '/api/v1/periods/2026-03/close', { accounts: ['ACC-1001', 'ACC-1002'] });
  for (let i = 0; i < 120; i++) {
    const state = (await api('GET', `/api/v1/jobs/${job.id}`)).state;
    if (state === 'SUCCEEDED') break;
    check(state !== 'FAILED', `closing March failed: ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const documents = {};
  for (const account of ['ACC-1001', 'ACC-1002']) {
    const issued = await api('POST', '/api/v1/documents/packages', { account, month: '2026-03' });
    documents[account] = issued.documents.map((d) => d.id);
  }
  log(`finance issued March: ${JSON.stringify(documents)} (document ids)`);
  return documents;
}

/** a page in a fresh context (its own cookies: its own session), phone-sized or not */
async function newPage(browser, viewport = { width: 1400, height: 900 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  return { page };
}

/** a step on its own page, with a screenshot when it fails */
async function step(browser, viewport, file, body) {
  const { page } = await newPage(browser, viewport);
  try {
    await withFailureShot(page, file, () => body(page));
  } finally {
    await page.context().close();
  }
}

/** the PDF links of the documents page, once the document {@code expected} is listed */
async function pdfLinks(page, expected) {
  const table = page.getByTestId('documents');
  await table.locator(`a[href*="${expected}"]`).waitFor();
  return table.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
}

async function signInAs(page, user, password) {
  await page.goto(`${BASE_URL}/login`);
  await page.locator('input[name="username"]').fill(user);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname !== '/login');
  await page.getByTestId('app-title').waitFor();
  log(`signed in as ${user}`);
}

async function adminCreatesTheClientUser(page) {
  await signInAs(page, 'admin', 'admin');
  await page.goto(`${BASE_URL}/#/users/create`);
  await page.locator('input[name="username"]').fill(NEW_USER);
  await page.locator('input[name="password"]').fill(FIRST_PASSWORD);
  await page.getByLabel('Клиент', { exact: true }).check();
  const client = page.getByLabel('Клиент (лицевой счёт)');
  await client.fill('ACC-1001');
  await page.getByRole('option', { name: 'ACC-1001' }).click();
  await page.locator('input[name="email"]').fill(`${NEW_USER}@romashka.example`);
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await page.waitForURL((url) => url.hash.startsWith('#/users') && !url.hash.includes('create'));
  const user = await api('GET', `/api/v1/admin/users/${NEW_USER}`, undefined, 'admin');
  check(user.client === 'ACC-1001' && user.roles.includes('CLIENT'), `created ${JSON.stringify(user)}`);
  log(`admin created ${NEW_USER} (CLIENT of ACC-1001) in the UI`);
}

async function theClientSeesItsOwn(page, documents) {
  await signInAs(page, NEW_USER, FIRST_PASSWORD);
  await page.getByTestId('current-password').fill(FIRST_PASSWORD);
  await page.getByTestId('new-password').fill(OWN_PASSWORD);
  await page.getByTestId('repeat-password').fill(OWN_PASSWORD);
  await page.getByRole('button', { name: 'Сменить пароль' }).click();
  const name = page.getByTestId('client-name');
  await name.waitFor();
  const text = await name.textContent();
  check(text.includes('ООО «Ромашка»') && text.includes('ACC-1001'), `dashboard of "${text}"`);
  check(await page.getByText('Сводка', { exact: true }).first().isVisible(), 'the dashboard is titled «Сводка»');
  log(`dashboard: ${text}`);

  await page.goto(`${BASE_URL}/#/portal-calls`);
  await page.getByLabel('С', { exact: true }).fill('2026-03-01');
  await page.getByLabel('По', { exact: true }).fill('2026-03-31');
  await page.getByTestId('calls').getByText('78005553535').first().waitFor();
  check(!(await page.getByTestId('calls').textContent()).includes('78001002030'), 'another client\'s call is listed');
  log('March calls of ACC-1001 listed');

  await page.goto(`${BASE_URL}/#/portal-documents`);
  const listed = await pdfLinks(page, documents['ACC-1001'][0]);
  check(documents['ACC-1001'].every((id) => listed.some((href) => href.includes(id))), `own documents: ${listed}`);
  check(documents['ACC-1002'].every((id) => listed.every((href) => !href.includes(id))), 'another client\'s document is listed');
  const download = page.waitForEvent('download');
  await page.getByTestId('zip-2026-03').click();
  const zip = await download;
  check(zip.suggestedFilename() === 'documents-ACC-1001-2026-03.zip', `downloaded ${zip.suggestedFilename()}`);
  log(`documents of March listed; downloaded ${zip.suggestedFilename()}`);
}

async function theOtherClientSeesNoneOfIt(page, documents) {
  await signInAs(page, 'vector', 'vector');
  const text = await page.getByTestId('client-name').textContent();
  check(text.includes('АО «Вектор»') && !text.includes('Ромашка'), `vector's dashboard shows "${text}"`);
  await page.goto(`${BASE_URL}/#/portal-documents`);
  const listed = await pdfLinks(page, documents['ACC-1002'][0]);
  check(documents['ACC-1001'].every((id) => listed.every((href) => !href.includes(id))), 'vector sees a document of ACC-1001');
  const theirs = await page.request.get(`${BASE_URL}/api/v1/portal/dashboard?account=ACC-1001`);
  check(theirs.status() === 404, `vector asking for ACC-1001's dashboard got ${theirs.status()}`);
  log('vector sees its own documents only; ACC-1001 is 404 for it');
}

async function run() {
  const documents = await financeIssuesMarch();
  const { browser, page } = await launch();
  await page.context().close();
  const phone = { width: 390, height: 844 };
  try {
    await step(browser, undefined, 'portal-admin-failure.png', (p) => adminCreatesTheClientUser(p));
    await step(browser, phone, 'portal-client-failure.png', (p) => theClientSeesItsOwn(p, documents));
    await step(browser, phone, 'portal-other-failure.png', (p) => theOtherClientSeesNoneOfIt(p, documents));
  } finally {
    await browser.close();
  }
}

runMain('portal', 120_000, run);
