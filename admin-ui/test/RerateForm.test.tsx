import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { AdminContext } from 'react-admin';
import { i18nProvider } from '../src/i18n/i18nProvider';
import { RerateForm } from '../src/periods/RerateForm';
import { mockFetch } from './fetchMock';

const result = (applied: boolean) => ({
  month: '2026-07',
  account: 'ACC-1001',
  tariff: 'CC-STANDARD-2026',
  tariffVersion: 2,
  closed: true,
  applied,
  records: 3,
  unrated: [],
  corrections: applied ? 2 : 0,
  bookedIn: applied ? '2026-11' : undefined,
  differences: [
    { kind: 'USAGE', service: 'INBOUND_800', component: 'NETWORK', oldAmount: '14.00', newAmount: '12.40', difference: '-1.60' },
    { kind: 'PARTNER_ACCRUAL', component: 'NETWORK', oldAmount: '4.90', newAmount: '4.34', difference: '-0.56' },
  ],
});

beforeEach(() => {
  document.cookie = 'XSRF-TOKEN=tok; path=/';
});

describe('RerateForm', () => {
  it('previews the differences, then applies exactly what was previewed', async () => {
    const all = mockFetch((req) =>
      req.method === 'GET'
        ? { body: [{ account: 'ACC-1001', client: 'ООО «Ромашка»' }, { account: 'ACC-1002', client: 'АО «Вектор»' }] }
        : { body: result((req.body as { apply: boolean }).apply) },
    );
    const posts = () => all.filter((r) => r.method === 'POST');
    const onApplied = vi.fn();
    render(
      <AdminContext i18nProvider={i18nProvider}>
        <RerateForm month="2026-07" onApplied={onApplied} />
      </AdminContext>,
    );
    const apply = screen.getByRole('button', { name: 'Применить' }) as HTMLButtonElement;
    expect(apply.disabled).toBe(true);
    // the account is picked from the accounts that exist
    fireEvent.change(screen.getByTestId('rerate-account'), { target: { value: 'Ромаш' } });
    fireEvent.click(await screen.findByRole('option', { name: 'ACC-1001 — ООО «Ромашка»' }));
    fireEvent.change(screen.getByTestId('rerate-version'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Предпросмотр' }));

    const rows = await screen.findAllByTestId('rerate-difference');
    expect(within(rows[0]).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      'Услуги связи', 'Входящие вызовы на 8-800', 'Сетевая минута', '14,00\u00a0₽', '12,40\u00a0₽', '−1,60\u00a0₽',
    ]);
    expect(within(rows[1]).getAllByRole('cell')[0].textContent).toBe('Партнёрское начисление');
    expect(posts()[0].url.pathname).toBe('/api/v1/periods/2026-07/rerate');
    expect(posts()[0].body).toEqual({ account: 'ACC-1001', tariffVersion: 2, apply: false });

    expect(apply.disabled).toBe(false);
    fireEvent.change(screen.getByTestId('rerate-version'), { target: { value: '3' } });
    expect(apply.disabled).toBe(true); // another choice needs its own preview
    fireEvent.change(screen.getByTestId('rerate-version'), { target: { value: '2' } });
    fireEvent.click(apply);
    fireEvent.click(await screen.findByTestId('confirm-action'));
    expect(await screen.findByText('Корректировок проведено: 2, в периоде ноябрь 2026.')).toBeTruthy();
    expect(posts()[1].body).toEqual({ account: 'ACC-1001', tariffVersion: 2, apply: true });
    expect(onApplied).toHaveBeenCalled();
  });
});
