import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { AdminContext } from 'react-admin';
import { dataProvider } from '../src/dataProvider';
import { i18nProvider } from '../src/i18n/i18nProvider';
import { callsExportUrl, isClient, monthZipUrl, rubles } from '../src/portal/api';
import { PortalDashboard } from '../src/portal/PortalDashboard';
import { PortalCalls } from '../src/portal/PortalCalls';
import { PortalDocuments } from '../src/portal/PortalDocuments';
import { InviteForm } from '../src/portal/PortalColleagues';
import { mockFetch } from './fetchMock';

const inPortal = (node: React.ReactNode) => render(
  <AdminContext dataProvider={dataProvider} i18nProvider={i18nProvider}>{node}</AdminContext>,
);

const accounts = [{ code: 'ACC-1001', clientName: 'ООО «Ромашка»', home: true }];

const dashboard = {
  account: 'ACC-1001', clientName: 'ООО «Ромашка»', month: '2026-12',
  balance: { net: '1000.00', vat: '220.00', paid: '1220.00', balance: '0.00', currency: 'RUB' },
  usage: [{ service: 'INBOUND_800', amount: '91.68', calls: 1 }], usageTotal: '91.68',
  lastInvoice: { id: 'inv-1', number: '2026-000042', date: '2026-03-31', month: '2026-03', gross: '1220.00', paid: true },
  days: [{ date: '2026-12-01', calls: 0, amount: '0.00' }, { date: '2026-12-02', calls: 3, amount: '275.04' }],
};

const call = {
  source: 'pbx-msk-1', cdrId: 'g01', startTime: '2026-03-10T07:15:00Z', callType: 'INBOUND_800',
  caller: '79161234567', called: '78005553535', durationSec: 295, account: 'ACC-1001', status: 'RATED', total: '91.68',
  lines: [{ component: 'NETWORK', amount: '14.50', billedSeconds: 300, explanation: 'InboundNetworkMinute: строка 3' }],
};

