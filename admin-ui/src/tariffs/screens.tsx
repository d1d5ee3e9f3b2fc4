import { Route } from 'react-router-dom';
import RequestQuoteIcon from '@mui/icons-material/RequestQuote';
import {
  DataTable,
  List,
  SearchInput,
  Show,
  TabbedShowLayout,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import type { Tariff } from './api';
import { TariffAuditTable } from './TariffAuditTable';
import { TariffVersionsTable } from './TariffVersionsTable';
import { TariffDiffPage } from './TariffDiffPage';
import { TariffSimulationPage } from './TariffSimulationPage';
import { TariffVersionPage } from './TariffVersionPage';

export const TariffIcon = RequestQuoteIcon;

type TariffRecord = Tariff & { id: string };

const tariffFilters = [<SearchInput key="q" source="q" alwaysOn />];

/** Tariffs with the version in force now and the latest version. */
export const TariffList = () => (
  <List filters={tariffFilters} sort={{ field: 'code', order: 'ASC' }} perPage={25} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="code" />
      <DataTable.Col source="name" />
      <DataTable.NumberCol source="versionInForce" options={{ useGrouping: false }} />
      <DataTable.NumberCol source="latestVersion" options={{ useGrouping: false }} />
    </DataTable>
  </List>
);

const TariffTitle = () => {
  const record = useRecordContext<TariffRecord>();
  return <>{record ? `${record.code} — ${record.name}` : ''}</>;
};

const Versions = () => {
  const record = useRecordContext<TariffRecord>();
  return record ? <TariffVersionsTable code={record.code} versionInForce={record.versionInForce} /> : null;
};

const Audit = () => {
  const record = useRecordContext<TariffRecord>();
  return record ? <TariffAuditTable code={record.code} /> : null;
};

/** A tariff: its versions (open one, or start a draft from one) and its audit trail. */
export const TariffShow = () => (
  <Show title={<TariffTitle />} actions={<TopToolbar />}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="app.tariff.versions">
        <Versions />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.tariff.audit.tab" path="audit">
        <Audit />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);

/** Pages of one version, under the resource prefix: /tariffs/:code/versions/:version[/simulate|/diff]. */
export const tariffRoutes = [
  <Route key="version" path=":code/versions/:version" element={<TariffVersionPage />} />,
  <Route key="simulate" path=":code/versions/:version/simulate" element={<TariffSimulationPage />} />,
  <Route key="diff" path=":code/versions/:version/diff" element={<TariffDiffPage />} />,
];
