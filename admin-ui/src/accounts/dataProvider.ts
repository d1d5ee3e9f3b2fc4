import type { DataProvider } from 'react-admin';
import { api } from '../api/client';
import { arrayDataProvider, arrayResource, pick } from '../api/arrayResource';
import { unwrap } from '../api/unwrap';
import type { components } from '../api/schema';

/**
 * `accounts`: listed as a plain array keyed by account; one account (with its client's legal details) read from the
 * server, opened with `POST` and changed with `PUT` of the account. No delete from the UI.
 */

type Schemas = components['schemas'];
export type AccountDetails = Schemas['AccountDetails'];

/** The fields of an account the API takes on create and update (the rest is read-only). */
export function accountBody(record: Record<string, unknown>): AccountDetails {
  const body = pick<AccountDetails>(record, [
    'account', 'client', 'inn', 'kpp', 'legalAddress', 'postalAddress', 'deliveryMethod', 'email', 'contacts', 'tariffs',
  ]);
  for (const address of ['legalAddress', 'postalAddress'] as const) {
    const a = body[address];
    if (a && !a.postalCode && !a.address) delete body[address];
  }
  return body;
}

export const accountDataProvider: DataProvider = {
  ...arrayDataProvider({
    accounts: arrayResource<Schemas['Account']>({
      key: 'account',
      fields: ['account', 'client', 'tariff', 'tariffFrom', 'numbers'],
      list: () => unwrap(api.GET('/api/v1/accounts')),
    }),
  }),

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
