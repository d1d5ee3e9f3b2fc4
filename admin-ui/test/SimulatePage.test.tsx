import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { AdminContext } from 'react-admin';
import { i18nProvider } from '../src/i18n/i18nProvider';
import { EXAMPLE_REQUEST, SimulatePage } from '../src/rating/SimulatePage';
import { mockFetch } from './fetchMock';

const renderPage = () =>
  render(
    <AdminContext i18nProvider={i18nProvider}>
      <SimulatePage />
    </AdminContext>,
  );

describe('SimulatePage', () => {
  it('posts the prefilled example with the XSRF header and shows results with lines', async () => {
    document.cookie = 'XSRF-TOKEN=sim-tok; path=/';
    const seen = mockFetch(() => ({
      body: {
        results: [
          {
            source: 'admin-ui',
            cdrId: 'simulate-1',
            outcome: 'RATED',
            status: 'RATED',
            total: '91.68',
            currency: 'RUB',
            lines: [{ component: 'OPERATOR', stage: 1, billedSeconds: 200, rate: '21.60', amount: '72.00' }],
          },
        ],
      },
    }));
    renderPage();
    const request = screen.getByTestId('simulate-request') as HTMLTextAreaElement;
    expect(JSON.parse(request.value)).toEqual(EXAMPLE_REQUEST);
    expect(EXAMPLE_REQUEST.records[0]).toMatchObject({
      callType: 'INBOUND_800',
      caller: '79161234567',
      called: '78005553535',
      startTime: '2026-03-10T10:15:00+03:00',
    });

    fireEvent.click(screen.getByRole('button', { name: 'Рассчитать' }));
    const results = await screen.findByTestId('simulate-results');

    expect(seen).toHaveLength(1);
    expect(seen[0].method).toBe('POST');
    expect(seen[0].url.pathname).toBe('/api/v1/rating/simulate');
    expect(seen[0].headers.get('X-XSRF-TOKEN')).toBe('sim-tok');
    expect(seen[0].body).toEqual(EXAMPLE_REQUEST);

    expect(within(results).getAllByText('Тарифицирован')).toHaveLength(2); // outcome and status
    const line = within(results).getByTestId('charge-line');
    expect(within(line).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Работа оператора', '2', '200', '21,60', '72,00\u00a0₽', '']);
    expect(within(results).getByTestId('charge-total').textContent).toBe('91,68\u00a0₽');
  });

  it('shows a problem+json answer with title, detail and each field error', async () => {
    mockFetch(() => ({
      status: 400,
      contentType: 'application/problem+json',
      body: {
        title: 'Bad Request',
        status: 400,
        detail: 'Validation failed',
        errors: [
          { field: 'records[0].stages[0].durationSec', message: 'must be 0 or more' },
          { field: 'records[0].caller', message: 'must not be blank' },
        ],
      },
    }));
    renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Рассчитать' }));
    const problem = await screen.findByTestId('problem');
    expect(problem.textContent).toContain('Bad Request (400)');
    expect(problem.textContent).toContain('Validation failed');
    const items = within(problem).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'records[0].stages[0].durationSec: must be 0 or more',
      'records[0].caller: must not be blank',
    ]);
  });

  it('reports invalid JSON without calling the API', async () => {
    const seen = mockFetch(() => ({ body: {} }));
    renderPage();
    fireEvent.change(screen.getByTestId('simulate-request'), { target: { value: '{"records": [' } });
    fireEvent.click(screen.getByRole('button', { name: 'Рассчитать' }));
    const problem = await screen.findByTestId('problem');
    expect(problem.textContent).toContain('Запрос не является корректным JSON');
    expect(seen).toHaveLength(0);
  });
});
