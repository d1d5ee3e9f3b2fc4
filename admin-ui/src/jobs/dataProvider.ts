import type { DataProvider } from 'react-admin';
import { api } from '../api/client';
import { arrayDataProvider, arrayResource } from '../api/arrayResource';
import { unwrap } from '../api/unwrap';
import type { components } from '../api/schema';

/** `jobs`: the last 500 jobs as a plain array keyed by id; one job read from the server; read-only. */
export const jobDataProvider: DataProvider = {
  ...arrayDataProvider({
    jobs: arrayResource<components['schemas']['Job']>({
      key: 'id',
      fields: [],
      list: () => unwrap(api.GET('/api/v1/jobs', { params: { query: { limit: 500 } } })),
    }),
  }),

  async getOne(_resource, params) {
    const job = await unwrap(api.GET('/api/v1/jobs/{id}', { params: { path: { id: String(params.id) } } }));
    return { data: { ...job, id: job.id } as any };
  },
};
