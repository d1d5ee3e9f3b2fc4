import { isProblem, problemMessage, type Problem } from './problem';

/** Result of an openapi-fetch call. */
interface ApiResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a successful call, or the problem the server (or the network) answered with. */
export type Outcome<T> = { data: T; problem?: undefined } | { data?: undefined; problem: Problem };

/**
 * Runs an API call for a form or a button: never throws, answers the data or an RFC 7807 problem to show
 * (a non-JSON answer becomes a problem with its status).
 */
export async function attempt<T>(call: Promise<ApiResult<T>>): Promise<Outcome<T>> {
  try {
    const { data, error, response } = await call;
    if (response.ok) return { data: data as T };
    return {
      problem: isProblem(error)
        ? { status: response.status, ...error }
        : { title: problemMessage(error, response.status), status: response.status },
    };
  } catch (e) {
    return { problem: { title: (e as Error).message } };
  }
}
