import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { AdminContext } from 'react-admin';
import { i18nProvider } from '../src/i18n/i18nProvider';
import { MonthCockpit, monthBounds, nextStep, previousMonth } from '../src/cockpit/MonthCockpit';
import { mockFetch } from './fetchMock';

describe('month cockpit', () => {
  it('works on the previous Moscow month and its Moscow bounds', () => {
    expect(previousMonth(new Date('2026-12-04T12:00:00Z'))).toBe('2026-11');
    // 31 Dec 22:30 UTC is already 1 January in Moscow
    expect(previousMonth(new Date('2026-12-31T22:30:00Z'))).toBe('2026-12');
    expect(previousMonth(new Date('2026-01-15T12:00:00Z'))).toBe('2025-12');
    expect(monthBounds('2026-12')).toEqual({ from: '2026-12-01T00:00:00+03:00', to: '2027-01-01T00:00:00+03:00' });
  });

  it('names the next step in order: rejects, close, documents, delivery', () => {
    const closed = { month: '2026-03', state: 'CLOSED' as const, closedAccounts: 2, accounts: 2 };
    expect(nextStep({ rejects: 3, period: closed, documents: 0 })).toBe('rejects');
    expect(nextStep({ rejects: 0, period: { ...closed, state: 'PARTIALLY_CLOSED' }, documents: 0 })).toBe('close');
    expect(nextStep({ rejects: 0, period: closed, documents: 0 })).toBe('documents');
    expect(nextStep({ rejects: 0, period: closed, documents: 6 })).toBe('delivery');
  });

  it('shows the month with its counts and the next action', async () => {
    const seen = mockFetch(({ url }) => {
      if (url.pathname === '/api/v1/rejects') return { body: { items: [], total: 0, page: 0, size: 1, countsByReason: {} } };
      if (url.pathname.endsWith('/audit'))
        return { body: [{ id: 1, month: '2026-11', action: 'CLOSED', actor: 'finance', at: '2026-12-01T09:00:00Z' }] };
      if (url.pathname.startsWith('/api/v1/periods/'))
        return { body: { month: '2026-11', state: 'CLOSED', closedAccounts: 3, accounts: 3 } };
      if (url.pathname === '/api/v1/documents') return { body: [] };
      return { status: 404, body: {} };
    });
    render(
      <MemoryRouter>
        <AdminContext i18nProvider={i18nProvider}>
          <MonthCockpit />
        </AdminContext>
      </MemoryRouter>,
    );
    const next = await screen.findByTestId('cockpit-next');
    expect(next.getAttribute('data-step')).toBe('documents');
    expect(next.textContent).toContain('Месяц закрыт: выпустите документы.');
    expect(screen.getByTestId('cockpit-step-close').textContent).toContain('Закрыт: закрыто счетов 3 из 3');
    expect(screen.getByTestId('cockpit-step-rejects').getAttribute('data-done')).toBe('true');
    await waitFor(() => expect(screen.getByTestId('cockpit-audit').textContent).toContain('Закрытие завершено'));
    const rejects = seen.find((r) => r.url.pathname === '/api/v1/rejects')!;
    expect(rejects.url.searchParams.get('from')).toMatch(/-01T00:00:00\+03:00$/);
  });
});
