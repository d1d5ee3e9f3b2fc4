// End-to-end check of tariff editing, run by e2e/run.mjs after the CDR checks, or alone:
//   BASE_URL=http://127.0.0.1:8080 node e2e/tariff.mjs
// As a tariff manager: open CC-STANDARD-2026, start a draft from the version in force, change the MOBILE/PEAK
// network minute in dmn-js (current rate + 0.20, so every run changes something), save, validate, publish from
// the current minute (each run supersedes the previous one), then simulate a 60 s mobile peak call after that
// moment and check its NETWORK line is priced at the new rate.
// This changes the demo database: every run leaves one more published version.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_URL, OUT, apiJson, check, launch, log, runMain, signIn, withFailureShot } from './common.mjs';

const CODE = process.env.E2E_TARIFF || 'CC-STANDARD-2026';
const MODEL = 'network-minute.dmn';
const MINUTE = 60_000;
const MOSCOW_MS = 3 * 60 * MINUTE;

/** Moscow wall-clock time of an instant, "YYYY-MM-DDTHH:mm:ss". */
const moscowWall = (ms) => new Date(ms + MOSCOW_MS).toISOString().slice(0, 19);

/** The first PEAK moment (Mon–Fri 08:00–19:59 Moscow, not a holiday) at or after `fromMs`. */
export function nextPeak(fromMs, holidays) {
  let t = fromMs;
  for (let i = 0; i < 60; i++) {
    const wall = new Date(t + MOSCOW_MS);
    const weekday = wall.getUTCDay() >= 1 && wall.getUTCDay() <= 5;
    const workday = weekday && !holidays.has(wall.toISOString().slice(0, 10));
    const minuteOfDay = wall.getUTCHours() * 60 + wall.getUTCMinutes();
    if (workday && minuteOfDay >= 8 * 60 && minuteOfDay <= 19 * 60 + 55) return t;
    // 10:00 Moscow, today if the working day has not started yet, else tomorrow
    const dayShift = workday && minuteOfDay < 8 * 60 ? 0 : 1;
    t = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + dayShift, 10, 0) - MOSCOW_MS;
  }
  throw new Error('no peak time in 60 days');
}

/** The cells of the charge lines inside a container: [component code (data-component), stage, billedSeconds, rate, amount, note]. */
const lineCells = (container) =>
  container
    .getByTestId('charge-line')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td, i) => (i === 0 && tr.dataset.component) || td.textContent.trim())));

