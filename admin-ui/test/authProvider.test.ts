import { beforeEach, describe, expect, it, vi } from 'vitest';
import { authProvider, resetAuthState } from '../src/authProvider';
import { navigation } from '../src/api/navigation';
import { mockFetch } from './fetchMock';

describe('authProvider', () => {
  let assign: ReturnType<typeof vi.fn<(url: string) => void>>;
  beforeEach(() => {
    resetAuthState();
    assign = vi.fn<(url: string) => void>();
    vi.spyOn(navigation, 'assign').mockImplementation(assign);
  });

  it('checkAuth resolves when /api/v1/me answers 200', async () => {
    const seen = mockFetch(() => ({ body: { username: 'manager', roles: ['TARIFF_MANAGER'] } }));
    await expect(authProvider.checkAuth({})).resolves.toBeUndefined();
    expect(seen[0].url.pathname).toBe('/api/v1/me');
    expect(seen[0].headers.get('X-Requested-With')).toBe('XMLHttpRequest');
    expect(assign).not.toHaveBeenCalled();
  });

  it('checkAuth rejects on 401 and sends the browser to /login', async () => {
    mockFetch(() => ({ status: 401, body: { title: 'Unauthorized' } }));
    await expect(authProvider.checkAuth({})).rejects.toMatchObject({ status: 401, message: false });
    expect(assign).toHaveBeenCalledWith('/login');
    // react-admin then calls logout: no POST, no second navigation
    const seen = mockFetch(() => ({ status: 204 }));
    await expect(authProvider.logout({})).resolves.toBe(false);
    expect(seen).toHaveLength(0);
    expect(assign).toHaveBeenCalledTimes(1);
  });

  it('identity and permissions come from /api/v1/me', async () => {
    mockFetch(() => ({ body: { username: 'anna', roles: ['SALES', 'FINANCE'], abilities: ['tariffs.edit'] } }));
    await expect(authProvider.getIdentity!()).resolves.toEqual({
      id: 'anna',
      fullName: 'anna',
      mustChangePassword: false,
      abilities: ['tariffs.edit'],
    });
    await expect(authProvider.getPermissions!({})).resolves.toEqual(['SALES', 'FINANCE']);
  });

  it('logout posts /logout with the XSRF header, then goes to /login?logout', async () => {
    document.cookie = 'XSRF-TOKEN=tok-out; path=/';
    const seen = mockFetch(() => ({ status: 204 }));
    await expect(authProvider.logout({})).resolves.toBe(false);
    expect(seen).toHaveLength(1);
    expect(seen[0].method).toBe('POST');
    expect(seen[0].url.pathname).toBe('/logout');
    expect(seen[0].headers.get('X-XSRF-TOKEN')).toBe('tok-out');
    expect(assign).toHaveBeenCalledWith('/login?logout');
  });

  it('checkError logs out on 401 only', async () => {
    await expect(authProvider.checkError({ status: 403 })).resolves.toBeUndefined();
    await expect(authProvider.checkError({ status: 500 })).resolves.toBeUndefined();
    expect(assign).not.toHaveBeenCalled();
    await expect(authProvider.checkError({ status: 401 })).rejects.toMatchObject({ logoutUser: false });
    expect(assign).toHaveBeenCalledWith('/login');
  });

  it('login never shows a react-admin form: it goes to the Spring login page', async () => {
    await authProvider.login({});
    expect(assign).toHaveBeenCalledWith('/login');
  });
});
