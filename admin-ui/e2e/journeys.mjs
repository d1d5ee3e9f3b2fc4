// The daily journeys of issue 14's "Done when", in Russian, one role each, in an English-speaking browser (its
// own date pickers would be mm/dd/yyyy): on every screen on the way no English text, no raw code and no 403.
//   1. the tariff manager (manager) edits a rate in dmn-js and publishes it (e2e/tariff.mjs, checked at each step);
//   2. operations fix an UNKNOWN_ACCOUNT reject by assigning the number and reprocess it: finance does it, the only
//      role besides admin that the role matrix lets read the rejects, assign a number to an account and reprocess
//      (network operations assign numbers in the inventory but may not reprocess);
//   3. finance closes the previous month from the cockpit, runs its documents and downloads a delivery list.
// Env: BASE_URL, CHROMIUM, E2E_API_KEY (submits the rejected record). Exit 0 on success, 1 with the failing step.
import { BASE_URL, STEP_TIMEOUT_MS, check, launch, log, runMain, signIn, withFailureShot } from './common.mjs';
import { tariffScenario } from './tariff.mjs';

const API_KEY = process.env.E2E_API_KEY || 'demo-api-key';
/** the one free 8-800 number of the demo inventory: a call to it is rejected until it is assigned */
const FREE_NUMBER = '78009990000';

/**
 * Latin words a Russian screen may show: formats and abbreviations Russian staff use as they are (CDR, IVR, PDF…),
 * the language switch offering English by its own name, the bpmn.io watermark its licence requires, the demo users'
 * names
 */
const ALLOWED_LATIN = new Set([
  'CDR', 'English', 'Powered', 'CSV', 'Excel', 'PDF', 'XML', 'XLSX', 'IVR', 'SMS', 'API', 'DMN', 'DRL', 'URL', 'E-mail', 'DL', 'manager', 'finance',
  'sales', 'admin', 'netops', 'bpmn', 'io',
]);
/** codes of the contract that must never reach a screen raw */
const RAW_CODE = /\b(?:[A-Z][A-Z0-9]*_[A-Z0-9_]+|NETWORK|PORTAL|EMAIL|COURIER|RATED|REJECTED|PARTIALLY_CLOSED|DRAFT|PUBLISHED|SUCCEEDED|RUNNING|FAILED|MONTHLY|INVOICE|UPD|SEC|CALL|DAY)\b/g;

/**
 * The visible text of the page, without the data a person typed or the rules hold (the decision tables' cells, code
 * blocks, inputs): that is where a screen's own words would be English or raw.
 */
async function screenText(page) {
  return page.evaluate(() => {
    // the model's own identifiers in the decision table (its name, expressions, types) and cells, but not its column
    // labels, which a person reads (Russian in the shipped tables). A priced line's note is read too: the shipped
    // rules' phrases reach a Russian reader in Russian (rating.LineNotes)
    const model = '.decision-table-name, .output-name, .input-expression, .input-variable, .output-variable';
    const skip = `input, textarea, pre, code, .tjs-table tbody, .CodeMirror, [data-testid="dmn-xml"], ${model}`;
    const parts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest(skip) || (el.checkVisibility && !el.checkVisibility())) continue;
      const text = node.textContent.trim();
      if (text) parts.push(text);
    }
    for (const el of document.querySelectorAll('[title], [aria-label], [placeholder]')) {
      if (el.closest(skip) && el.tagName !== 'INPUT') continue;
      if (el.checkVisibility && !el.checkVisibility()) continue;
      for (const attr of ['title', 'placeholder']) if (el.getAttribute(attr)) parts.push(el.getAttribute(attr));
    }
    return parts.join('\n');
  });
}

/** what the screens showed that they must not: every finding of every journey, reported together at the end */
const findings = [];

