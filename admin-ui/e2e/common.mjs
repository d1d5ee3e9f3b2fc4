// What the end-to-end scripts share: settings from the environment, logging, the browser, signing in.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
export const USER = process.env.E2E_USER || 'manager';
export const PASSWORD = process.env.E2E_PASSWORD || 'manager';
export const OUT = join(dirname(fileURLToPath(import.meta.url)), 'out');
export const STEP_TIMEOUT_MS = 15_000;
/** E2E_VERBOSE=1 logs every state-changing API call the page makes. */
const VERBOSE = Boolean(process.env.E2E_VERBOSE);

const started = Date.now();
export const elapsed = () => ((Date.now() - started) / 1000).toFixed(1);
export const log = (msg) => console.log(`[e2e ${elapsed()}s] ${msg}`);

export class StepFailure extends Error {}
export function check(condition, message) {
  if (!condition) throw new StepFailure(message);
}

/** Headers of the UI user for direct API calls (HTTP Basic). */
export const userAuth = () => ({ Authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}` });

/** A JSON API call as the UI user; fails the step on any non-2xx answer. */
export async function apiJson(method, path, body) {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { ...userAuth(), Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(STEP_TIMEOUT_MS),
  });
  const text = await response.text();
  check(response.ok, `${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : undefined;
}

export async function launch() {
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (!r.url().includes('/api/')) return;
    if (r.status() >= 400 || (VERBOSE && r.request().method() !== 'GET')) {
      log(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
    }
  });
  return { browser, page };
}

/** The app sends an anonymous visitor to Spring's login page; sign in there. */
export async function signIn(page, user = USER, password = PASSWORD) {
  await page.goto(`${BASE_URL}/`);
  await page.waitForURL((url) => url.pathname === '/login', { timeout: STEP_TIMEOUT_MS });
  log(`landed on ${page.url()}`);
  // load the form once more: its CSRF token then surely matches the cookie the app's first calls may have reset
  await page.goto(`${BASE_URL}/login`);
  await page.locator('input[name="username"]').fill(user);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"], input[type="submit"]').first().click();
  await page.waitForURL((url) => url.pathname !== '/login', { timeout: STEP_TIMEOUT_MS });
  await page.getByTestId('app-title').waitFor();
  log(`signed in as ${user}, at ${page.url()}`);
}

/** Runs a scenario with a screenshot on failure; exits 0 or 1 within the budget. */
export function runMain(name, budgetMs, scenario) {
  const watchdog = setTimeout(() => {
    console.error(`E2E FAILED: ${name} took longer than ${budgetMs / 1000} s`);
    process.exit(1);
  }, budgetMs);
  scenario().then(
    () => {
      clearTimeout(watchdog);
      console.log(`E2E PASSED in ${elapsed()} s`);
      process.exit(0);
    },
    (error) => {
      clearTimeout(watchdog);
      console.error(`E2E FAILED: ${error instanceof StepFailure ? error.message : (error?.stack ?? error)}`);
      process.exit(1);
    },
  );
}

/** Screenshot and URL of the page where a step failed, then rethrow. */
export async function withFailureShot(page, file, body) {
  try {
    return await body();
  } catch (error) {
    await page.screenshot({ path: join(OUT, file), fullPage: true }).catch(() => {});
    log(`failed at ${page.url()} (screenshot e2e/out/${file})`);
    throw error;
  }
}
