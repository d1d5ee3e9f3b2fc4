import type { DataProvider } from 'react-admin';
import { api } from '../api/client';
import { noResourceProvider, pick } from '../api/arrayResource';
import { sortParam, unwrap, unwrapPage } from '../api/unwrap';
import type { components } from '../api/schema';


type Schemas = components['schemas'];
export type AccountDetails = Schemas['AccountDetails'];

/** The fields of an account the API takes on create and update (the rest is read-only). */
export function accountBody(record: Record<string, unknown>): AccountDetails {
  const body = pick<AccountDetails>(record, [
    'account', 'client', 'inn', 'kpp', 'ogrn', 'bik', 'settlementAccount', 'legalAddress', 'postalAddress', 'deliveryMethod', 'email', 'contacts', 'tariffs',
  ]);
  for (const address of ['legalAddress', 'postalAddress'] as const) {
    const a = body[address];
    if (a && !a.postalCode && !a.address) delete body[address];
  }
  return body;
}

/** the list's columns the server sorts by (react-admin field → the API's sort name) */
export const ACCOUNT_SORTS: Record<string, string> = { account: 'account', client: 'client', inn: 'inn', tariff: 'tariff' };

/** the list's filter as the API's query: search text (code, client, INN, phone number) and the current tariff */
export function accountQuery(filter: Record<string, unknown> = {}, sort?: { field?: string; order?: string }) {
  const str = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : String(v).trim());
  return { q: str(filter.q), tariff: str(filter.tariff), sort: sortParam(sort, ACCOUNT_SORTS) };
}

const getOneAccount = async (id: unknown) => {
  const account = await unwrap(api.GET('/api/v1/accounts/{account}', { params: { path: { account: String(id) } } }));
  return { ...account, id: account.account };
};

const getList: DataProvider['getList'] = async (_resource, params) => {
  const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
  const found = await unwrapPage(api.GET('/api/v1/accounts', {
    params: { query: { ...accountQuery(params.filter, params.sort), page: Math.max(page - 1, 0), size: perPage } },
  }));
  return { data: found.data.map((a) => ({ ...a, id: a.account })), total: found.total } as any;
};

/** `accounts`: paged, sorted and searched by the server; one account read, opened and changed. No delete. */
export const accountDataProvider: DataProvider = {
  ...noResourceProvider,
  getList,

  async getMany(_resource, params) {
    return { data: (await Promise.all(params.ids.map(getOneAccount))) as any };
  },

  async getManyReference(resource, params) {
    return getList(resource, { ...params, filter: { ...params.filter, [params.target]: params.id } });
  },

  async getOne(_resource, params) {
    const account = await unwrap(api.GET('/api/v1/accounts/{account}', { params: { path: { account: String(params.id) } } }));
    return { data: { ...account, id: account.account } as any };
  },

  async create(_resource, params) {
    const created = await unwrap(api.POST('/api/v1/accounts', { body: accountBody(params.data) }));
    return { data: { ...created, id: created.account } as any };
  },

  async update(_resource, params) {
    const body = accountBody({ ...params.previousData, ...params.data, account: params.id });
    const changed = await unwrap(
      api.PUT('/api/v1/accounts/{account}', { params: { path: { account: String(params.id) } }, body }),
    );
    return { data: { ...changed, id: changed.account } as any };
  },
};