/** records an English word or a raw code on the screen (the journey goes on, so one run finds them all) */
async function assertRussian(page, where) {
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
  const text = await screenText(page);
  const english = [...new Set(text.split(/\s+/)
    .map((t) => t.replace(/^[«"'(\[]+|[»"'),.:;!?\]…]+$/g, ''))
    // a capitalised abbreviation of up to four letters is an identifier (a seller's CCB), not English prose;
    // the contract's codes among them are caught as raw codes below
    .filter((t) => /^[A-Za-z]{3,}$/.test(t) && !/^[A-Z]{3,4}$/.test(t) && !ALLOWED_LATIN.has(t)))];
  const raw = [...new Set(text.match(RAW_CODE) ?? [])];
  // each finding with the text around it, so that the screen it comes from is found at once
  const around = (word) => (text.split('\n').find((line) => line.includes(word)) ?? '').slice(0, 80);
  if (english.length) findings.push(`${where}: English on the screen: ${english.map((w) => `${w} («${around(w)}»)`).join(', ')}`);
  if (raw.length) findings.push(`${where}: raw codes on the screen: ${raw.map((w) => `${w} («${around(w)}»)`).join(', ')}`);
  log(`${where}: ${english.length || raw.length ? `FOUND ${[...english, ...raw].join(', ')}` : 'Russian, no raw codes'}`);
  return text;
}

/** a browser page signed in as {@code user}; every 403 the page meets is recorded */
async function signedIn(user) {
  const { browser, page } = await launch();
  const forbidden = [];
  page.on('response', (r) => {
    if (r.status() === 403) forbidden.push(`${r.request().method()} ${r.url()}`);
  });
  await signIn(page, user, user);
  check((await page.getByTestId('app-title').textContent()) === 'Биллинг КЦ', 'the app is not in Russian');
  return { browser, page, forbidden };
}

async function journey(user, shot, body) {
  const { browser, page, forbidden } = await signedIn(user);
  try {
    await withFailureShot(page, shot, async () => {
      await assertRussian(page, `${user}: home`);
      await body(page);
      check(forbidden.length === 0, `${user} met 403 on the way: ${forbidden.join(', ')}`);
    });
  } finally {
    await browser.close();
  }
}

async function api(method, path, body, headers = { 'X-Api-Key': API_KEY }) {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { ...headers, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(STEP_TIMEOUT_MS),
  });
  const text = await response.text();
  check(response.ok, `${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

const basic = (user) => ({ Authorization: `Basic ${Buffer.from(`${user}:${user}`).toString('base64')}` });

/** today and the first of this month by the Moscow calendar: "2026-12-05", "01.12.2026" */
function moscowToday() {
  const moscow = new Date(Date.now() + 3 * 3600_000).toISOString();
  return { day: moscow.slice(0, 10), firstTyped: `01.${moscow.slice(5, 7)}.${moscow.slice(0, 4)}` };
}

// ------------------------------------------------------------------------------------------------ the journeys

async function managerPublishesARate() {
  await journey('manager', 'journey-manager.png', async (page) => {
    const { newRate } = await tariffScenario(page, (step) => assertRussian(page, `manager: ${step}`));
    log(`manager published the rate ${newRate}`);
  });
}

async function operationsFixAnUnknownAccount() {
  // a call to the free number, an hour ago: nobody holds the number, so the record is rejected
  const { day, firstTyped } = moscowToday();
  const cdrId = `journey-${Date.now()}`;
  const start = new Date(Date.now() - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z');
  const submitted = await api('POST', '/api/v1/cdrs', { records: [{ source: 'pbx-msk-1', cdrId, callType: 'INBOUND_800',
    startTime: start, caller: '79161112233', called: FREE_NUMBER, stages: [{ type: 'IVR', durationSec: 40 }] }] });
  check(submitted.results[0].outcome === 'REJECTED', `the call to ${FREE_NUMBER} was ${JSON.stringify(submitted.results[0])}`);
  log(`call ${cdrId} to ${FREE_NUMBER} rejected (${submitted.results[0].reason}) on ${day}`);

  await journey('finance', 'journey-reject.png', async (page) => {
    // the rejects queue, the reason in words, and the link to where the cause is fixed
    await page.goto(`${BASE_URL}/#/rejects`);
    const row = page.locator('tbody tr', { hasText: FREE_NUMBER }).first();
    await row.waitFor();
    await assertRussian(page, 'finance: rejects');
    await row.getByTestId('fix-UNKNOWN_ACCOUNT').click();
    await page.waitForURL((url) => url.hash.startsWith('#/accounts'));
    // the account found by its client's name (the server's search), opened, the number assigned from the 1st
    await page.locator('input[name="q"]').fill('Вектор');
    const account = page.locator('tbody tr', { hasText: 'ACC-1002' }).first();
    await account.waitFor();
    await assertRussian(page, 'finance: accounts found');
    await account.click();
    await page.getByTestId('number-assign-form').waitFor();
    await assertRussian(page, 'finance: account');
    await page.getByTestId('assign-number').fill(FREE_NUMBER);
    await page.getByTestId('assign-validFrom').fill(firstTyped);
    await page.getByTestId('number-assign-form').getByRole('button', { name: 'Закрепить' }).click();
    await page.locator('.MuiSnackbar-root', { hasText: FREE_NUMBER }).first().waitFor();
    await assertRussian(page, 'finance: number assigned');
    log(`${FREE_NUMBER} assigned to ACC-1002 from ${firstTyped}`);
    // back to the queue: reprocess the unknown accounts, asked first
    await page.goto(`${BASE_URL}/#/rejects`);
    await page.getByTestId('reason-chip-UNKNOWN_ACCOUNT').click();
    await page.getByTestId('reprocess-listed').click();
    await page.getByTestId('confirm-dialog').waitFor();
    await assertRussian(page, 'finance: reprocess asked');
    await page.getByTestId('confirm-action').click();
    const result = page.getByTestId('reprocess-result');
    await result.waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="reprocess-result"] .MuiLinearProgress-root'),
      null, { timeout: 20_000 }).catch(() => {});
    await assertRussian(page, 'finance: reprocessed');
    const cdr = await api('GET', `/api/v1/cdrs/pbx-msk-1/${cdrId}`, undefined, basic('finance'));
    check(cdr.status === 'RATED' && cdr.account === 'ACC-1002', `after reprocessing ${cdrId} is ${cdr.status} of ${cdr.account}`);
    log(`${cdrId} is RATED for ACC-1002`);
    // and the call links to its account and to the tariff version that priced it
    await page.goto(`${BASE_URL}/#/cdrs/${encodeURIComponent('pbx-msk-1')}%2F${encodeURIComponent(cdrId)}/show`);
    await page.getByTestId('cdr-tariff-link').waitFor();
    await assertRussian(page, 'finance: the rated call');
  });
}

