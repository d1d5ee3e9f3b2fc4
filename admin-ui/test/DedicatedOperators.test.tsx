import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AdminContext } from 'react-admin';
import { i18nProvider } from '../src/i18n/i18nProvider';
import { DedicatedOperatorForm } from '../src/accounts/DedicatedOperators';
import { mockFetch } from './fetchMock';

describe('dedicated operators on the account page', () => {
  it('picks an operator of the reference data and dedicates it from a date', async () => {
    document.cookie = 'XSRF-TOKEN=op; path=/';
    const seen = mockFetch((req) =>
      req.method === 'GET'
        ? { body: [{ operatorId: 'OP-7', site: 'MSK', name: 'Анна' }, { operatorId: 'OP-9', site: 'NSK' }] }
        : { status: 201, body: req.body },
    );
    const onAdded = vi.fn();
    render(
      <AdminContext i18nProvider={i18nProvider}>
        <DedicatedOperatorForm account="ACC-1001" onAdded={onAdded} />
      </AdminContext>,
    );
    const add = screen.getByTestId('dedicated-operator-add') as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Оператор' }));
    fireEvent.click(await within(screen.getByRole('listbox')).findByRole('option', { name: 'OP-7 — Анна — MSK' }));
    fireEvent.change(screen.getByLabelText('С'), { target: { value: '2026-03-01' } });
    fireEvent.click(add);
    await waitFor(() => expect(onAdded).toHaveBeenCalled());
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.url.pathname).toBe('/api/v1/accounts/ACC-1001/dedicated-operators');
    expect(post.body).toEqual({ operatorId: 'OP-7', validFrom: '2026-03-01' });
  });
});
