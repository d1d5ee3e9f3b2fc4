// Issue 17 in a real browser ("Done when"): sales build ACC-1001's client tariff in the builder (10% off operator
// work, the MSK operator minute at 16.00, a minimum monthly payment of 20,000.00), quote it on ACC-1001's March 2026
// traffic, download the commercial offer and submit it; the tariff manager approves it from the approval inbox and
// publishes it for ACC-1001 from 2026-04-01. The Java test (SalesEndToEndTest) posts the March calls before, checks
// April's rating and close after, and passes the amounts it computed from the tariff sheet:
//   E2E_CODE                 the client tariff's code
//   E2E_NSK_PRICE            the client's NSK operator minute (the sheet's × 0.9, half up)
//   E2E_OPERATOR_STANDARD    March's operator work under the standard tariff
//   E2E_OPERATOR_CLIENT      March's operator work under the client tariff
//   E2E_TOPUP                March's top-up to the minimum under the client tariff
import { join } from 'node:path';
import { BASE_URL, OUT, STEP_TIMEOUT_MS, check, launch, log, runMain, withFailureShot } from './common.mjs';

const CODE = process.env.E2E_CODE || 'ROMASHKA-E2E';
const env = (name) => {
  const value = process.env[name];
  check(value !== undefined, `${name} is not set`);
  return Number(value);
};

/** a number as the UI prints it (ru: 1 234,56 with non-breaking spaces) */
const num = (text) => Number((text || '').replace(/[^\d,.-]/g, '').replace(',', '.'));

async function signInAs(browser, user) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.url().includes('/api/') && r.status() >= 400) log(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
  });
  await page.goto(`${BASE_URL}/login`);
  await page.locator('input[name="username"]').fill(user);
  await page.locator('input[name="password"]').fill(user);
  await page.locator('button[type="submit"], input[type="submit"]').first().click();
  await page.waitForURL((url) => url.pathname !== '/login', { timeout: STEP_TIMEOUT_MS });
  await page.getByTestId('app-title').waitFor();
  log(`signed in as ${user}`);
  return page;
}

async function sumColumn(page, testId, column) {
  const rows = page.getByTestId(testId);
  const count = await rows.count();
  let sum = 0;
  for (let i = 0; i < count; i++) {
    sum += num(await rows.nth(i).locator('td').nth(column).innerText());
  }
  return Math.round(sum * 100) / 100;
}

async function salesBuildQuoteAndSubmit(browser) {
  const page = await signInAs(browser, 'sales');
  await withFailureShot(page, 'sales-builder.png', async () => {
    await page.goto(`${BASE_URL}/#/sales`);
    await page.getByTestId('new-code').fill(CODE);
    await page.getByTestId('new-name').fill('Ромашка, индивидуальный тариф');
    await page.getByTestId('new-account').fill('ACC-1001');
    await page.getByTestId('create-client-tariff').click();
    await page.getByTestId('price-cells').waitFor();
    log('the builder shows the base prices');

    await page.getByTestId('discount-OPERATOR').fill('10');
    await page.getByTestId('override-OperatorMinute_r1').fill('16.00');
    await page.getByTestId('minimum').fill('20000.00');
    await page.getByTestId('save-adjustments').click();
    await page.getByText('Поправки сохранены').waitFor();
    const msk = num(await page.getByTestId('client-price-OperatorMinute_r1').innerText());
    const nsk = num(await page.getByTestId('client-price-OperatorMinute_r2').innerText());
    check(msk === 16, `MSK operator minute: ${msk}, expected 16.00`);
    check(nsk === env('E2E_NSK_PRICE'), `NSK operator minute: ${nsk}, expected ${env('E2E_NSK_PRICE')}`);
    log(`saved: MSK ${msk}, NSK ${nsk}`);

    await page.getByTestId('quote-account').fill('ACC-1001');
    await page.getByTestId('quote-months').fill('2026-03');
    await page.getByTestId('run-quote').click();
    await page.getByTestId('quote').waitFor();
    await page.getByTestId('quote-chart').waitFor();
    const standard = await sumColumn(page, 'quote-line-OPERATOR', 2);
    const client = await sumColumn(page, 'quote-line-OPERATOR', 3);
    const topUp = await sumColumn(page, 'quote-line-MINIMUM_TOPUP', 3);
    check(standard === env('E2E_OPERATOR_STANDARD'), `operator work, standard: ${standard}, expected ${env('E2E_OPERATOR_STANDARD')}`);
    check(client === env('E2E_OPERATOR_CLIENT'), `operator work, client: ${client}, expected ${env('E2E_OPERATOR_CLIENT')}`);
    check(topUp === env('E2E_TOPUP'), `top-up: ${topUp}, expected ${env('E2E_TOPUP')}`);
    log(`quoted March: operator work ${standard} → ${client}, top-up ${topUp}`);
    await page.screenshot({ path: join(OUT, 'sales-quote.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('offer').click()]);
    check(download.suggestedFilename() === `offer-${CODE}.pdf`, `offer file: ${download.suggestedFilename()}`);
    log('the commercial offer downloaded');

    await page.getByTestId('submit').click();
    await page.getByText('Отправлено на согласование').waitFor();
    check((await page.getByTestId('sales-state').innerText()).includes('На согласовании'), 'not submitted');
    check((await page.getByTestId('approve').count()) === 0, 'sales see no approve button');
    log('submitted');
  });
  await page.context().close();
}

async function managerApprovesAndPublishes(browser) {
  const page = await signInAs(browser, 'manager');
  await withFailureShot(page, 'sales-approval.png', async () => {
    await page.goto(`${BASE_URL}/#/sales-inbox`);
    await page.getByRole('link', { name: CODE }).click();
    await page.getByTestId('approval').waitFor();
    await page.getByTestId('approve').click();
    await page.getByText('Тариф согласован').waitFor();
    await page.getByTestId('publish-account').fill('ACC-1001');
    await page.getByTestId('publish-from').fill('2026-04-01');
    await page.getByTestId('publish').click();
    await page.getByText('Тариф опубликован и назначен').waitFor();
    check((await page.getByTestId('sales-state').innerText()).includes('Опубликован'), 'not published');
    log('approved and published from 2026-04-01');
    await page.screenshot({ path: join(OUT, 'sales-published.png'), fullPage: true });
  });
  await page.context().close();
}

runMain('sales tariff', 150_000, async () => {
  const { browser } = await launch();
  try {
    await salesBuildQuoteAndSubmit(browser);
    await managerApprovesAndPublishes(browser);
  } finally {
    await browser.close();
  }
});
