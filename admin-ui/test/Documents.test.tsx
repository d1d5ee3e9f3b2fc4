import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { AdminContext } from 'react-admin';
import { dataProvider } from '../src/dataProvider';
import { documentQuery } from '../src/documents/dataProvider';
import { i18nProvider } from '../src/i18n/i18nProvider';
import { DocumentRunsPage, previousMonth } from '../src/documents/DocumentRunsPage';
import { mockFetch } from './fetchMock';

const doc = (id: string, account: string, type: string) => ({
  id, packageId: 'p-' + account, kind: 'MONTHLY', type, seller: 'CCB', number: '1', date: '2026-03-31', account,
  month: '2026-03', clientName: 'ООО «Ромашка»', delivery: 'POST', vatRate: '0.22', net: '100.00', vat: '22.00',
  gross: '122.00', sha256: 'ab',
});

describe('documents', () => {
  it('filters, sorts and pages on the server, the total from X-Total-Count', async () => {
    const seen = mockFetch(() => ({ body: [doc('1', 'ACC-1001', 'ACT'), doc('2', 'ACC-1001', 'INVOICE')], headers: { 'X-Total-Count': '7' } }));
    const result = await dataProvider.getList('documents', {
      pagination: { page: 2, perPage: 2 },
      sort: { field: 'clientName', order: 'DESC' },
      filter: { month: '2026-03', account: 'ACC-1001', type: '', q: 'Рома' },
    });
    expect(seen[0].url.pathname).toBe('/api/v1/documents');
    expect(seen[0].url.searchParams.get('month')).toBe('2026-03');
    expect(seen[0].url.searchParams.get('account')).toBe('ACC-1001');
    expect(seen[0].url.searchParams.has('type')).toBe(false);
    expect(seen[0].url.searchParams.get('q')).toBe('Рома');
    expect(seen[0].url.searchParams.get('sort')).toBe('client,desc');
    expect(seen[0].url.searchParams.get('page')).toBe('1');
    expect(seen[0].url.searchParams.get('size')).toBe('2');
    expect(result.total).toBe(7);
    expect(result.data.map((d) => d.type)).toEqual(['ACT', 'INVOICE']);
    expect(documentQuery({ month: ' 2026-04 ' }).month).toBe('2026-04');
  });

  it('the runs page starts a run for the month and shows the jobs with their progress', async () => {
    document.cookie = 'XSRF-TOKEN=run-tok; path=/';
    const job = { id: 'j1', kind: 'DOCUMENT_RUN', state: 'RUNNING', description: 'Documents for 2026-03', done: 5, total: 10, counts: { ISSUED: 5 } };
    const seen = mockFetch((req) => (req.method === 'POST' ? { status: 202, body: job } : { body: [job] }));
    render(
      <AdminContext i18nProvider={i18nProvider}>
        <DocumentRunsPage />
      </AdminContext>,
    );
    expect(previousMonth(new Date(2026, 0, 15))).toBe('2025-12');
    fireEvent.change(screen.getByTestId('run-month'), { target: { value: '2026-03' } });
    fireEvent.click(screen.getByRole('button', { name: 'Запустить' }));
    expect(await screen.findByText('Documents for 2026-03')).toBeTruthy();
    expect(screen.getByText('5 / 10')).toBeTruthy();
    const post = seen.find((r) => r.method === 'POST');
    expect(post?.url.pathname).toBe('/api/v1/documents/runs');
    expect(post?.body).toEqual({ month: '2026-03' });
    expect(post?.headers.get('X-XSRF-TOKEN')).toBe('run-tok');
    expect(screen.getByTestId('delivery-POST').getAttribute('href')).toBe('/api/v1/documents/runs/2026-03/delivery-lists/POST');
  });

  it('the check lists what blocks the run and offers the run dated the run date; the numbering policy is set per seller', async () => {
    document.cookie = 'XSRF-TOKEN=run-tok; path=/';
    const preflight = {
      month: '2026-04', documentDate: '2026-04-30', accounts: 3, toIssue: 2, alreadyIssued: 0, corrections: 0,
      canRun: false, canRunOnRunDate: true,
      problems: [
        { code: 'NUMBERING_ORDER', blocking: true, effect: 'BLOCKS_RUN', seller: 'CCB', field: 'month',
          message: 'в единой последовательности счетов-фактур продавца CCB уже есть № 7 от 05.12.2026' },
        { code: 'CLIENT_DATA', blocking: false, effect: 'SKIPS_ACCOUNT', account: 'ACC-1003', field: 'client.kpp',
          message: 'лицевой счёт ACC-1003 будет пропущен: не хватает client.kpp' },
      ],
    };
    const job = { id: 'j2', kind: 'DOCUMENT_RUN', state: 'RUNNING', description: 'Документы за 2026-04', done: 0, total: 3, counts: {} };
    const seen = mockFetch((req) => {
      if (req.url.pathname === '/api/v1/documents/runs/preflight') return { body: preflight };
      if (req.url.pathname === '/api/v1/numbering-policies') return { body: [{ seller: 'CCB', sellerName: 'ООО «КЦБ»', policy: 'SINGLE' }] };
      if (req.url.pathname === '/api/v1/numbering-policies/CCB') return { body: { seller: 'CCB', policy: 'SEPARATE' } };
      if (req.method === 'POST') return { status: 202, body: job };
      return { body: [] };
    });
    render(
      <AdminContext i18nProvider={i18nProvider}>
        <DocumentRunsPage />
      </AdminContext>,
    );
    fireEvent.change(screen.getByTestId('run-month'), { target: { value: '2026-04' } });
    fireEvent.click(screen.getByRole('button', { name: 'Проверить перед запуском' }));
    expect(await screen.findByText(/уже есть № 7 от 05.12.2026/)).toBeTruthy();
    expect(screen.getByText(/ACC-1003 будет пропущен/)).toBeTruthy();
    expect(screen.getByText('блокирует запуск')).toBeTruthy();
    expect(screen.getByText(/Запуск будет отклонён/)).toBeTruthy();
    expect(seen.find((r) => r.url.pathname === '/api/v1/documents/runs/preflight')?.url.searchParams.get('month')).toBe('2026-04');
    fireEvent.click(screen.getByTestId('run-on-run-date'));
    await screen.findByText('Документы за 2026-04').catch(() => undefined);
    const post = seen.find((r) => r.method === 'POST');
    expect(post?.body).toEqual({ month: '2026-04', documentDate: 'RUN_DATE' });

    const select = await screen.findByTestId('policy-CCB');
    fireEvent.change(select, { target: { value: 'SEPARATE' } });
    await new Promise((r) => setTimeout(r, 0));
    const put = seen.find((r) => r.method === 'PUT');
    expect(put?.url.pathname).toBe('/api/v1/numbering-policies/CCB');
    expect(put?.body).toEqual({ policy: 'SEPARATE' });
  });

  it('one account\'s package is issued for the month; a numbering refusal offers the documents dated the day of issue', async () => {
    document.cookie = 'XSRF-TOKEN=run-tok; path=/';
    const refused = {
      title: 'Конфликт', status: 409,
      detail: 'номера идут по порядку дат: в последовательности VAT_INVOICE продавца CCB уже есть номер 7 от 2026-12-05',
      errors: [{ field: 'date', message: 'номера идут по порядку дат' }],
    };
    const issued = {
      packageId: 'p1',
      documents: [{ ...doc('d1', 'ACC-1001', 'INVOICE'), month: '2026-04', number: '12', date: '2026-12-05' },
        { ...doc('d2', 'ACC-1001', 'ACT'), month: '2026-04', number: '2026-000013', date: '2026-12-05' }],
    };
    const seen = mockFetch((req) => {
      if (req.url.pathname === '/api/v1/documents/packages') {
        const body = req.body as { documentDate?: string };
        return body.documentDate === 'RUN_DATE' ? { status: 201, body: issued } : { status: 409, body: refused };
      }
      return { body: [] };
    });
    render(
      <AdminContext i18nProvider={i18nProvider}>
        <DocumentRunsPage />
      </AdminContext>,
    );
    fireEvent.change(screen.getByTestId('run-month'), { target: { value: '2026-04' } });
    expect(screen.queryByTestId('issue-on-issue-date')).toBeNull();
    fireEvent.change(screen.getByTestId('issue-account'), { target: { value: 'ACC-1001' } });
    fireEvent.click(screen.getByRole('button', { name: /Выставить за/ }));
    expect(await screen.findByText(/уже есть номер 7/)).toBeTruthy();
    const posts = () => seen.filter((r) => r.method === 'POST' && r.url.pathname === '/api/v1/documents/packages');
    expect(posts()[0].body).toEqual({ account: 'ACC-1001', month: '2026-04' });
    fireEvent.click(screen.getByTestId('issue-on-issue-date'));
    expect(await screen.findByTestId('issued-package')).toBeTruthy();
    expect(posts()[1].body).toEqual({ account: 'ACC-1001', month: '2026-04', documentDate: 'RUN_DATE' });
    expect(posts()[1].headers.get('X-XSRF-TOKEN')).toBe('run-tok');
    expect(screen.getByTestId('issued-package').textContent).toContain('Акт № 2026-000013 от 05.12.2026');
  });
});
