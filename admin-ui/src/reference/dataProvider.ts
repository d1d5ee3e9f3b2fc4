import type { DataProvider } from 'react-admin';
import { api } from '../api/client';
import { arrayDataProvider, arrayResource } from '../api/arrayResource';
import { unwrap } from '../api/unwrap';
import type { components } from '../api/schema';

/**
 * Reference data, each a plain array keyed by its natural key (`destinations` and `origins` by prefix, `holidays` by
 * date, `operators` by operatorId, `trunks` by trunk); saved with a `PUT` of the list endpoint, deleted where the API
 * has `DELETE` (not operators and trunks).
 */

type Schemas = components['schemas'];

export const referenceDataProvider: DataProvider = arrayDataProvider({
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
});