/** {@code onStep(name)}: called after each step (the journeys check the page there: Russian, no raw codes) */
export async function tariffScenario(page, onStep = async () => {}) {
  // (a) the tariff from the list, then its version in force
  await page.goto(`${BASE_URL}/#/tariffs`);
  const menuItem = page.locator('a[href="#/tariffs"]');
  await menuItem.first().waitFor({ timeout: 5_000 }).catch(() => {});
  check(
    (await menuItem.count()) > 0,
    `the UI at ${BASE_URL} has no Tariffs menu: it is an older build (rebuild the application with the current admin-ui)`,
  );
  await page.locator('tbody tr', { hasText: CODE }).first().click();
  await page.waitForURL((url) => url.hash.includes(`/tariffs/${encodeURIComponent(CODE)}/show`));
  await page.getByTestId('tariff-versions').waitFor();
  await onStep('tariff');
  const inForceRow = page.locator('[data-testid^="version-row-"][data-in-force="true"]');
  check((await inForceRow.count()) === 1, `${CODE} shows no version in force`);
  const inForce = Number((await inForceRow.getAttribute('data-testid')).replace('version-row-', ''));
  const inForceVersion = await apiJson('GET', `/api/v1/tariffs/${encodeURIComponent(CODE)}/versions/${inForce}`);
  log(`${CODE}: version ${inForce} in force since ${inForceVersion.effectiveFrom}`);

  // (b) a new draft from it
  await page.getByTestId(`new-draft-${inForce}`).click();
  await page.waitForURL((url) => /\/versions\/\d+$/.test(url.hash) && !url.hash.endsWith(`/versions/${inForce}`));
  const draft = Number(/\/versions\/(\d+)$/.exec(new URL(page.url()).hash)[1]);
  await page.locator('[data-testid="version-header"][data-state="DRAFT"]').waitFor();
  log(`draft ${draft} created from version ${inForce}`);
  await onStep('draft');

  // (c) the MOBILE/PEAK rate in dmn-js: read it, type current + 0.20
  await page.getByTestId(`model-tab-${MODEL}`).click();
  const editor = page.locator(`[data-testid="dmn-editor"][data-model="${MODEL}"][data-readonly="false"]`);
  await editor.locator('.tjs-table').waitFor();
  check(await editor.locator('.bjs-powered-by').isVisible(), 'the bpmn.io watermark is not visible');
  const row = editor
    .locator('tbody tr')
    .filter({ has: page.locator('td.input-cell', { hasText: '"MOBILE"' }) })
    .filter({ has: page.locator('td.input-cell', { hasText: '"PEAK"' }) });
  check((await row.count()) === 1, `expected one MOBILE/PEAK row in ${MODEL}, found ${await row.count()}`);
  const cell = row.locator('td.output-cell').first();
  const current = Number((await cell.innerText()).trim());
  check(Number.isFinite(current), `the MOBILE/PEAK rate "${await cell.innerText()}" is not a number`);
  const newRate = (current >= 9 ? 2.9 : current + 0.2).toFixed(2);
  await cell.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(newRate);
  await page.getByTestId('version-heading').click(); // leave the cell
  check((await cell.innerText()).trim() === newRate, `the cell shows "${(await cell.innerText()).trim()}" after typing ${newRate}`);
  await page.getByTestId('unsaved').waitFor();
  log(`MOBILE/PEAK: ${current.toFixed(2)} -> ${newRate}`);
  await onStep('rate typed');

  // (d) save: PUT .../models/network-minute.dmn
  const put = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes(`/models/${MODEL}`));
  await page.getByTestId('save-model').click();
  const putResponse = await put;
  check(putResponse.ok(), `saving ${MODEL} answered ${putResponse.status()}: ${(await putResponse.text()).slice(0, 300)}`);
  await page.getByTestId('unsaved').waitFor({ state: 'detached' });
  const stored = await apiJson('GET', `/api/v1/tariffs/${encodeURIComponent(CODE)}/versions/${draft}`);
  const storedModel = stored.models.find((m) => m.name === MODEL);
  check(storedModel?.content.includes(`>${newRate}<`), `the stored ${MODEL} of draft ${draft} has no ${newRate}`);
  log(`saved ${MODEL}`);

  // (e) validate
  await page.getByTestId('validate').click();
  const result = page.getByTestId('validation-result');
  await result.waitFor();
  const messages = await page.getByTestId('validation-message').allInnerTexts();
  check((await result.getAttribute('data-valid')) === 'true', `draft ${draft} is not valid: ${messages.join(' | ')}`);
  log(`validated: valid${messages.length ? `, ${messages.length} message(s)` : ''}`);
  await onStep('validated');
  await page.screenshot({ path: join(OUT, 'tariff-draft-validated.png'), fullPage: true });

  // (f) publish from the current minute (after the version in force, so this run supersedes it)
  const effectiveMs = Math.max(
    Math.floor((Date.now() - MINUTE) / MINUTE) * MINUTE,
    Math.floor(new Date(inForceVersion.effectiveFrom).getTime() / MINUTE) * MINUTE + MINUTE,
  );
  const effectiveLocal = moscowWall(effectiveMs).slice(0, 16);
  await page.getByTestId('publish').click();
  await page.getByTestId('publish-dialog').waitFor();
  await onStep('publish dialog');
  await page.getByTestId('effective-from').fill(effectiveLocal);
  const iso = (await page.getByTestId('effective-from-iso').textContent()).trim();
  check(iso === `${effectiveLocal}:00+03:00`, `the dialog will send ${iso}, expected ${effectiveLocal}:00+03:00`);
  await page.getByTestId('publish-confirm').click();
  await page.locator('[data-testid="version-header"][data-state="PUBLISHED"]').waitFor({ timeout: 20_000 });
  const published = await apiJson('GET', `/api/v1/tariffs/${encodeURIComponent(CODE)}/versions/${draft}`);
  check(published.state === 'PUBLISHED', `version ${draft} is ${published.state} after publishing`);
  check(
    new Date(published.effectiveFrom).getTime() === effectiveMs,
    `version ${draft} is effective from ${published.effectiveFrom}, expected ${iso}`,
  );
  log(`published version ${draft} from ${iso}`);
  await onStep('published');

  // (g) simulate a 60 s mobile peak call after that moment on the version's Simulate page
  const holidays = new Set((await apiJson('GET', '/api/v1/reference/holidays')).map((h) => h.date));
  const startMs = nextPeak(effectiveMs + MINUTE, holidays);
  const record = {
    source: 'e2e',
    cdrId: `e2e-tariff-${Date.now()}`,
    callType: 'INBOUND_800',
    startTime: `${moscowWall(startMs)}+03:00`,
    caller: '79161234567',
    called: '78005553535',
    stages: [{ type: 'IVR', durationSec: 60 }],
  };
  await page.getByTestId('simulate-link').click();
  await page.waitForURL((url) => url.hash.endsWith(`/versions/${draft}/simulate`));
  await page.getByTestId('simulation-records').fill(JSON.stringify([record], null, 2));
  await page.getByTestId('simulation-run').click();
  const simulation = page.getByTestId('simulation-result');
  await simulation.waitFor();
  // the page prints rates and money in the UI's format ("3,10", "3,10 ₽"): read them back as decimals
  const decimal = (text) => (text ?? '').replace(/[\s\u00a0]*₽$/, '').replace(/[\s\u00a0]/g, '').replace(',', '.');
  const candidate = (await lineCells(simulation.getByTestId('candidate-lines'))).map((cells) =>
    cells.map((c, i) => (i === 3 || i === 4 ? decimal(c) : c)),
  );
  const network = candidate.filter((cells) => cells[0] === 'NETWORK');
  check(network.length === 1, `no single NETWORK line under version ${draft}: ${JSON.stringify(candidate)}`);
  check(
    network[0][3] === newRate && network[0][4] === newRate,
    `NETWORK line ${JSON.stringify(network[0])} at ${record.startTime}, expected rate and amount ${newRate}`,
  );
  // the version in force at that moment is the one just published: "current" prices the same
  const currentLines = (await lineCells(simulation.getByTestId('current-lines'))).map((cells) =>
    cells.map((c, i) => (i === 3 || i === 4 ? decimal(c) : c)),
  );
  const currentNetwork = currentLines.find((cells) => cells[0] === 'NETWORK');
  check(currentNetwork?.[3] === newRate, `the version in force at ${record.startTime} prices NETWORK at ${currentNetwork?.[3]}, expected ${newRate}`);
  log(`simulated ${record.startTime}: NETWORK ${network[0][3]} x ${network[0][2]} s = ${network[0][4]}`);
  await page.screenshot({ path: join(OUT, 'tariff-simulation.png'), fullPage: true });

  // (h) and the rating API prices the next such CDR with it too
  const rated = await apiJson('POST', '/api/v1/rating/simulate', { records: [record] });
  const ratedNetwork = rated.results?.[0]?.lines?.find((l) => l.component === 'NETWORK');
  check(ratedNetwork?.rate === newRate, `POST /api/v1/rating/simulate prices NETWORK at ${ratedNetwork?.rate}, expected ${newRate}`);
  log(`rating simulation: NETWORK ${ratedNetwork.rate} (tariff version ${rated.results[0].tariffVersion ?? '?'})`);
  return { draft, newRate };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runMain('tariff', 120_000, async () => {
    const { browser, page } = await launch();
    try {
      await withFailureShot(page, 'tariff-failure.png', async () => {
        await signIn(page);
        await tariffScenario(page);
      });
    } finally {
      await browser.close();
    }
  });
}
