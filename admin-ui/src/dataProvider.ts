import { combineDataProviders, type DataProvider } from 'react-admin';
import { noResourceProvider } from './api/arrayResource';
import { accountDataProvider } from './accounts/dataProvider';
import { cdrDataProvider } from './cdrs/dataProvider';
import { documentDataProvider } from './documents/dataProvider';
import { cdrMappingDataProvider } from './imports/dataProvider';
import { inventoryDataProvider } from './inventory/dataProvider';
import { jobDataProvider } from './jobs/dataProvider';
import { periodDataProvider } from './periods/dataProvider';
import { referenceDataProvider } from './reference/dataProvider';
import { rejectDataProvider } from './rejects/dataProvider';
import { tariffDataProvider } from './tariffs/dataProvider';
import { userDataProvider } from './users/dataProvider';

/** Each resource of the app and the data provider of the capability it belongs to. */
const providers = new Map<string, DataProvider>([
  ['cdrs', cdrDataProvider],
  ['rejects', rejectDataProvider],
  ['cdr-mappings', cdrMappingDataProvider],
  ['jobs', jobDataProvider],
  ['tariffs', tariffDataProvider],
  ['destinations', referenceDataProvider],
  ['origins', referenceDataProvider],
  ['holidays', referenceDataProvider],
  ['operators', referenceDataProvider],
  ['trunks', referenceDataProvider],
  ['accounts', accountDataProvider],
  ['inventory', inventoryDataProvider],
  ['periods', periodDataProvider],
  ['documents', documentDataProvider],
  ['users', userDataProvider],
  ['api-keys', userDataProvider],
  ['sign-ins', userDataProvider],
]);

/** The app's data provider: each call goes to its resource's capability; an unknown resource is a 404. */
export const dataProvider: DataProvider = combineDataProviders(
  (resource) => providers.get(resource) ?? noResourceProvider,
);
