import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { XSRF_COOKIE, XSRF_HEADER, needsXsrf, readCookie } from './csrf';
import { i18nProvider } from '../i18n/i18nProvider';

/**
 * Same-origin fetch resolved at call time (so tests can replace global fetch).
 */
const sameOriginFetch = (input: Request) => globalThis.fetch(input);

/**
 * Headers every API call carries:
 * - `X-Requested-With` makes Spring Security answer 401 without `WWW-Authenticate: Basic`
 *   (no browser password pop-up) instead of redirecting to the login page;
 * - `X-XSRF-TOKEN` (value of the `XSRF-TOKEN` cookie) on state-changing requests;
 * - `Accept-Language`: the UI's language, so the server's messages (problems, notes) come in the same language
 *   whatever the browser's own setting.
 */
export const sessionMiddleware: Middleware = {
  async onRequest({ request }) {
    request.headers.set('X-Requested-With', 'XMLHttpRequest');
    request.headers.set('Accept-Language', i18nProvider.getLocale());
    if (!request.headers.has('Accept')) {
      request.headers.set('Accept', 'application/json, application/problem+json');
    }
    if (needsXsrf(request.method)) {
      const token = await xsrfToken();
      if (token) request.headers.set(XSRF_HEADER, token);
    }
    return request;
  },
};

/**
 * The value of the XSRF-TOKEN cookie. Spring may (re)issue the cookie lazily after sign-in:
 * when it is missing, one safe request to the API is made first to obtain it.
 */
export async function xsrfToken(): Promise<string | undefined> {
  const token = readCookie(XSRF_COOKIE);
  if (token) return token;
  await primeXsrfCookie();
  return readCookie(XSRF_COOKIE);
}

async function primeXsrfCookie(): Promise<void> {
  try {
    await globalThis.fetch(apiUrl('/api/v1/me'), {
      credentials: 'same-origin',
      headers: { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' },
    });
  } catch {
    // the real request will report the problem
  }
}

/** Absolute same-origin URL (Request objects need one outside the browser). */
export function apiUrl(path: string): string {
  return new URL(path, window.location.origin).toString();
}

export const api = createClient<paths>({
  baseUrl: window.location.origin,
  credentials: 'same-origin',
  fetch: sameOriginFetch,
});
api.use(sessionMiddleware);

export type Api = typeof api;
export type { paths, components } from './schema';
