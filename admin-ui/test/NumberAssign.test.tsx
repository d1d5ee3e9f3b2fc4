import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AdminContext } from 'react-admin';
import { i18nProvider } from '../src/i18n/i18nProvider';
import { NumberAssignForm, NumbersTable } from '../src/accounts/Numbers';
import { mockFetch } from './fetchMock';

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

const renderForm = (onAssigned = vi.fn()) => {
  render(
    <AdminContext i18nProvider={i18nProvider}>
      <NumberAssignForm account="ACC-1002" onAssigned={onAssigned} />
    </AdminContext>,
  );
  return onAssigned;
};

const chooseKind = (name: string) => {
  fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Вид' }));
  fireEvent.click(within(screen.getByRole('listbox')).getByRole('option', { name }));
};

describe('account numbers', () => {
  it('lists numbers with their kind and channels', () => {
    render(
      <AdminContext i18nProvider={i18nProvider}>
        <NumbersTable
          numbers={[
            { number: '78001002030', validFrom: '2026-01-01' },
            { number: '74951230000', validFrom: '2026-01-01', validTo: '2026-07-01', kind: 'VIRTUAL_OFFICE', channels: 3 },
          ]}
        />
      </AdminContext>,
    );
    const rows = screen.getAllByTestId('account-number').map((tr) => within(tr).getAllByRole('cell').map((td) => td.textContent));
    expect(rows).toEqual([
      ['78001002030', '8-800', '', '2026-01-01', '…'],
      ['74951230000', 'Виртуальный офис', '3', '2026-01-01', '2026-07-01'],
    ]);
  });

  it('assigns a virtual-office number with its channels, which are required', async () => {
    document.cookie = 'XSRF-TOKEN=num-tok; path=/';
    const seen = mockFetch((req) =>
      req.method === 'POST' ? { status: 201, body: { ...(req.body as object) } } : { body: {} },
    );
    const onAssigned = renderForm();
    expect(screen.queryByTestId('assign-channels')).toBeNull(); // an 8-800 number has no channels
    chooseKind('Виртуальный офис');
    type('assign-number', '73833120000');
    type('assign-validFrom', '2026-04-01');

    fireEvent.click(screen.getByRole('button', { name: 'Закрепить' }));
    expect(await screen.findByText('Номеру виртуального офиса нужен хотя бы 1 канал')).toBeTruthy();
    type('assign-channels', '0');
    fireEvent.click(screen.getByRole('button', { name: 'Закрепить' }));
    expect(await screen.findByText('Номеру виртуального офиса нужен хотя бы 1 канал')).toBeTruthy();
    expect(seen.filter((r) => r.method === 'POST')).toHaveLength(0);

    type('assign-channels', '4');
    fireEvent.click(screen.getByRole('button', { name: 'Закрепить' }));
    await waitFor(() => expect(onAssigned).toHaveBeenCalled());
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.url.pathname).toBe('/api/v1/accounts/ACC-1002/numbers');
    expect(post.headers.get('X-XSRF-TOKEN')).toBe('num-tok');
    expect(post.body).toStrictEqual({ number: '73833120000', validFrom: '2026-04-01', kind: 'VIRTUAL_OFFICE', channels: 4 });
  });

  it('assigns an 8-800 number without channels and shows a refusal under its field', async () => {
    document.cookie = 'XSRF-TOKEN=num-tok; path=/';
    const seen = mockFetch((req) =>
      req.method === 'POST'
        ? {
            status: 409,
            contentType: 'application/problem+json',
            body: { title: 'Конфликт', status: 409, errors: [{ field: 'number', message: 'номер занят другим счётом' }] },
          }
        : { body: {} },
    );
    const onAssigned = renderForm();
    type('assign-number', '78005553535');
    type('assign-validFrom', '2026-04-01');
    type('assign-validTo', '2026-05-01');
    fireEvent.click(screen.getByRole('button', { name: 'Закрепить' }));
    expect(await screen.findByText('номер занят другим счётом')).toBeTruthy();
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.body).toStrictEqual({ number: '78005553535', validFrom: '2026-04-01', validTo: '2026-05-01', kind: 'TOLL_FREE_800' });
    expect(onAssigned).not.toHaveBeenCalled();
    expect(screen.getByTestId('problem').textContent).toContain('Конфликт');
  });
});
