import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AdminContext } from 'react-admin';
import { i18nProvider } from '../src/i18n/i18nProvider';
import { PeriodActions } from '../src/periods/PeriodActions';
import { mockFetch } from './fetchMock';

const renderActions = (state: string, onChange = vi.fn()) => {
  render(
    <AdminContext i18nProvider={i18nProvider}>
      <PeriodActions month="2026-03" state={state} onChange={onChange} />
    </AdminContext>,
  );
  return onChange;
};

beforeEach(() => {
  document.cookie = 'XSRF-TOKEN=tok; path=/';
});

describe('PeriodActions', () => {
  it('closes the period and follows its job until it succeeds', async () => {
    const seen = mockFetch((req) => {
      if (req.url.pathname === '/api/v1/periods/2026-03/close') {
        return { status: 202, body: { id: 'j-1', kind: 'PERIOD_CLOSE', state: 'RUNNING', done: 0, counts: {} } };
      }
      if (req.url.pathname === '/api/v1/jobs/j-1') {
        return { body: { id: 'j-1', kind: 'PERIOD_CLOSE', state: 'SUCCEEDED', done: 2, total: 2, counts: { CLOSED: 2 } } };
      }
      return { status: 404, body: {} };
    });
    const onChange = renderActions('OPEN');
    expect((screen.getByRole('button', { name: 'Переоткрыть' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Закрыть по всем счетам' }));
    // nothing is sent before the person confirms the consequence
    expect((await screen.findByTestId('confirm-consequence')).textContent).toContain('Будут закрыты все счета за март 2026');
    expect(seen).toHaveLength(0);
    fireEvent.click(screen.getByTestId('confirm-action'));
    const done = await screen.findByTestId('job-done');
    expect(done.textContent).toBe('Закрыто счетов: 2');
    expect(seen[0].method).toBe('POST');
    expect(seen[0].body).toEqual({});
    expect(onChange).toHaveBeenCalled();
  });

  it('closes only the accounts chosen from the list, and shows a refusal as the server said it', async () => {
    const all = mockFetch((req) =>
      req.method === 'GET'
        ? { body: [{ account: 'ACC-1001', client: 'ООО «Ромашка»' }, { account: 'ACC-1002', client: 'АО «Вектор»' }] }
        : {
            status: 409,
            contentType: 'application/problem+json',
            body: { title: 'Conflict', status: 409, detail: 'the period 2026-03 is already closed for ACC-1001; reopen it first' },
          },
    );
    renderActions('PARTIALLY_CLOSED');
    fireEvent.click(screen.getByRole('button', { name: 'Закрыть по части счетов' }));
    const input = await screen.findByTestId('dialog-accounts');
    for (const name of ['ACC-1001 — ООО «Ромашка»', 'ACC-1002 — АО «Вектор»']) {
      fireEvent.change(input, { target: { value: name.slice(0, 8) } });
      fireEvent.click(await screen.findByRole('option', { name }));
    }
    fireEvent.click(screen.getByRole('button', { name: 'Закрыть' }));
    const problem = await screen.findByTestId('problem');
    expect(problem.textContent).toContain('already closed for ACC-1001');
    expect(all.find((r) => r.method === 'POST')!.body).toEqual({ accounts: ['ACC-1001', 'ACC-1002'] });
  });

  it('reopens only with a reason, which it sends, warning first of the documents already issued', async () => {
    const all = mockFetch((req) =>
      req.url.pathname === '/api/v1/documents'
        ? { body: [{ id: 'd1' }, { id: 'd2' }, { id: 'd3' }] }
        : { body: { month: '2026-03', state: 'OPEN', closedAccounts: 0, accounts: 2 } },
    );
    const onChange = renderActions('CLOSED');
    expect((screen.getByRole('button', { name: 'Закрыть по всем счетам' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Переоткрыть' }));
    const input = await screen.findByTestId('dialog-text');
    expect((await screen.findByTestId('reopen-documents')).textContent).toContain('уже выпущены 3 документа');
    expect(all[0].url.searchParams.get('month')).toBe('2026-03');
    const buttons = screen.getAllByRole('button', { name: 'Переоткрыть' });
    const confirm = buttons[buttons.length - 1] as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(input, { target: { value: '   ' } });
    expect(confirm.disabled).toBe(true);
    fireEvent.change(input, { target: { value: 'забыли разовую услугу' } });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    await waitFor(() => expect(onChange).toHaveBeenCalled());
    const seen = all.filter((r) => r.method === 'POST');
    expect(seen[0].url.pathname).toBe('/api/v1/periods/2026-03/reopen');
    expect(seen[0].body).toEqual({ reason: 'забыли разовую услугу' });
  });
});
