import type { AuthProvider } from 'react-admin';
import { api, apiUrl, xsrfToken } from './api/client';
import { XSRF_HEADER } from './api/csrf';
import { navigation } from './api/navigation';
import type { components } from './api/schema';

type CurrentUser = components['schemas']['CurrentUser'];

export const LOGIN_URL = '/login';
export const LOGGED_OUT_URL = '/login?logout';
export const ROLES = ['TARIFF_MANAGER', 'SALES', 'FINANCE', 'ADMIN', 'API_CLIENT'] as const;

/** Set once the server said 401: the session is gone, the browser is on its way to /login. */
let signedOut = false;
let currentUser: Promise<CurrentUser> | undefined;

/**
 * What checkAuth/checkError reject with on 401: react-admin shows no notification
 * (message: false), does not navigate inside the app (redirectTo: false) and does not
 * run its own logout round (logoutUser: false); the browser is already going to /login.
 */
const notSignedIn = () => ({ status: 401, message: false, redirectTo: false, logoutUser: false });

function goToLogin(): void {
  signedOut = true;
  currentUser = undefined;
  navigation.assign(LOGIN_URL);
}

async function fetchMe(): Promise<CurrentUser> {
  const { data, response } = await api.GET('/api/v1/me');
  if (response.status === 401) {
    goToLogin();
    throw notSignedIn();
  }
  if (!data) throw new Error(`GET /api/v1/me: HTTP ${response.status}`);
  return data;
}

function me(): Promise<CurrentUser> {
  if (!currentUser) {
    currentUser = fetchMe();
    currentUser.catch(() => {
      currentUser = undefined;
    });
  }
  return currentUser;
}

export const authProvider: AuthProvider = {
  // Spring Security serves the sign-in form; react-admin never collects passwords.
  async login() {
    navigation.assign(LOGIN_URL);
  },

  async checkAuth() {
    currentUser = undefined; // re-ask the server on each navigation
    await me();
    signedOut = false;
  },

  async checkError(error) {
    const status = error?.status ?? error?.response?.status;
    if (status === 401) {
      goToLogin();
      throw notSignedIn();
    }
    // 403 and others: stay signed in, react-admin shows the message
  },

  async logout() {
    if (signedOut) {
      // react-admin calls logout after a failed checkAuth: the session is already gone
      // and the browser is already on its way to /login.
      currentUser = undefined;
      return false;
    }
    const token = await xsrfToken();
    const headers: Record<string, string> = { 'X-Requested-With': 'XMLHttpRequest' };
    if (token) headers[XSRF_HEADER] = token;
    try {
      await globalThis.fetch(apiUrl('/logout'), {
        method: 'POST',
        credentials: 'same-origin',
        headers,
        redirect: 'manual',
      });
    } catch {
      // the browser goes to the login page anyway
    }
    signedOut = true;
    currentUser = undefined;
    navigation.assign(LOGGED_OUT_URL);
    return false; // react-admin must not navigate to its own login route
  },

  async getIdentity() {
    const user = await me();
    return {
      id: user.username,
      fullName: user.username,
      mustChangePassword: user.mustChangePassword ?? false,
      abilities: user.abilities ?? [],
    };
  },

  async getPermissions() {
    const user = await me();
    return user.roles;
  },
};

/** After the person changed their password: ask the server again who is signed in. */
export function forgetCurrentUser(): void {
  currentUser = undefined;
}

/** For tests: forget cached state. */
export function resetAuthState(): void {
  signedOut = false;
  currentUser = undefined;
}
