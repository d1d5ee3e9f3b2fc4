import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { AdminContext, ResourceContextProvider } from 'react-admin';
import { dataProvider } from '../src/dataProvider';
import { i18nProvider } from '../src/i18n/i18nProvider';
import { CdrShow } from '../src/cdrs/screens';
import { mockFetch } from './fetchMock';

const ratedCdr = {
  source: 'e2e',
  cdrId: 'call-1',
  status: 'RATED',
  callType: 'INBOUND_800',
  startTime: '2026-03-10T07:15:00Z',
  caller: '79161234567',
  called: '78005553535',
  durationSec: 295,
  account: 'ACC-800',
  tariff: 'INBOUND_STD',
  tariffVersion: 3,
  total: '91.68',
  currency: 'RUB',
  lines: [
    { component: 'IVR', stage: 0, billedSeconds: 35, rate: '1.20', amount: '0.70', note: 'ivr per minute' },
    { component: 'OPERATOR', stage: 1, billedSeconds: 200, rate: '21.60', amount: '72.00', note: 'operator MSK' },
    { component: 'POST', stage: 2, billedSeconds: 60, rate: '18.98', amount: '18.98' },
  ],
};

describe('CdrShow', () => {
  it('shows the header fields, the charge lines and the total', async () => {
    const seen = mockFetch(() => ({ body: ratedCdr }));
    render(
      <AdminContext dataProvider={dataProvider} i18nProvider={i18nProvider}>
        <ResourceContextProvider value="cdrs">
          <CdrShow id="e2e/call-1" />
        </ResourceContextProvider>
      </AdminContext>,
    );

    const table = await screen.findByTestId('charge-lines');
    expect(seen[0].url.pathname).toBe('/api/v1/cdrs/e2e/call-1');

    // Russian column headers
    const headers = within(table).getAllByRole('columnheader').map((th) => th.textContent);
    expect(headers).toEqual(['Компонент', 'Этап', 'Оплачено, с', 'Тариф', 'Сумма', 'Примечание']);

    const rows = within(table).getAllByTestId('charge-line').map((tr) =>
      within(tr).getAllByRole('cell').map((td) => td.textContent),
    );
    expect(rows).toEqual([
      // components by name, not code (issue 15: no raw codes shown to a user)
      ['Голосовое меню (IVR)', '1', '35', '1,20', '0,70\u00a0₽', 'ivr per minute'],
      ['Работа оператора', '2', '200', '21,60', '72,00\u00a0₽', 'operator MSK'],
      ['Постобработка', '3', '60', '18,98', '18,98\u00a0₽', ''],
    ]);
    expect(within(table).getByTestId('charge-total').textContent).toBe('91,68\u00a0₽');

    // header fields
    // the account and the tariff version that priced the call are links to their pages
    expect(screen.getByTestId('cdr-tariff-link').textContent).toBe('Тариф INBOUND_STD, версия 3');
    expect(screen.getByTestId('cdr-tariff-link').getAttribute('href')).toBe('#/tariffs/INBOUND_STD/versions/3');
    expect(screen.getByTestId('cdr-account-link').textContent).toBe('ACC-800');
    expect(screen.getByTestId('cdr-account-link').getAttribute('href')).toBe('#/accounts/ACC-800/show');
    expect(screen.getByTestId('cdr-total').textContent).toBe('91,68\u00a0₽');
    expect(screen.getByText('Тарифицирован')).toBeTruthy();
  });

  it('shows when and why a reprocessed record was rejected', async () => {
    mockFetch(() => ({
      body: {
        ...ratedCdr,
        reprocessedAt: '2026-03-12T09:00:00Z',
        rejections: [
          { reason: 'UNKNOWN_OPERATOR', detail: 'no operator OP-777', at: '2026-03-10T07:16:00Z' },
          { reason: 'UNKNOWN_OPERATOR', detail: 'no operator OP-777', at: '2026-03-11T08:00:00Z' },
        ],
      },
    }));
    render(
      <AdminContext dataProvider={dataProvider} i18nProvider={i18nProvider}>
        <ResourceContextProvider value="cdrs">
          <CdrShow id="e2e/call-1" />
        </ResourceContextProvider>
      </AdminContext>,
    );

    const history = await screen.findByTestId('rejection-history');
    expect(screen.getByText('История отсева')).toBeTruthy();
    const rows = within(history).getAllByTestId('rejection');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByText('Неизвестный оператор')).toBeTruthy();
    expect(within(rows[1]).getByText('no operator OP-777')).toBeTruthy();
    expect(screen.getByText('Перетарифицирована')).toBeTruthy();
  });
});