async function financeClosesTheMonthAndRunsDocuments() {
  await journey('finance', 'journey-month.png', async (page) => {
    // the cockpit opens on the previous month; its close step leads to the period
    await page.getByTestId('month-cockpit').waitFor();
    const month = await page.getByTestId('cockpit-month').inputValue();
    await assertRussian(page, `finance: cockpit ${month}`);
    await page.getByTestId('cockpit-step-close').getByRole('link').click();
    await page.getByRole('button', { name: 'Закрыть по всем счетам' }).waitFor();
    await assertRussian(page, `finance: period ${month}`);
    await page.getByRole('button', { name: 'Закрыть по всем счетам' }).click();
    await page.getByTestId('confirm-dialog').waitFor();
    await assertRussian(page, 'finance: close asked');
    await page.getByTestId('confirm-action').click();
    await page.getByTestId('job-done').waitFor({ timeout: 60_000 });
    await assertRussian(page, 'finance: closed');
    check((await api('GET', `/api/v1/periods/${month}`, undefined, basic('finance'))).state === 'CLOSED', `${month} is not closed`);
    log(`${month} closed`);
    // back to the cockpit: the documents step leads to the run
    await page.goto(`${BASE_URL}/#/`);
    await page.getByTestId('cockpit-step-documents').waitFor();
    await page.getByTestId('cockpit-step-documents').getByRole('link').click();
    await page.getByTestId('run-month').waitFor();
    await page.getByTestId('run-month').fill(month);
    await assertRussian(page, 'finance: document runs');
    await page.getByRole('button', { name: 'Запустить' }).click();
    await page.getByTestId('run-jobs').locator('tbody tr').first().waitFor();
    await page.waitForFunction(() => {
      const row = document.querySelector('[data-testid="run-jobs"] tbody tr');
      return row && /Готово/.test(row.textContent ?? '');
    }, null, { timeout: 90_000 });
    await assertRussian(page, 'finance: documents issued');
    const issued = await api('GET', `/api/v1/documents?month=${month}&page=0&size=1`, undefined, basic('finance'));
    log(`documents of ${month}: ${issued.length ? 'issued' : 'none'}`);
    // the delivery list the run made, downloaded from the page's link
    const href = await page.getByTestId('delivery-POST').getAttribute('href');
    const list = await fetch(`${BASE_URL}${href}`, { headers: basic('finance'), signal: AbortSignal.timeout(STEP_TIMEOUT_MS) });
    check(list.ok, `the delivery list ${href} answered ${list.status}`);
    const body = await list.text();
    check(!/[A-Z]+_[A-Z]+/.test(body), `the delivery list shows raw codes: ${body.slice(0, 300)}`);
    log(`delivery list downloaded: ${body.split('\n').length} lines`);
    await page.goto(`${BASE_URL}/#/`);
    await page.getByTestId('cockpit-step-documents').waitFor();
    await assertRussian(page, 'finance: cockpit after the run');
  });
}

runMain('journeys', 420_000, async () => {
  const failed = [];
  for (const run of [managerPublishesARate, operationsFixAnUnknownAccount, financeClosesTheMonthAndRunsDocuments]) {
    try {
      await run();
    } catch (error) {
      failed.push(`${run.name}: ${error?.message ?? error}`);
      log(`${run.name} failed: ${error?.message ?? error}`);
    }
  }
  check(failed.length === 0 && findings.length === 0,
    [...failed, ...findings].join('\n'));
});
