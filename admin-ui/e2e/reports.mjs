// The report builder in a real browser (issue 19): three calls of ACC-1001 in April 2026 go in through the API;
// finance builds a report by day in the UI, sees the totals the API answers, drills from a row to its calls and
// exports the report as CSV; then finance makes «sales» the account's sales manager on the account's page, and the
// sales user's reports show that account.
//   BASE_URL   backend root (default http://127.0.0.1:8080); CHROMIUM   browser binary
import { readFile } from 'node:fs/promises';
import { BASE_URL, STEP_TIMEOUT_MS, check, launch, log, runMain, withFailureShot } from './common.mjs';

const basic = (user) => `Basic ${Buffer.from(`${user}:${user}`).toString('base64')}`;
const run = Date.now().toString(36);

async function api(method, path, body, user = 'finance') {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { Authorization: basic(user), Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(STEP_TIMEOUT_MS * 4),
  });
  const text = await response.text();
  check(response.ok, `${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : undefined;
}

const call = (id, startTime, operator) => ({
  source: 'e2e-reports', cdrId: `${id}-${run}`, callType: 'INBOUND_800', startTime, caller: '79161234567',
  called: '78005553535',
  stages: [{ type: 'IVR', durationSec: 35 }, ...(operator ? [{ type: 'OPERATOR', durationSec: 200, operatorId: 'OP-102' }] : [])],
});

const QUERY = { dimensions: ['day'], measures: ['calls', 'amountNet'], from: '2026-04-01', to: '2026-04-30',
  filters: [{ dimension: 'account', values: ['ACC-1001'] }] };

async function scenario() {
  const stored = await api('POST', '/api/v1/cdrs', { records: [call('a', '2026-04-07T10:00:00+03:00', true),
    call('b', '2026-04-07T12:00:00+03:00', false), call('c', '2026-04-08T11:00:00+03:00', true)] }, 'admin');
  check(stored.results.every((r) => r.outcome === 'RATED'), `stored ${JSON.stringify(stored.results)}`);
  const expected = await api('POST', '/api/v1/reports/query', QUERY);
  log(`the API answers totals ${JSON.stringify(expected.totals)} over ${expected.rows.length} days`);

  const { browser, page } = await launch();
  await withFailureShot(page, 'reports.png', async () => {
    await page.goto(`${BASE_URL}/login`);
    await page.locator('input[name="username"]').fill('finance');
    await page.locator('input[name="password"]').fill('finance');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname !== '/login');
    await page.getByTestId('app-title').waitFor();
    await page.getByText('Отчёты', { exact: true }).first().click();
    await page.getByText('Конструктор отчётов').waitFor();
    log('finance opened «Отчёты» from the menu');

    await page.getByRole('combobox', { name: 'Измерение 1' }).click();
    await page.getByRole('option', { name: 'День', exact: true }).click();
    await page.getByTestId('report-from').fill('2026-04-01');
    await page.getByTestId('report-to').fill('2026-04-30');
    await page.getByTestId('report-add-filter').click();
    await page.getByTestId('report-filter-values-0').fill('ACC-1001');
    await page.getByTestId('report-run').click();
    const totals = page.getByTestId('report-totals');
    await totals.waitFor();
    const totalsText = (await totals.textContent()).replace(/\s/g, '');
    check(totalsText.startsWith('Итого') && totalsText.includes(String(expected.totals[0])),
      `totals row "${totalsText}", the API: ${expected.totals}`);
    const amount = String(expected.totals[1]).replace('.', ',');
    check(totalsText.includes(amount), `totals row "${totalsText}" shows ${amount}`);
    const rows = await page.getByTestId('report-row').count();
    check(rows === expected.rows.length, `${rows} rows, the API ${expected.rows.length}`);
    check(await page.getByTestId('report-chart').isVisible(), 'the chart is beside the table');
    log(`finance sees ${rows} days and the totals ${totalsText}`);

    await page.getByTestId('report-row').filter({ hasText: '2026-04-07' }).click();
    await page.getByTestId('report-calls').getByText(`a-${run}`).waitFor();
    const calls = await page.getByTestId('report-calls').textContent();
    check(calls.includes(`b-${run}`) && !calls.includes(`c-${run}`), `the calls of 7 April: ${calls}`);
    log('drilled from 7 April to its calls');
    await page.getByRole('button', { name: 'Закрыть' }).click();

    const download = page.waitForEvent('download');
    await page.getByTestId('report-export-csv').click();
    const file = await download;
    check(file.suggestedFilename() === 'report-2026-04-01-2026-04-30.csv', `downloaded ${file.suggestedFilename()}`);
    const csv = await readFile(await file.path(), 'utf8');
    check(csv.includes('Фильтр;Лицевой счёт = ACC-1001') && csv.includes('Сформирован;') && csv.includes('Итого;'),
      `the CSV: ${csv.slice(0, 400)}`);
    log(`exported ${file.suggestedFilename()} with its filter, generation time and total`);

    const before = await api('POST', '/api/v1/reports/query', QUERY, 'sales');
    await page.goto(`${BASE_URL}/#/accounts/ACC-1001/show`);
    const form = page.getByTestId('sales-manager-form');
    await form.waitFor();
    await form.getByRole('combobox').click();
    await page.getByRole('option', { name: 'sales', exact: true }).click();
    await page.getByTestId('sales-manager-save').click();
    await page.getByText('Менеджер по продажам сохранён').waitFor();
    const account = await api('GET', '/api/v1/accounts/ACC-1001');
    check(account.salesManager === 'sales', `the account's sales manager: ${account.salesManager}`);
    const after = await api('POST', '/api/v1/reports/query', QUERY, 'sales');
    check(after.rows.length === expected.rows.length && String(after.totals[0]) === String(expected.totals[0]),
      `sales sees ${JSON.stringify(after.totals)} (before: ${JSON.stringify(before.totals)}), finance ${JSON.stringify(expected.totals)}`);
    log(`finance made «sales» the sales manager of ACC-1001; sales now sees its ${after.rows.length} days`);
  });
  await browser.close();
}

runMain('reports', 120_000, scenario);