describe('portal', () => {
  it('is for the roles of a client only', () => {
    expect(isClient(['CLIENT'])).toBe(true);
    expect(isClient(['CLIENT_ADMIN'])).toBe(true);
    expect(isClient(['FINANCE', 'ADMIN'])).toBe(false);
    expect(isClient(undefined)).toBe(false);
  });

  it('links the CSV export and the month ZIP with the chosen filters', () => {
    expect(callsExportUrl({ account: 'ACC-1001', from: '2026-03-01', to: '', number: '916', page: 3 }))
      .toBe('/api/v1/portal/calls.csv?account=ACC-1001&from=2026-03-01&number=916');
    expect(callsExportUrl({ status: 'RATED' }, 'xlsx')).toBe('/api/v1/portal/calls.xlsx?status=RATED');
    expect(monthZipUrl('2026-03')).toBe('/api/v1/portal/months/2026-03/documents.zip');
    expect(rubles('1234.5', 'ru').replace(/\s/g, ' ')).toBe('1 234,50 ₽');
    expect(rubles(undefined, 'ru')).toBe('—');
  });

  it('shows the balance, the usage to date, the last invoice paid and a bar per day, in Russian', async () => {
    const seen = mockFetch((req) => ({
      body: req.url.pathname.endsWith('/accounts') ? accounts : dashboard,
    }));
    inPortal(<PortalDashboard />);
    expect(await screen.findByTestId('last-invoice')).toBeTruthy();
    expect(screen.getByText('Оплачен')).toBeTruthy();
    expect(screen.getByText(/Входящий|8-800/)).toBeTruthy();
    expect(screen.getByTestId('day-chart').querySelectorAll('rect')).toHaveLength(2);
    expect(seen.some((r) => r.url.pathname === '/api/v1/portal/dashboard')).toBe(true);
  });

  it('lists the calls, filters by number on the server and explains a call line by line', async () => {
    const seen = mockFetch((req) => {
      if (req.url.pathname.endsWith('/accounts')) return { body: accounts };
      if (req.url.pathname === '/api/v1/portal/calls') return { body: { items: [call], total: 1, page: 0, size: 25 } };
      return { body: call };
    });
    inPortal(<PortalCalls />);
    await screen.findByText('79161234567');
    fireEvent.change(screen.getByLabelText('Номер'), { target: { value: '79-16' } });
    const row = await screen.findByText('79161234567');
    const filtered = seen.filter((r) => r.url.pathname === '/api/v1/portal/calls').pop();
    expect(filtered?.url.searchParams.get('number')).toBe('7916');
    fireEvent.click(row);
    const lines = await screen.findByTestId('call-lines');
    expect(within(lines).getByText('InboundNetworkMinute: строка 3')).toBeTruthy();
    expect(seen.some((r) => r.url.pathname === '/api/v1/portal/calls/pbx-msk-1/g01')).toBe(true);
  }, 20_000);

  it('offers each document as PDF and the month as one ZIP', async () => {
    mockFetch((req) => ({
      body: req.url.pathname.endsWith('/accounts') ? accounts : [{
        id: 'd1', packageId: 'p1', kind: 'MONTHLY', type: 'INVOICE', seller: 'CCB', number: '2026-000042',
        date: '2026-03-31', account: 'ACC-1001', month: '2026-03', clientName: 'ООО «Ромашка»', delivery: 'PORTAL',
        vatRate: '0.22', net: '1000.00', vat: '220.00', gross: '1220.00', sha256: 'ab',
      }],
    }));
    inPortal(<PortalDocuments />);
    expect(await screen.findByText('Счёт на оплату № 2026-000042')).toBeTruthy();
    expect(screen.getByText('PDF').getAttribute('href')).toBe('/api/v1/portal/documents/d1/pdf');
    expect(screen.getByTestId('zip-2026-03').getAttribute('href')).toBe('/api/v1/portal/months/2026-03/documents.zip');
  });

  it('invites a colleague and shows the link when mail is off, or the refusal naming the field', async () => {
    document.cookie = 'XSRF-TOKEN=inv-tok; path=/';
    let refuse = true;
    const seen = mockFetch(() => (refuse
      ? { status: 400, contentType: 'application/problem+json',
        body: { title: 'Неверный запрос', status: 400, errors: [{ field: 'email', message: 'адрес принадлежит другому клиенту' }] } }
      : { status: 201, body: { email: 'new@romashka.example', role: 'CLIENT', expiresAt: '2026-12-11T00:00:00Z',
        link: '/invitation?token=abc', mailed: false } }));
    inPortal(<InviteForm />);
    fireEvent.change(screen.getByTestId('invite-email'), { target: { value: 'x@vektor.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Пригласить' }));
    expect(await screen.findByText(/адрес принадлежит другому клиенту/)).toBeTruthy();
    refuse = false;
    fireEvent.change(screen.getByTestId('invite-email'), { target: { value: 'new@romashka.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Пригласить' }));
    expect(await screen.findByTestId('invitation')).toBeTruthy();
    expect(screen.getByText(/invitation\?token=abc/)).toBeTruthy();
    const post = seen.filter((r) => r.method === 'POST').pop();
    expect(post?.url.pathname).toBe('/api/v1/portal/colleagues/invitations');
    expect(post?.body).toEqual({ email: 'new@romashka.example', role: 'CLIENT' });
    expect(post?.headers.get('X-XSRF-TOKEN')).toBe('inv-tok');
  }, 20_000);

  it('the administrator creates a client user with the client account', async () => {
    document.cookie = 'XSRF-TOKEN=u-tok; path=/';
    const seen = mockFetch(() => ({ status: 201, body: { user: { username: 'petrova', roles: ['CLIENT'], enabled: true,
      mustChangePassword: true, locked: false, client: 'ACC-1001' } } }));
    await dataProvider.create('users', { data: { username: 'petrova', roles: ['CLIENT'], client: 'ACC-1001',
      password: 'Zelyonyj-Slon-42', email: 'petrova@romashka.example' } });
    expect(seen[0].body).toEqual({ username: 'petrova', password: 'Zelyonyj-Slon-42', roles: ['CLIENT'], enabled: true,
      client: 'ACC-1001', email: 'petrova@romashka.example' });
    await dataProvider.create('users', { data: { username: 'staff', roles: ['SALES'], client: 'ACC-1001' } });
    expect((seen[1].body as Record<string, unknown>).client).toBeUndefined();
  });
});
