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
