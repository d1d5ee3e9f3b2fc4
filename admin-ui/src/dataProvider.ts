import { HttpError, type DataProvider, type Identifier, type RaRecord } from 'react-admin';
import { api } from './api/client';
import { listLocally, pick, withIds } from './api/arrayResource';
import { unwrap } from './api/unwrap';
import { tariffApi } from './tariffs/api';
import { withFormErrors } from './api/problem';
import type { components, paths } from './api/schema';

type Schemas = components['schemas'];
export type RatedCdr = Schemas['RatedCdr'];
export type CdrRecordWithId = RatedCdr & { id: string };

type CdrListQuery = NonNullable<paths['/api/v1/cdrs']['get']['parameters']['query']>;
type RejectListQuery = NonNullable<paths['/api/v1/rejects']['get']['parameters']['query']>;
export type RejectedCdr = Schemas['RejectedCdr'];
export type RejectReason = Schemas['RejectReason'];

export { unwrap };

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

// ---------------------------------------------------------------- accounts and periods (one record from the API)

export type AccountDetails = Schemas['AccountDetails'];
export type FinancialPeriod = Schemas['FinancialPeriod'];

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

async function getAccount(id: Identifier): Promise<RaRecord> {
  const account = await unwrap(api.GET('/api/v1/accounts/{account}', { params: { path: { account: String(id) } } }));
  return { ...account, id: account.account };
}

async function getPeriod(id: Identifier): Promise<RaRecord> {
  const period = await unwrap(api.GET('/api/v1/periods/{month}', { params: { path: { month: String(id) } } }));
  return { ...period, id: period.month };
}

/** The rejects queue's filters (reason, source, account, from, to) and page as its query. */
export function rejectQuery(params: {
  pagination?: { page: number; perPage: number };
  filter?: Record<string, unknown>;
}): RejectListQuery {
  const { status: _ignored, ...common } = cdrQuery(params);
  const query: RejectListQuery = common;
  const reason = params.filter?.reason;
  if (reason !== undefined && reason !== null && reason !== '') query.reason = String(reason) as RejectReason;
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
  tariffs: arrayResource<Schemas['Tariff']>({
    key: 'code',
    fields: ['code', 'name'],
    list: () => tariffApi.list(),
  }),
  'cdr-mappings': arrayResource<Schemas['CdrMapping']>({
    key: 'name',
    fields: ['name', 'format', 'description', 'definition'],
    list: () => unwrap(api.GET('/api/v1/cdr-mappings')),
    // the form edits the definition as text
    put: async (body) => {
      try {
        const definition = jsonObject(body.definition) as Schemas['CdrMappingDefinition'];
        return await unwrap(api.PUT('/api/v1/cdr-mappings', { body: { ...body, definition } }));
      } catch (e) {
        // the server names fields inside the definition: show them under its text area
        throw withFormErrors(e, ['name', 'format', 'description', 'definition'], 'definition');
      }
    },
    remove: async (name) => {
      await unwrap(api.DELETE('/api/v1/cdr-mappings/{name}', { params: { path: { name } } }));
    },
  }),
  jobs: arrayResource<Schemas['Job']>({
    key: 'id',
    fields: [],
    list: () => unwrap(api.GET('/api/v1/jobs', { params: { query: { limit: 500 } } })),
  }),
  accounts: arrayResource<Schemas['Account']>({
    key: 'account',
    fields: ['account', 'client', 'tariff', 'tariffFrom', 'numbers'],
    list: () => unwrap(api.GET('/api/v1/accounts')),
  }),
  periods: arrayResource<FinancialPeriod>({
    key: 'month',
    fields: [],
    list: () => unwrap(api.GET('/api/v1/periods')),
  }),
};

/** A JSON object given as text (from a text area) or already parsed. */
export function jsonObject(value: unknown): Record<string, unknown> {
  return typeof value === 'string' ? JSON.parse(value) : (value as Record<string, unknown>);
}

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
    if (resource === 'rejects') {
      const page = await unwrap(api.GET('/api/v1/rejects', { params: { query: rejectQuery(params) } }));
      const data = page.items.map((r) => ({ ...r, id: cdrId(r.source, r.cdrId) }));
      return { data, total: page.total, meta: { countsByReason: page.countsByReason } } as any;
    }
    if (resource === 'documents') return (await listDocuments(params)) as any;
    return listLocally(await loadAll(resource), params) as any;
  },

  async getOne(resource, params) {
    if (resource === 'cdrs') return { data: (await getCdr(params.id)) as any };
    if (resource === 'jobs') {
      const job = await unwrap(api.GET('/api/v1/jobs/{id}', { params: { path: { id: String(params.id) } } }));
      return { data: { ...job, id: job.id } as any };
    }
    if (resource === 'accounts') return { data: (await getAccount(params.id)) as any };
    if (resource === 'periods') return { data: (await getPeriod(params.id)) as any };
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
    if (resource === 'accounts') {
      const created = await unwrap(api.POST('/api/v1/accounts', { body: accountBody(params.data) }));
      return { data: { ...created, id: created.account } as any };
    }
    const r = resourceOf(resource);
    const key = String(params.data[String(r.key)] ?? '');
    if ((await loadAll(resource)).some((record) => String(record.id) === key)) {
      throw new HttpError('app.errors.already_exists', 409);
    }
    return { data: (await save(resource, params.data)) as any };
  },

  async update(resource, params) {
    if (resource === 'accounts') {
      const body = accountBody({ ...params.previousData, ...params.data, account: params.id });
      const changed = await unwrap(
        api.PUT('/api/v1/accounts/{account}', { params: { path: { account: String(params.id) } }, body }),
      );
      return { data: { ...changed, id: changed.account } as any };
    }
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
