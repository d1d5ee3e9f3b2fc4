import { HttpError, type DataProvider, type Identifier, type RaRecord } from 'react-admin';
import { api } from './api/client';
import { listLocally, pick, withIds } from './api/arrayResource';
import { toHttpError } from './api/problem';
import type { components, paths } from './api/schema';

type Schemas = components['schemas'];
export type RatedCdr = Schemas['RatedCdr'];
export type CdrRecordWithId = RatedCdr & { id: string };

type CdrListQuery = NonNullable<paths['/api/v1/cdrs']['get']['parameters']['query']>;

/** Result of an openapi-fetch call: data on success, error body and response otherwise. */
interface ApiResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Returns the data of a successful call; turns any other answer into a react-admin HttpError. */
export async function unwrap<T>(call: Promise<ApiResult<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw toHttpError(error, response);
  return data as T;
}

// ---------------------------------------------------------------- CDRs (server-side paging)

/** react-admin id of a stored CDR: `${source}/${cdrId}`, both parts URI-encoded. */
export function cdrId(source: string, id: string): string {
  return `${encodeURIComponent(source)}/${encodeURIComponent(id)}`;
}

export function parseCdrId(id: Identifier): { source: string; cdrId: string } {
  const text = String(id);
  const slash = text.indexOf('/');
  if (slash < 0) throw new HttpError(`Bad CDR id ${text}`, 400);
  return {
    source: decodeURIComponent(text.slice(0, slash)),
    cdrId: decodeURIComponent(text.slice(slash + 1)),
  };
}

const withCdrId = (cdr: RatedCdr): CdrRecordWithId => ({ ...cdr, id: cdrId(cdr.source ?? '', cdr.cdrId ?? '') });

/** A datetime-local value ("2026-03-10T10:15") or an ISO string, as ISO-8601 with offset. */
function isoDateTime(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const date = new Date(String(value));
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
}

export function cdrQuery(params: {
  pagination?: { page: number; perPage: number };
  filter?: Record<string, unknown>;
}): CdrListQuery {
  const filter = params.filter ?? {};
  const { page, perPage } = params.pagination ?? { page: 1, perPage: 50 };
  const query: CdrListQuery = { page: Math.max(page - 1, 0), size: perPage };
  const str = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : String(v));
  if (str(filter.status)) query.status = str(filter.status) as CdrListQuery['status'];
  if (str(filter.account)) query.account = str(filter.account);
  if (str(filter.source)) query.source = str(filter.source);
  if (isoDateTime(filter.from)) query.from = isoDateTime(filter.from);
  if (isoDateTime(filter.to)) query.to = isoDateTime(filter.to);
  return query;
}

async function getCdr(id: Identifier): Promise<CdrRecordWithId> {
  const path = parseCdrId(id);
  const cdr = await unwrap(api.GET('/api/v1/cdrs/{source}/{cdrId}', { params: { path } }));
  return withCdrId(cdr);
}

// ---------------------------------------------------------------- documents (filtered by the server, paged here)

export type IssuedDocument = Schemas['Document'];

export function documentQuery(filter: Record<string, unknown> = {}) {
  const str = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : String(v).trim());
  return {
    month: str(filter.month),
    account: str(filter.account),
    type: str(filter.type) as Schemas['DocumentType'] | undefined,
    limit: 5000,
  };
}

async function listDocuments(params: Parameters<DataProvider['getList']>[1]) {
  const { month, account, type, ...rest } = params.filter ?? {};
  const docs = await unwrap(api.GET('/api/v1/documents', { params: { query: documentQuery({ month, account, type }) } }));
  return listLocally(docs.map((d) => ({ ...d, id: d.id })), { ...params, filter: rest });
}

// ---------------------------------------------------------------- plain-array resources

interface ArrayResource<T extends object> {
  /** field that is the record's natural key, used as react-admin id */
  key: keyof T;
  /** fields sent to the API on save */
  fields: (keyof T)[];
  list(): Promise<T[]>;
  put?(item: T): Promise<T>;
  remove?(id: string): Promise<void>;
}

const arrayResource = <T extends object>(r: ArrayResource<T>) => r;

