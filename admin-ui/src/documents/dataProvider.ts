import type { DataProvider } from 'react-admin';
import { api } from '../api/client';
import { listLocally, noResourceProvider } from '../api/arrayResource';
import { unwrap } from '../api/unwrap';
import type { components } from '../api/schema';

/** `documents`: issued documents, filtered by the server (month, account, type), paged and searched here; read-only. */

export type IssuedDocument = components['schemas']['Document'];

export function documentQuery(filter: Record<string, unknown> = {}) {
  const str = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : String(v).trim());
  return {
    month: str(filter.month),
    account: str(filter.account),
    type: str(filter.type) as components['schemas']['DocumentType'] | undefined,
    limit: 5000,
  };
}

export const documentDataProvider: DataProvider = {
  ...noResourceProvider,

  async getList(_resource, params) {
    const { month, account, type, ...rest } = params.filter ?? {};
    const docs = await unwrap(api.GET('/api/v1/documents', { params: { query: documentQuery({ month, account, type }) } }));
    return listLocally(docs.map((d) => ({ ...d, id: d.id })), { ...params, filter: rest }) as any;
  },

  async getOne(_resource, params) {
    const doc = await unwrap(api.GET('/api/v1/documents/{id}', { params: { path: { id: String(params.id) } } }));
    return { data: doc as any };
  },
};
