import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { AdminContext, type AuthProvider } from 'react-admin';
import { i18nProvider } from '../src/i18n/i18nProvider';
import { FixLink, fixOf } from '../src/rejects/FixLink';

const signedIn = (abilities: string[]): AuthProvider => ({
  login: async () => undefined,
  logout: async () => undefined,
  checkAuth: async () => undefined,
  checkError: async () => undefined,
  getPermissions: async () => [],
  getIdentity: async () => ({ id: 'x', abilities }),
});

describe('the fix of a reject', () => {
  it('leads to where each cause is fixed', () => {
    expect(fixOf({ reason: 'UNKNOWN_OPERATOR' })?.to).toBe('/operators/create');
    expect(fixOf({ reason: 'UNKNOWN_TRUNK' })?.to).toBe('/trunks/create');
    expect(fixOf({ reason: 'NO_TARIFF', account: 'ACC-1001' })?.to).toBe('/accounts/ACC-1001');
    expect(fixOf({ reason: 'NO_TARIFF' })).toBeUndefined();
    expect(fixOf({ reason: 'UNKNOWN_ACCOUNT', called: '78001234567' })?.to).toBe('/accounts');
    expect(decodeURIComponent(fixOf({ reason: 'UNKNOWN_ACCOUNT', called: '78001234567' }, (a) => a === 'inventory.manage')!.to))
      .toBe('/inventory?filter={"from":"78001234567","to":"78001234567"}');
  });

  it('is offered only to who may make it', async () => {
    const show = (abilities: string[]) =>
      render(
        <MemoryRouter>
          <AdminContext i18nProvider={i18nProvider} authProvider={signedIn(abilities)}>
            <FixLink record={{ reason: 'UNKNOWN_ACCOUNT', called: '78001234567' }} />
          </AdminContext>
        </MemoryRouter>,
      );
    const operations = show(['accounts.numbers']);
    expect((await screen.findByTestId('fix-UNKNOWN_ACCOUNT')).textContent).toBe('Назначить номер 78001234567 счёту');
    operations.unmount();
    show(['reference.edit']);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId('fix-UNKNOWN_ACCOUNT')).toBeNull();
  });
});
