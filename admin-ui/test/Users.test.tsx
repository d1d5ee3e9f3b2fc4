import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AdminContext } from 'react-admin';
import { dataProvider } from '../src/dataProvider';
import { i18nProvider } from '../src/i18n/i18nProvider';
import { sourcesOf } from '../src/users/dataProvider';
import { ChangePasswordForm } from '../src/users/ChangePasswordForm';
import { SecretDialog } from '../src/users/SecretDialog';
import { mockFetch } from './fetchMock';

const user = (username: string, roles = ['FINANCE']) =>
  ({ username, roles, enabled: true, mustChangePassword: false, locked: false, createdAt: '2026-03-10T07:15:00Z' });

describe('users', () => {
  it('lists users keyed by username, searched in the browser', async () => {
    mockFetch(() => ({ body: [user('ivanova'), user('petrov', ['SALES'])] }));
    const result = await dataProvider.getList('users', {
      pagination: { page: 1, perPage: 10 }, sort: { field: 'username', order: 'ASC' }, filter: { q: 'petr' },
    });
    expect(result.data.map((u) => u.id)).toEqual(['petrov']);
  });

  it('creates a user and keeps the temporary password of the answer for the one showing', async () => {
    document.cookie = 'XSRF-TOKEN=u-tok; path=/';
    const seen = mockFetch(() => ({ status: 201, body: { user: user('sidorov'), temporaryPassword: 'AbCdEfGh23456789' } }));
    const created = await dataProvider.create('users', { data: { username: 'sidorov', roles: ['FINANCE'], password: '' } });
    expect(seen[0].method).toBe('POST');
    expect(seen[0].url.pathname).toBe('/api/v1/admin/users');
    expect(seen[0].body).toEqual({ username: 'sidorov', roles: ['FINANCE'], enabled: true });
    expect(created.data).toMatchObject({ id: 'sidorov', temporaryPassword: 'AbCdEfGh23456789' });
  });

  it('changes roles and enabled with a PUT of the user', async () => {
    document.cookie = 'XSRF-TOKEN=u-tok; path=/';
    const seen = mockFetch(() => ({ body: user('ivanova', ['SALES']) }));
    await dataProvider.update('users', {
      id: 'ivanova', data: { roles: ['SALES'], enabled: false }, previousData: { id: 'ivanova' },
    });
    expect(seen[0].method).toBe('PUT');
    expect(seen[0].url.pathname).toBe('/api/v1/admin/users/ivanova');
    expect(seen[0].body).toEqual({ roles: ['SALES'], enabled: false });
  });
});

describe('api keys and sign-ins', () => {
  it('creates a key with its sources split and returns the secret once', async () => {
    document.cookie = 'XSRF-TOKEN=k-tok; path=/';
    const seen = mockFetch(() => ({
      status: 201, body: { key: { name: 'pbx-1', roles: ['API_CLIENT'], sources: ['pbx-msk-1', 'pbx-msk-2'] }, secret: 'ccb_x' },
    }));
    const created = await dataProvider.create('api-keys', {
      data: { name: 'pbx-1', roles: ['API_CLIENT'], sources: 'pbx-msk-1\npbx-msk-2, ' },
    });
    expect(seen[0].body).toEqual({ name: 'pbx-1', roles: ['API_CLIENT'], sources: ['pbx-msk-1', 'pbx-msk-2'] });
    expect(created.data).toMatchObject({ id: 'pbx-1', secret: 'ccb_x' });
    expect(sourcesOf(' a;b  c ')).toEqual(['a', 'b', 'c']);
  });

  it('asks the server for the sign-ins of a username and outcome', async () => {
    const seen = mockFetch(() => ({
      body: [{ at: '2026-03-10T07:15:00Z', username: 'ivanova', method: 'BASIC', address: '10.0.0.1', outcome: 'WRONG_PASSWORD' }],
    }));
    const result = await dataProvider.getList('sign-ins', {
      pagination: { page: 1, perPage: 50 }, sort: { field: 'at', order: 'DESC' },
      filter: { username: 'ivanova', outcome: 'WRONG_PASSWORD' },
    });
    expect(seen[0].url.pathname).toBe('/api/v1/admin/sign-ins');
    expect(seen[0].url.searchParams.get('username')).toBe('ivanova');
    expect(seen[0].url.searchParams.get('outcome')).toBe('WRONG_PASSWORD');
    expect(result.total).toBe(1);
  });

  it('shows a secret once with a warning in Russian', () => {
    render(
      <AdminContext i18nProvider={i18nProvider}>
        <SecretDialog title="Секрет" secret="ccb_secret" onClose={() => {}} />
      </AdminContext>,
    );
    expect((screen.getByTestId('secret') as HTMLInputElement).value).toBe('ccb_secret');
    expect(screen.getByText(/Показывается один раз/)).toBeTruthy();
  });
});

describe('ChangePasswordForm', () => {
  const fill = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

  it('posts the current and the new password and reports success', async () => {
    document.cookie = 'XSRF-TOKEN=p-tok; path=/';
    const seen = mockFetch(() => ({ status: 204 }));
    const onChanged = vi.fn();
    render(<AdminContext i18nProvider={i18nProvider}><ChangePasswordForm onChanged={onChanged} /></AdminContext>);
    fill('current-password', 'Zelyonyj-Slon-42');
    fill('new-password', 'Sinij-Kit-Plyvyot-7');
    fill('repeat-password', 'Sinij-Kit-Plyvyot-7');
    fireEvent.click(screen.getByRole('button', { name: 'Сменить пароль' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(seen[0].url.pathname).toBe('/api/v1/me/password');
    expect(seen[0].body).toEqual({ currentPassword: 'Zelyonyj-Slon-42', newPassword: 'Sinij-Kit-Plyvyot-7' });
  });

  it('shows the server\'s refusal naming the field', async () => {
    document.cookie = 'XSRF-TOKEN=p-tok; path=/';
    mockFetch(() => ({
      status: 400, contentType: 'application/problem+json',
      body: { status: 400, title: 'Bad Request', errors: [{ field: 'newPassword', message: 'слишком простой или распространённый пароль' }] },
    }));
    const onChanged = vi.fn();
    render(<AdminContext i18nProvider={i18nProvider}><ChangePasswordForm onChanged={onChanged} /></AdminContext>);
    fill('current-password', 'Zelyonyj-Slon-42');
    fill('new-password', '1234567890');
    fill('repeat-password', '1234567890');
    fireEvent.click(screen.getByRole('button', { name: 'Сменить пароль' }));
    expect(await screen.findByText(/слишком простой/)).toBeTruthy();
    expect(screen.getByText('newPassword')).toBeTruthy();
    expect(onChanged).not.toHaveBeenCalled();
  });
});
