import { api } from '../api/client';
import { toHttpError } from '../api/problem';
import type { components } from '../api/schema';

type Schemas = components['schemas'];
export type ReprocessRequest = Schemas['ReprocessRequest'];
export type ReprocessResult = Schemas['ReprocessResult'];
export type Job = Schemas['Job'];

/** What a reprocess call answered: the result at once (200), or the job that re-rates a large selection (202). */
export type ReprocessAnswer = { kind: 'done'; result: ReprocessResult } | { kind: 'job'; job: Job };

export async function reprocess(body: ReprocessRequest): Promise<ReprocessAnswer> {
  const { data, error, response } = await api.POST('/api/v1/rejects/reprocess', { body });
  if (!response.ok) throw toHttpError(error, response);
  return response.status === 202 ? { kind: 'job', job: data as Job } : { kind: 'done', result: data as ReprocessResult };
}

export async function job(id: string): Promise<Job> {
  const { data, error, response } = await api.GET('/api/v1/jobs/{id}', { params: { path: { id } } });
  if (!response.ok) throw toHttpError(error, response);
  return data as Job;
}

/** Polls the job until it is no longer RUNNING, reporting each reading. */
export async function awaitJob(first: Job, onProgress: (job: Job) => void, everyMs = 1000): Promise<Job> {
  let current = first;
  onProgress(current);
  while (current.state === 'RUNNING') {
    await new Promise((resolve) => setTimeout(resolve, everyMs));
    current = await job(current.id);
    onProgress(current);
  }
  return current;
}
