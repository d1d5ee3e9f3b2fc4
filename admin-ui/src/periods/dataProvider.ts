import type { DataProvider } from 'react-admin';
import { api } from '../api/client';
import { arrayDataProvider, arrayResource } from '../api/arrayResource';
import { unwrap } from '../api/unwrap';
import type { components } from '../api/schema';

/**
 * `periods`: financial periods listed as a plain array keyed by month, one read from the server; read-only here
 * (close, reopen and re-rating are actions of the period's page).
 */

export type FinancialPeriod = components['schemas']['FinancialPeriod'];

export const periodDataProvider: DataProvider = {
  ...arrayDataProvider({
    periods: arrayResource<FinancialPeriod>({
      key: 'month',
      fields: [],
      list: () => unwrap(api.GET('/api/v1/periods')),
    }),
  }),

  async getOne(_resource, params) {
    const period = await unwrap(api.GET('/api/v1/periods/{month}', { params: { path: { month: String(params.id) } } }));
    return { data: { ...period, id: period.month } as any };
  },
};
