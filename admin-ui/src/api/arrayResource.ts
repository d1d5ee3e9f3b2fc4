import { HttpError, type DataProvider, type GetListParams, type GetListResult, type Identifier, type RaRecord } from 'react-admin';

/**
 * Paging, sorting and filtering done in the browser for API resources that return plain arrays.
 * Filters: `q` searches every field; any other key keeps records whose field contains the value
 * (case-insensitive).
 */
export function listLocally<T extends RaRecord>(
  records: T[],
  params: Pick<GetListParams, 'pagination' | 'sort' | 'filter'>,
): GetListResult<T> {
  const filtered = records.filter((record) => matchesFilter(record, params.filter ?? {}));
  const sorted = params.sort?.field ? sortRecords(filtered, params.sort.field, params.sort.order) : filtered;
  const { page, perPage } = params.pagination ?? { page: 1, perPage: sorted.length };
  const start = (page - 1) * perPage;
  return { data: sorted.slice(start, start + perPage), total: sorted.length };
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(text).join(' ');
  return String(value);
}

function matchesFilter(record: RaRecord, filter: Record<string, unknown>): boolean {
  return Object.entries(filter).every(([key, wanted]) => {
    if (wanted === undefined || wanted === null || wanted === '') return true;
    const needle = text(wanted).toLowerCase();
    if (key === 'q') {
      return Object.values(record).some((v) => text(v).toLowerCase().includes(needle));
    }
    return text(record[key]).toLowerCase().includes(needle);
  });
}

const collator = new Intl.Collator('ru', { numeric: true, sensitivity: 'base' });

function sortRecords<T extends RaRecord>(records: T[], field: string, order: string): T[] {
  const direction = order === 'DESC' ? -1 : 1;
  return [...records].sort((a, b) => direction * collator.compare(text(a[field]), text(b[field])));
}

/** Adds react-admin's `id` to each item, taken from its natural key. */
export function withIds<T extends object>(items: T[], key: keyof T): (T & { id: Identifier })[] {
  return items.map((item) => ({ ...item, id: String(item[key]) }));
}

/** Drops react-admin's `id` (and other fields the API does not know) before sending. */
export function pick<T extends object>(record: Record<string, unknown>, fields: (keyof T)[]): T {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = record[f as string];
    if (v !== undefined && v !== null && v !== '') out[f as string] = v;
  }
  return out as T;
}

// ---------------------------------------------------------------- data providers of capabilities

/** An API resource that is a plain array: read whole, paged, sorted and searched in the browser. */
export interface ArrayResource<T extends object> {
  /** field that is the record's natural key, used as react-admin id */
  key: keyof T;
  /** fields sent to the API on save */
  fields: (keyof T)[];
  list(): Promise<T[]>;
  put?(item: T): Promise<T>;
  remove?(id: string): Promise<void>;
}

export const arrayResource = <T extends object>(r: ArrayResource<T>) => r;

const unknownResource = (name: string) => new HttpError(`Unknown resource ${name}`, 404);

/**
 * A data provider where every method refuses, as for a resource nobody serves (404 "Unknown resource"):
 * the base of a capability's provider that implements only what its API has.
 */
const refuse = async (resource: string): Promise<never> => {
  throw unknownResource(resource);
};

export const noResourceProvider: DataProvider = {
  getList: refuse,
  getOne: refuse,
  getMany: refuse,
  getManyReference: refuse,
  create: refuse,
  update: refuse,
  updateMany: refuse,
  delete: refuse,
  deleteMany: refuse,
};

/**
 * The data provider of plain-array resources: lists read whole and paged here; create and update are a `PUT` of the
 * list endpoint (405 without one), create refuses a key that exists (409); delete only where the API has `DELETE`.
 */
export function arrayDataProvider(resources: Record<string, ArrayResource<any>>): DataProvider {
  const resourceOf = (name: string): ArrayResource<any> => {
    const r = resources[name];
    if (!r) throw unknownResource(name);
    return r;
  };

  const loadAll = async (name: string): Promise<RaRecord[]> => {
    const r = resourceOf(name);
    return withIds(await r.list(), r.key);
  };

  const findOne = async (name: string, id: Identifier): Promise<RaRecord> => {
    const found = (await loadAll(name)).find((record) => String(record.id) === String(id));
    if (!found) throw new HttpError('ra.notification.item_doesnt_exist', 404);
    return found;
  };

  const save = async (name: string, record: Record<string, unknown>): Promise<RaRecord> => {
    const r = resourceOf(name);
    if (!r.put) throw new HttpError('app.errors.read_only', 405);
    const stored = await r.put(pick(record, r.fields));
    const result = stored ?? pick(record, r.fields);
    return { ...result, id: String(result[r.key]) };
  };

  const remove = async (name: string, id: Identifier): Promise<void> => {
    const r = resourceOf(name);
    if (!r.remove) throw new HttpError('app.errors.cannot_delete', 405);
    await r.remove(String(id));
  };

  return {
    async getList(resource, params) {
      return listLocally(await loadAll(resource), params) as any;
    },

    async getOne(resource, params) {
      return { data: (await findOne(resource, params.id)) as any };
    },

    async getMany(resource, params) {
      const wanted = new Set(params.ids.map(String));
      return { data: (await loadAll(resource)).filter((r) => wanted.has(String(r.id))) as any };
    },

    async getManyReference(resource, params) {
      const filter = { ...params.filter, [params.target]: params.id };
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
}
