import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AdminContext, ResourceContextProvider } from 'react-admin';
import { dataProvider } from '../src/dataProvider';
import { rejectQuery } from '../src/rejects/dataProvider';
import { i18nProvider } from '../src/i18n/i18nProvider';
import { RejectList } from '../src/rejects/screens';
import { mockFetch, type Seen } from './fetchMock';

const rejected = (cdrId: string, reason: string, reasonDetail: string) => ({
  source: 'pbx-msk-1',
  cdrId,
  callType: 'INBOUND_800',
  startTime: '2026-03-10T07:15:00Z',
  caller: '79161234567',
  called: '78005553535',
  account: 'ACC-1001',
  reason,
  reasonDetail,
});

const page = {
  items: [rejected('c-2', 'UNKNOWN_OPERATOR', 'no operator OP-999'), rejected('c-1', 'NO_RATE', 'no destination class')],
  total: 2,
  page: 0,
  size: 25,
  countsByReason: { UNKNOWN_OPERATOR: 1, NO_RATE: 1 },
};

const renderList = () =>
  render(
    <AdminContext dataProvider={dataProvider} i18nProvider={i18nProvider}>
      <ResourceContextProvider value="rejects">
        <RejectList />
      </ResourceContextProvider>
    </AdminContext>,
  );

describe('the rejects queue', () => {
  it('maps its filters to the query of GET /api/v1/rejects', () => {
    expect(
      rejectQuery({
        pagination: { page: 2, perPage: 10 },
        filter: { reason: 'NO_RATE', source: 'pbx', account: '', from: '2026-03-01T00:00:00+03:00' },
      }),
    ).toEqual({ page: 1, size: 10, reason: 'NO_RATE', source: 'pbx', from: '2026-02-28T21:00:00.000Z' });
  });

  it('lists rejected records with their reasons, counts them by reason, and reprocesses the selected ones', async () => {
    const seen = mockFetch((req: Seen) => {
      if (req.method === 'POST') return { body: { selected: 1, rated: 1, stillRejected: 0, byReason: {} } };
      return { body: page };
    });
    renderList();

    expect(await screen.findByText('no operator OP-999')).toBeTruthy();
    const chips = await screen.findByTestId('reason-chips');
    expect(within(chips).getByText('Все: 2')).toBeTruthy();
    expect(within(chips).getByText('Неизвестный оператор: 1')).toBeTruthy();
    expect(within(chips).getByText('Нет расценки: 1')).toBeTruthy();
    expect(screen.getAllByText('Неизвестный оператор').length).toBeGreaterThan(0);

    const row = screen.getByText('c-2').closest('tr')!;
    fireEvent.click(within(row).getByRole('checkbox'));
    fireEvent.click(await screen.findByRole('button', { name: 'Перетарифицировать' }));

    const result = await screen.findByTestId('reprocess-result');
    await waitFor(() => expect(within(result).getByTestId('result-rated').textContent).toBe('Теперь тарифицированы1'));
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.url.pathname).toBe('/api/v1/rejects/reprocess');
    expect(post.body).toEqual({ ids: [{ source: 'pbx-msk-1', cdrId: 'c-2' }] });
  });

  it('a chip chooses the reason, and a large reprocessing of that reason is followed as a job', async () => {
    const seen = mockFetch((req: Seen) => {
      if (req.method === 'POST') {
        return { status: 202, body: { id: 'j-1', kind: 'REJECT_REPROCESS', state: 'RUNNING', done: 0, total: 1500, counts: {} } };
      }
      if (req.url.pathname === '/api/v1/jobs/j-1') {
        return {
          body: {
            id: 'j-1',
            kind: 'REJECT_REPROCESS',
            state: 'SUCCEEDED',
            done: 1500,
            total: 1500,
            counts: { RATED: 1400, REJECTED: 100 },
            result: { selected: 1500, rated: 1400, stillRejected: 100, byReason: { UNKNOWN_OPERATOR: 100 } },
          },
        };
      }
      return { body: page };
    });
    renderList();

    fireEvent.click(await screen.findByTestId('reason-chip-UNKNOWN_OPERATOR'));
    await waitFor(() =>
      expect(seen.some((r) => r.url.pathname === '/api/v1/rejects' && r.url.searchParams.get('reason') === 'UNKNOWN_OPERATOR')).toBe(true),
    );
    fireEvent.click(await screen.findByRole('button', { name: /Перетарифицировать все: Неизвестный оператор/ }));
    // a mass action asks first, naming how many records it re-rates
    expect((await screen.findByTestId('confirm-consequence')).textContent).toMatch(/Будут заново протарифицированы \d+ запис/);
    expect(seen.some((r) => r.method === 'POST')).toBe(false);
    fireEvent.click(screen.getByTestId('confirm-action'));

    const result = await screen.findByTestId('reprocess-result');
    await waitFor(() => expect(within(result).getByTestId('result-still_rejected').textContent).toBe('По-прежнему отклонены100'), {
      timeout: 3000,
    });
    expect(within(result).getByTestId('result-UNKNOWN_OPERATOR').textContent).toBe('Неизвестный оператор100');
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.body).toEqual({ reason: 'UNKNOWN_OPERATOR' });
  });
});
