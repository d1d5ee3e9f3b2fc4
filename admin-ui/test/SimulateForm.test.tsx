import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AdminContext } from 'react-admin';
import { i18nProvider } from '../src/i18n/i18nProvider';
import { SimulatePage } from '../src/rating/SimulatePage';
import { buildRecord, CallForm, exampleCall, MAX_PARTICIPANTS } from '../src/rating/CallForm';
import { mockFetch } from './fetchMock';

const renderPage = () =>
  render(
    <AdminContext i18nProvider={i18nProvider}>
      <SimulatePage />
    </AdminContext>,
  );

/** Opens a MUI select by its label and picks the option by its name. */
const choose = (select: HTMLElement, option: string) => {
  fireEvent.mouseDown(select);
  fireEvent.click(within(screen.getByRole('listbox')).getByRole('option', { name: option }));
};

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('SimulatePage form', () => {
  it('builds a CONFERENCE request exactly and shows the server refusal under its participant field', async () => {
    const seen = mockFetch(() => ({
      body: {
        results: [
          {
            source: 'admin-ui',
            cdrId: 'simulate-1',
            outcome: 'REFUSED',
            currency: 'RUB',
            lines: [],
            errors: [{ field: 'participants[2].trunk', message: 'неизвестный транк' }],
          },
        ],
      },
    }));
    document.cookie = 'XSRF-TOKEN=sim-tok; path=/';
    renderPage();
    fireEvent.click(screen.getByRole('tab', { name: 'Форма звонка' }));
    choose(screen.getByRole('combobox', { name: 'Тип звонка' }), 'Аудиоконференция');

    // the conference example: no stages, no called number
    expect(screen.queryByTestId('call-stage')).toBeNull();
    expect(screen.queryByTestId('call-called')).toBeNull();
    expect(screen.getAllByTestId('call-participant')).toHaveLength(2);

    type('call-accountCode', 'ACC-1002');
    type('call-caller', '74951230000');
    type('call-startTime', '2026-03-11T12:00:00+03:00');
    type('participant-0-number', '74959998877');
    type('participant-0-durationSec', '61');
    fireEvent.click(screen.getByRole('button', { name: 'Добавить участника' }));
    expect(screen.getAllByTestId('call-participant')).toHaveLength(3);
    type('participant-2-number', '79031112233');
    choose(within(screen.getAllByTestId('call-participant')[2]).getByRole('combobox', { name: 'Направление' }), 'Исходящий');
    type('participant-2-durationSec', '125');
    type('participant-2-trunk', 'TRUNK-X');

    fireEvent.click(screen.getByRole('button', { name: 'Рассчитать' }));
    await screen.findByTestId('simulate-results');

    expect(seen).toHaveLength(1);
    expect(seen[0].url.pathname).toBe('/api/v1/rating/simulate');
    expect(seen[0].headers.get('Accept-Language')).toBe('ru');
    expect(seen[0].body).toStrictEqual({
      records: [
        {
          source: 'admin-ui',
          cdrId: 'simulate-1',
          callType: 'CONFERENCE',
          startTime: '2026-03-11T12:00:00+03:00',
          caller: '74951230000',
          accountCode: 'ACC-1002',
          participants: [
            { number: '74959998877', direction: 'DIAL_IN', durationSec: 61 },
            { number: '79161234567', direction: 'DIAL_OUT', durationSec: 540, trunk: 'TRUNK-A' },
            { number: '79031112233', direction: 'DIAL_OUT', durationSec: 125, trunk: 'TRUNK-X' },
          ],
        },
      ],
    });

    // the refusal is next to the field it names
    const third = screen.getAllByTestId('call-participant')[2];
    expect(within(third).getByText('неизвестный транк')).toBeTruthy();
    expect(within(screen.getAllByTestId('call-participant')[0]).queryByText('неизвестный транк')).toBeNull();
  }, 20_000);

  it('a participant can be removed, never the last one', () => {
    mockFetch(() => ({ body: {} }));
    renderPage();
    fireEvent.click(screen.getByRole('tab', { name: 'Форма звонка' }));
    choose(screen.getByRole('combobox', { name: 'Тип звонка' }), 'Аудиоконференция');
    const remove = () => within(screen.getAllByTestId('call-participant')[0]).getByRole('button', { name: 'Удалить' });
    fireEvent.click(remove());
    expect(screen.getAllByTestId('call-participant')).toHaveLength(1);
    expect((remove() as HTMLButtonElement).disabled).toBe(true);
  });

  it('at most 50 participants', () => {
    const participant = { number: '74951112233', direction: 'DIAL_IN' as const, durationSec: '60', trunk: '' };
    const at = (n: number) => {
      const { unmount } = render(
        <AdminContext i18nProvider={i18nProvider}>
          <CallForm
            value={{ ...exampleCall('CONFERENCE'), participants: Array.from({ length: n }, () => participant) }}
            onChange={() => undefined}
            errors={{}}
          />
        </AdminContext>,
      );
      const disabled = (screen.getByRole('button', { name: 'Добавить участника' }) as HTMLButtonElement).disabled;
      unmount();
      return disabled;
    };
    expect(MAX_PARTICIPANTS).toBe(50);
    expect(at(49)).toBe(false);
    expect(at(50)).toBe(true);
  }, 20_000);

  it('shows a problem answer’s field errors under the fields (records[0]. prefix dropped)', async () => {
    mockFetch(() => ({
      status: 400,
      contentType: 'application/problem+json',
      body: {
        title: 'Некорректный запрос',
        status: 400,
        errors: [
          { field: 'records[0].surveyCompleted', message: 'анкета не может быть заполнена при длительности 0' },
          { field: 'records[0].stages[0].durationSec', message: 'должно быть не меньше 0' },
        ],
      },
    }));
    renderPage();
    fireEvent.click(screen.getByRole('tab', { name: 'Форма звонка' }));
    choose(screen.getByRole('combobox', { name: 'Тип звонка' }), 'Телефонный опрос');
    expect((screen.getByTestId('call-surveyCompleted') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Рассчитать' }));
    await screen.findByTestId('problem');
    const stage = screen.getAllByTestId('call-stage')[0];
    expect(within(stage).getByText('должно быть не меньше 0')).toBeTruthy();
    expect(screen.getAllByText('анкета не может быть заполнена при длительности 0').length).toBeGreaterThan(0);
  });

  it('"show as JSON" puts the built request into the JSON editor', async () => {
    mockFetch(() => ({ body: {} }));
    renderPage();
    fireEvent.click(screen.getByRole('tab', { name: 'Форма звонка' }));
    choose(screen.getByRole('combobox', { name: 'Тип звонка' }), 'Автоинформирование');
    fireEvent.click(screen.getByRole('button', { name: 'Показать как JSON' }));
    await waitFor(() => expect(screen.getByTestId('simulate-request')).toBeTruthy());
    const json = JSON.parse((screen.getByTestId('simulate-request') as HTMLTextAreaElement).value);
    expect(json.records[0]).toMatchObject({ callType: 'INFORMING', accountCode: 'ACC-1001', trunk: 'TRUNK-A' });
  });
});

describe('buildRecord', () => {
  it('sends only the fields of each call type', () => {
    expect(buildRecord(exampleCall('VIRTUAL_OFFICE'))).toStrictEqual({
      source: 'admin-ui',
      cdrId: 'simulate-1',
      callType: 'VIRTUAL_OFFICE',
      startTime: '2026-03-10T10:15:00+03:00',
      caller: '79161234567',
      called: '74951230000',
      stages: [
        { type: 'IVR', durationSec: 20 },
        { type: 'OPERATOR', durationSec: 120, operatorId: 'OP-102' },
      ],
    });
    expect(buildRecord({ ...exampleCall('VIRTUAL_OFFICE'), forwardedTo: '79031234567', trunk: 'TRUNK-B' })).toMatchObject({
      forwardedTo: '79031234567',
      trunk: 'TRUNK-B',
    });
    const survey = buildRecord({ ...exampleCall('SURVEY'), surveyCompleted: false });
    expect(survey).toMatchObject({ callType: 'SURVEY', accountCode: 'ACC-1001', called: '79161234567', trunk: 'TRUNK-A', surveyCompleted: false });
    expect(survey).not.toHaveProperty('participants');
    const informing = buildRecord(exampleCall('INFORMING'));
    expect(informing).toMatchObject({ callType: 'INFORMING', accountCode: 'ACC-1001', called: '79161234567', trunk: 'TRUNK-A' });
    expect(informing).not.toHaveProperty('surveyCompleted');
    // an emptied field is left out for the server to name
    expect(buildRecord({ ...exampleCall('SURVEY'), trunk: ' ' })).not.toHaveProperty('trunk');
  });
});
