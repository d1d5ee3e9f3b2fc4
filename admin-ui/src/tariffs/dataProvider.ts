import type { DataProvider } from 'react-admin';
import { arrayDataProvider, arrayResource } from '../api/arrayResource';
import { tariffApi, type Tariff } from './api';

/**
 * `tariffs`: the list of tariffs, a plain array keyed by code; read-only here. Versions, models and the rest are
 * read with react-query (`queries.ts`), not through the data provider.
 */
export const tariffDataProvider: DataProvider = arrayDataProvider({
  tariffs: arrayResource<Tariff>({
    key: 'code',
    fields: ['code', 'name'],
    list: () => tariffApi.list(),
  }),
});
