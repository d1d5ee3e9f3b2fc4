import { HttpError } from 'react-admin';
import type { components } from './schema';

export type Problem = components['schemas']['Problem'];
export type FieldError = components['schemas']['FieldError'];

/** True when the value looks like an RFC 7807 document. */
export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    ('title' in value || 'detail' in value || 'errors' in value || 'status' in value)
  );
}

/** One readable line: detail (or title), then each field error as "field: message". */
export function problemMessage(body: unknown, status: number): string {
  if (isProblem(body)) {
    const parts: string[] = [];
    const head = body.detail || body.title;
    if (head) parts.push(head);
    const fieldErrors = (body.errors ?? []).map((e) => `${e.field}: ${e.message}`);
    if (fieldErrors.length) parts.push(fieldErrors.join('; '));
    if (parts.length) return parts.join(' — ');
  }
  if (typeof body === 'string' && body.trim() && !body.trim().startsWith('<')) {
    return body.trim().slice(0, 300);
  }
  return `HTTP ${status}`;
}

/** The error react-admin shows: message from problem+json, status for authProvider.checkError. */
export function toHttpError(body: unknown, response: Response): HttpError {
  return new HttpError(problemMessage(body, response.status), response.status, body);
}

/**
 * A refusal whose `errors` name form inputs, as react-admin shows them under each input: field paths of the
 * problem ("definition.fields.trunk.regex") are grouped by their first part; parts that are no input go to
 * `fallback`. Other errors pass unchanged.
 */
export function withFormErrors(error: unknown, inputs: string[], fallback: string): unknown {
  if (!(error instanceof HttpError) || !isProblem(error.body) || !error.body.errors?.length) return error;
  const grouped: Record<string, string[]> = {};
  for (const e of error.body.errors) {
    const head = e.field.split(/[.[]/)[0];
    const input = inputs.includes(head) ? head : fallback;
    (grouped[input] ??= []).push(e.field === input ? e.message : `${e.field}: ${e.message}`);
  }
  const errors = Object.fromEntries(Object.entries(grouped).map(([k, v]) => [k, v.join('; ')]));
  return new HttpError(error.message, error.status, { ...error.body, errors });
}

/**
 * A record's or a form's refusals by field path ("caller", "stages[1].durationSec", "participants[0].trunk"), several
 * messages of one field joined; a problem's "records[0]." prefix is dropped (a one-record request built by a form).
 */
export function errorsByField(errors: FieldError[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors ?? []) {
    const field = e.field.replace(/^records\[0\]\.?/, '');
    out[field] = out[field] ? `${out[field]}; ${e.message}` : e.message;
  }
  return out;
}
