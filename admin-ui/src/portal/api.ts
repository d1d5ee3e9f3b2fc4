import { useQuery } from '@tanstack/react-query';
import { useStore } from 'react-admin';
import { api } from '../api/client';
import { unwrap } from '../api/unwrap';
import { formatMoney } from '../shared/format';
import type { components } from '../api/schema';

type Schemas = components['schemas'];
export type PortalAccount = Schemas['PortalAccount'];
export type PortalDashboard = Schemas['PortalDashboard'];
export type PortalCall = Schemas['PortalCall'];
export type PortalCallPage = Schemas['PortalCallPage'];
export type PortalDocument = Schemas['Document'];
export type LedgerPage = Schemas['LedgerPage'];
export type PortalPriceList = Schemas['PortalPriceList'];
export type PortalNumber = Schemas['PortalNumber'];
export type PlatformUser = Schemas['PlatformUser'];
export type InvitationIssued = Schemas['InvitationIssued'];

/** The roles of a client's people: with one of them the app shows the portal and nothing else. */
export const CLIENT_ROLES = ['CLIENT', 'CLIENT_ADMIN'];
export const isClient = (roles: readonly string[] | undefined) =>
  (roles ?? []).some((r) => CLIENT_ROLES.includes(r));

/** The account the portal shows (one of the client's); undefined: the account the user belongs to. */
export function useAccount(): [string | undefined, (account: string | undefined) => void] {
  return useStore<string | undefined>('portal.account', undefined);
}

export const useAccounts = () =>
  useQuery({ queryKey: ['portal', 'accounts'], queryFn: () => unwrap(api.GET('/api/v1/portal/accounts')) });

export const useDashboard = (account?: string) =>
  useQuery({
    queryKey: ['portal', 'dashboard', account],
    queryFn: () => unwrap(api.GET('/api/v1/portal/dashboard', { params: { query: { account } } })),
  });

export interface CallFilter {
  account?: string;
  from?: string;
  to?: string;
  number?: string;
  status?: 'RATED' | 'REJECTED';
  page?: number;
  size?: number;
}

const callQuery = (f: CallFilter) => ({
  account: f.account, from: f.from || undefined, to: f.to || undefined, number: f.number || undefined,
  status: f.status || undefined,
});

export const useCalls = (filter: CallFilter) =>
  useQuery({
    queryKey: ['portal', 'calls', filter],
    queryFn: () => unwrap(api.GET('/api/v1/portal/calls', {
      params: { query: { ...callQuery(filter), page: filter.page ?? 0, size: filter.size ?? 50 } },
    })),
  });

export const useCall = (source: string, cdrId: string) =>
  useQuery({
    queryKey: ['portal', 'call', source, cdrId],
    queryFn: () => unwrap(api.GET('/api/v1/portal/calls/{source}/{cdrId}', { params: { path: { source, cdrId } } })),
  });

/** the address of the CSV or XLSX export of the calls the filter selects (a download link, same origin) */
export function callsExportUrl(filter: CallFilter, format: 'csv' | 'xlsx' = 'csv'): string {
  const query = new URLSearchParams();
  Object.entries(callQuery(filter)).forEach(([k, v]) => { if (v) query.set(k, v); });
  const text = query.toString();
  return `/api/v1/portal/calls.${format}${text ? `?${text}` : ''}`;
}

export const useDocuments = (account?: string, month?: string) =>
  useQuery({
    queryKey: ['portal', 'documents', account, month],
    queryFn: () => unwrap(api.GET('/api/v1/portal/documents', {
      params: { query: { account, month: month || undefined } },
    })),
  });

export const documentPdfUrl = (id: string) => `/api/v1/portal/documents/${encodeURIComponent(id)}/pdf`;
export const monthZipUrl = (month: string, account?: string) =>
  `/api/v1/portal/months/${encodeURIComponent(month)}/documents.zip${account ? `?account=${encodeURIComponent(account)}` : ''}`;

export const useLedger = (account?: string, kind?: string, page = 0) =>
  useQuery({
    queryKey: ['portal', 'ledger', account, kind, page],
    queryFn: () => unwrap(api.GET('/api/v1/portal/ledger', {
      params: { query: { account, kind: (kind || undefined) as Schemas['EntryKind'] | undefined, page, size: 50 } },
    })),
  });

export const usePriceList = (account?: string) =>
  useQuery({
    queryKey: ['portal', 'price-list', account],
    queryFn: () => unwrap(api.GET('/api/v1/portal/price-list', { params: { query: { account } } })),
  });

export const useNumbers = (account?: string) =>
  useQuery({
    queryKey: ['portal', 'numbers', account],
    queryFn: () => unwrap(api.GET('/api/v1/portal/numbers', { params: { query: { account } } })),
  });

export const useColleagues = () =>
  useQuery({ queryKey: ['portal', 'colleagues'], queryFn: () => unwrap(api.GET('/api/v1/portal/colleagues')) });

export const setColleagueEnabled = (username: string, enabled: boolean) =>
  api.PUT('/api/v1/portal/colleagues/{username}', { params: { path: { username } }, body: { enabled } });

export const invite = (email: string, role: string) =>
  api.POST('/api/v1/portal/colleagues/invitations', { body: { email, role } });

export const saveThreshold = (balanceThreshold: string | undefined, account?: string) =>
  api.PUT('/api/v1/portal/settings', { params: { query: { account } }, body: { balanceThreshold } });

/** an amount in roubles with the app's one money formatter ("1 234,50 ₽"); a dash when there is none */
export function rubles(amount: string | undefined, locale: string): string {
  return formatMoney(amount, locale) || '—';
}

/** an instant as a Moscow date and time, e.g. 10.03.2026 10:15 */
export function moscowTime(value: string | undefined, locale: string): string {
  if (!value) return '';
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'ru-RU', {
    timeZone: 'Europe/Moscow', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
  }).format(new Date(value));
}