const arrayResources: Record<string, ArrayResource<any>> = {
  destinations: arrayResource<Schemas['Destination']>({
    key: 'prefix',
    fields: ['prefix', 'destinationClass'],
    list: () => unwrap(api.GET('/api/v1/reference/destinations')),
    put: (body) => unwrap(api.PUT('/api/v1/reference/destinations', { body })),
    remove: async (prefix) => {
      await unwrap(api.DELETE('/api/v1/reference/destinations/{prefix}', { params: { path: { prefix } } }));
    },
  }),
  origins: arrayResource<Schemas['Origin']>({
    key: 'prefix',
    fields: ['prefix', 'origin'],
    list: () => unwrap(api.GET('/api/v1/reference/origins')),
    put: (body) => unwrap(api.PUT('/api/v1/reference/origins', { body })),
    remove: async (prefix) => {
      await unwrap(api.DELETE('/api/v1/reference/origins/{prefix}', { params: { path: { prefix } } }));
    },
  }),
  holidays: arrayResource<Schemas['Holiday']>({
    key: 'date',
    fields: ['date', 'name'],
    list: () => unwrap(api.GET('/api/v1/reference/holidays')),
    put: (body) => unwrap(api.PUT('/api/v1/reference/holidays', { body })),
    remove: async (date) => {
      await unwrap(api.DELETE('/api/v1/reference/holidays/{date}', { params: { path: { date } } }));
    },
  }),
  operators: arrayResource<Schemas['Operator']>({
    key: 'operatorId',
    fields: ['operatorId', 'site', 'name'],
    list: () => unwrap(api.GET('/api/v1/reference/operators')),
    put: (body) => unwrap(api.PUT('/api/v1/reference/operators', { body })),
  }),
  trunks: arrayResource<Schemas['Trunk']>({
    key: 'trunk',
    fields: ['trunk', 'description'],
    list: () => unwrap(api.GET('/api/v1/reference/trunks')),
    put: (body) => unwrap(api.PUT('/api/v1/reference/trunks', { body })),
  }),
  accounts: arrayResource<Schemas['Account']>({
    key: 'account',
    fields: ['account', 'client', 'tariff', 'tariffFrom', 'numbers'],
    list: () => unwrap(api.GET('/api/v1/accounts')),
  }),
};

function resourceOf(name: string): ArrayResource<any> {
  const r = arrayResources[name];
  if (!r) throw new HttpError(`Unknown resource ${name}`, 404);
  return r;
}

async function loadAll(name: string): Promise<RaRecord[]> {
  const r = resourceOf(name);
  return withIds(await r.list(), r.key);
}

async function findOne(name: string, id: Identifier): Promise<RaRecord> {
  const found = (await loadAll(name)).find((record) => String(record.id) === String(id));
  if (!found) throw new HttpError('ra.notification.item_doesnt_exist', 404);
  return found;
}

async function save(name: string, record: Record<string, unknown>): Promise<RaRecord> {
  const r = resourceOf(name);
  if (!r.put) throw new HttpError('app.errors.read_only', 405);
  const stored = await r.put(pick(record, r.fields));
  const result = stored ?? pick(record, r.fields);
  return { ...result, id: String(result[r.key]) };
}

async function remove(name: string, id: Identifier): Promise<void> {
  const r = resourceOf(name);
  if (!r.remove) throw new HttpError('app.errors.cannot_delete', 405);
  await r.remove(String(id));
}

// ---------------------------------------------------------------- the provider

export const dataProvider: DataProvider = {
  async getList(resource, params) {
    if (resource === 'cdrs') {
      const page = await unwrap(api.GET('/api/v1/cdrs', { params: { query: cdrQuery(params) } }));
      return { data: page.items.map(withCdrId), total: page.total } as any;
    }
    if (resource === 'documents') return (await listDocuments(params)) as any;
    return listLocally(await loadAll(resource), params) as any;
  },

  async getOne(resource, params) {
    if (resource === 'cdrs') return { data: (await getCdr(params.id)) as any };
    if (resource === 'documents') {
      const doc = await unwrap(api.GET('/api/v1/documents/{id}', { params: { path: { id: String(params.id) } } }));
      return { data: doc as any };
    }
    return { data: (await findOne(resource, params.id)) as any };
  },

  async getMany(resource, params) {
    if (resource === 'cdrs') return { data: (await Promise.all(params.ids.map(getCdr))) as any };
    const wanted = new Set(params.ids.map(String));
    return { data: (await loadAll(resource)).filter((r) => wanted.has(String(r.id))) as any };
  },

  async getManyReference(resource, params) {
    const filter = { ...params.filter, [params.target]: params.id };
    if (resource === 'cdrs') return this.getList(resource, { ...params, filter });
    return listLocally(await loadAll(resource), { ...params, filter }) as any;
  },

  async create(resource, params) {
    const r = resourceOf(resource);
    const key = String(params.data[String(r.key)] ?? '');
    if ((await loadAll(resource)).some((record) => String(record.id) === key)) {
      throw new HttpError('app.errors.already_exists', 409);
    }
    return { data: (await save(resource, params.data)) as any };
  },

  async update(resource, params) {
    const r = resourceOf(resource);
    // the key is not editable: changing it would create another record
    const data = { ...params.previousData, ...params.data, [String(r.key)]: params.id };
    return { data: (await save(resource, data)) as any };
  },

  async updateMany(resource, params) {
    const current = await loadAll(resource);
    const ids: Identifier[] = [];
    for (const id of params.ids) {
      const previous = current.find((r) => String(r.id) === String(id));
      if (!previous) continue;
      ids.push((await save(resource, { ...previous, ...params.data })).id);
    }
    return { data: ids as any };
  },

  async delete(resource, params) {
    await remove(resource, params.id);
    return { data: (params.previousData ?? { id: params.id }) as any };
  },

  async deleteMany(resource, params) {
    for (const id of params.ids) await remove(resource, id);
    return { data: params.ids as any };
  },
};

/** Whether the API can delete records of this resource (shows the delete buttons). */
export const canDelete = (resource: string) => Boolean(arrayResources[resource]?.remove);
