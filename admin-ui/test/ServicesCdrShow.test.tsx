import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { AdminContext, ResourceContextProvider } from 'react-admin';
import { dataProvider } from '../src/dataProvider';
import { i18nProvider } from '../src/i18n/i18nProvider';
import { CdrShow } from '../src/cdrs/screens';
import { mockFetch } from './fetchMock';

const participants = [
  { number: '74951112233', direction: 'DIAL_IN', durationSec: 600 },
  { number: '79161234567', direction: 'DIAL_OUT', durationSec: 540, trunk: 'TRUNK-A' },
];

const conference = {
  source: 'bridge-1',
  cdrId: 'conf-1',
  status: 'RATED',
  callType: 'CONFERENCE',
  startTime: '2026-03-10T07:15:00Z',
  caller: '74951230001',
  durationSec: 600,
  account: 'ACC-1001',
  tariff: 'CC-STANDARD-2026',
  tariffVersion: 1,
  total: '30.96',
  currency: 'RUB',
  record: { source: 'bridge-1', cdrId: 'conf-1', callType: 'CONFERENCE', accountCode: 'ACC-1001', participants },
  lines: [
    { component: 'CONFERENCE_PORT', participant: 0, billedSeconds: 600, rate: '1.20', amount: '12.00' },
    { component: 'CONFERENCE_PORT', participant: 1, billedSeconds: 540, rate: '1.20', amount: '10.80' },
    { component: 'CONFERENCE_LEG', participant: 1, billedSeconds: 540, rate: '0.91', amount: '8.16' },
  ],
};

const renderShow = () =>
  render(
    <AdminContext dataProvider={dataProvider} i18nProvider={i18nProvider}>
      <ResourceContextProvider value="cdrs">
        <CdrShow id="bridge-1/conf-1" />
      </ResourceContextProvider>
    </AdminContext>,
  );

const cells = (rows: HTMLElement[]) => rows.map((tr) => within(tr).getAllByRole('cell').map((td) => td.textContent));

describe('CdrShow of the other services', () => {
  it('shows a conference: its participants, each line named and with its participant', async () => {
    mockFetch(() => ({ body: conference }));
    renderShow();

    const table = await screen.findByTestId('participants');
    expect(screen.getByText('Участники конференции')).toBeTruthy();
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      '№', 'Номер', 'Направление', 'Длительность, с', 'Транк',
    ]);
    expect(cells(within(table).getAllByTestId('participant'))).toEqual([
      ['1', '74951112233', 'Входящий', '600', ''],
      ['2', '79161234567', 'Исходящий', '540', 'TRUNK-A'],
    ]);

    const lines = screen.getByTestId('charge-lines');
    expect(within(lines).getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Компонент', 'Этап', 'Участник', 'Оплачено, с', 'Тариф', 'Сумма', 'Примечание',
    ]);
    expect(cells(within(lines).getAllByTestId('charge-line'))).toEqual([
      ['Порт конференции (участник-минута)', '', '1. 74951112233', '600', '1,20', '12,00\u00a0₽', ''],
      ['Порт конференции (участник-минута)', '', '2. 79161234567', '540', '1,20', '10,80\u00a0₽', ''],
      ['Вызов участнику конференции', '', '2. 79161234567', '540', '0,91', '8,16\u00a0₽', ''],
    ]);
    expect(within(lines).getByTestId('charge-total').textContent).toBe('30,96\u00a0₽');
    expect(screen.getByText('Аудиоконференция')).toBeTruthy();
    expect(screen.queryByText('CONFERENCE')).toBeNull();
    expect(screen.queryByText('CONFERENCE_PORT')).toBeNull();
    expect(screen.queryByTestId('survey-completed')).toBeNull();
  });

  it('shows whether a survey questionnaire was completed, and no participants', async () => {
    mockFetch(() => ({
      body: {
        ...conference,
        callType: 'SURVEY',
        called: '79161234567',
        record: { callType: 'SURVEY', surveyCompleted: true },
        lines: [{ component: 'SURVEY_COMPLETED', billedSeconds: 0, rate: '15.00', amount: '15.00' }],
        total: '15.00',
      },
    }));
    renderShow();
    expect((await screen.findByTestId('survey-completed')).textContent).toBe('Анкета заполнена: да');
    expect(screen.getByText('Телефонный опрос')).toBeTruthy();
    expect(screen.queryByTestId('participants')).toBeNull();
    const line = screen.getByTestId('charge-line');
    expect(within(line).getAllByRole('cell')[0].textContent).toBe('Заполненная анкета');
    // no participant on any line: no participant column
    expect(within(screen.getByTestId('charge-lines')).queryByText('Участник')).toBeNull();
  });

  it('a survey without a completed questionnaire says no', async () => {
    mockFetch(() => ({ body: { ...conference, callType: 'SURVEY', record: { callType: 'SURVEY' }, lines: [] } }));
    renderShow();
    expect((await screen.findByTestId('survey-completed')).textContent).toBe('Анкета заполнена: нет');
  });
});
