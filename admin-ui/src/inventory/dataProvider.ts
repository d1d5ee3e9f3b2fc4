import type { DataProvider, Identifier } from 'react-admin';
import { api } from '../api/client';
import { noResourceProvider } from '../api/arrayResource';
import { unwrap } from '../api/unwrap';
import type { components, paths } from '../api/schema';

/**
 * `inventory`: network resources (numbers, ports, lines) with their status now, paged and filtered by the server
 * (pool, kind, status, range from–to, account); a resource's record carries its history and holdings.
 */
export type NetworkResource = components['schemas']['NetworkResource'];
export type ResourceDetails = components['schemas']['ResourceDetails'];
export type ResourceStatus = components['schemas']['ResourceStatus'];
export type PoolCapacity = components['schemas']['PoolCapacity'];
export type BulkResourceChange = components['schemas']['BulkResourceChange'];
export type ResourceRecord = NetworkResource & { id: string } & Partial<Pick<ResourceDetails, 'history' | 'holdings'>>;

type ListQuery = NonNullable<paths['/api/v1/inventory/resources']['get']['parameters']['query']>;

export const RESOURCE_STATUSES: ResourceStatus[] = ['FREE', 'BUSY', 'RESERVED', 'QUARANTINE'];

export function resourceQuery(params: {
  pagination?: { page: number; perPage: number };
  filter?: Record<string, unknown>;
}): ListQuery {
  const filter = params.filter ?? {};
  const { page, perPage } = params.pagination ?? { page: 1, perPage: 50 };
  const query: ListQuery = { page: Math.max(page - 1, 0), size: perPage };
  const str = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : String(v).trim());
  if (str(filter.pool)) query.pool = str(filter.pool);
  if (str(filter.kind)) query.kind = str(filter.kind);
  if (str(filter.status)) query.status = str(filter.status) as ResourceStatus;
  if (str(filter.from)) query.from = str(filter.from);
  if (str(filter.to)) query.to = str(filter.to);
  if (str(filter.account)) query.account = str(filter.account);
  return query;
}

const withId = (r: NetworkResource): ResourceRecord => ({ ...r, id: r.resource });

async function getResource(id: Identifier): Promise<ResourceRecord> {
  const details = await unwrap(
    api.GET('/api/v1/inventory/resources/{resource}', { params: { path: { resource: String(id) } } }),
  );
  return { ...withId(details.resource), history: details.history, holdings: details.holdings };
}

export const inventoryDataProvider: DataProvider = {
  ...noResourceProvider,

  async getList(_resource, params) {
    const page = await unwrap(api.GET('/api/v1/inventory/resources', { params: { query: resourceQuery(params) } }));
    return { data: page.items.map(withId), total: page.total } as any;
  },

  async getOne(_resource, params) {
    return { data: (await getResource(params.id)) as any };
  },

  async getMany(_resource, params) {
    return { data: (await Promise.all(params.ids.map(getResource))) as any };
  },
};
