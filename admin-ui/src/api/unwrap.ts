import { toHttpError } from './problem';

/** Result of an openapi-fetch call: data on success, error body and response otherwise. */
export interface ApiResult<T> {
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

/**
 * A page of a list the server pages (an array answer): its items and the `X-Total-Count` header, the number of
 * records the filter finds on every page.
 */
export async function unwrapPage<T>(call: Promise<ApiResult<T[]>>): Promise<{ data: T[]; total: number }> {
  const { data, error, response } = await call;
  if (!response.ok) throw toHttpError(error, response);
  const items = (data ?? []) as T[];
  const total = Number(response.headers.get('X-Total-Count'));
  return { data: items, total: Number.isFinite(total) && response.headers.has('X-Total-Count') ? total : items.length };
}

/** react-admin's sort as the API's `sort` parameter: `field` or `field,desc` */
export function sortParam(sort?: { field?: string; order?: string }, fields?: Record<string, string>): string | undefined {
  if (!sort?.field) return undefined;
  const field = fields ? fields[sort.field] : sort.field;
  if (!field) return undefined;
  return sort.order === 'DESC' ? `${field},desc` : field;
}

/** how many records a list the server pages finds (its X-Total-Count, else the items answered); undefined on failure */
export async function countOf<T>(call: Promise<ApiResult<T[]>>): Promise<number | undefined> {
  try {
    return (await unwrapPage(call)).total;
  } catch {
    return undefined;
  }
}
