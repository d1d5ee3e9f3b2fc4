import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { Box, Grid, Typography } from '@mui/material';
import {
  ArrayInput,
  Create,
  DataTable,
  Edit,
  CreateButton,
  EditButton,
  FilterButton,
  List,
  SearchInput,
  SelectInput,
  Show,
  SimpleForm,
  SimpleList,
  SimpleFormIterator,
  TabbedShowLayout,
  TextInput,
  TopToolbar,
  regex,
  required,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { accountQuery, type AccountDetails } from './dataProvider';
import { ExportButtons } from '../shared/ExportButtons';
import { useNarrow } from '../shared/useNarrow';
import { AccountLedger } from '../ledger/AccountLedger';
import { AccountUsagePanel } from '../ledger/AccountUsage';
import { LocalDateField } from '../shared/LocalDateField';
import { RuDateInput } from '../shared/RuDateInput';
import { useAbilities } from '../shared/abilities';
import { validateBik, validateInn, validateKpp, validateOgrn, validateSettlementAccount } from '../shared/requisites';
import { useTariffs } from '../tariffs/queries';
import { NumberAssignForm, NumbersTable } from './Numbers';
import { DedicatedOperatorForm } from './DedicatedOperators';
import { SalesManagerForm } from './SalesManager';
import { useFormat } from '../shared/format';

/** Client accounts (лицевые счета) with their client's legal details, ledger and usage. id = account. */
export const AccountIcon = AccountBalanceIcon;

const AccountSearch = (props: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  return <SearchInput {...props} placeholder={translate('app.lists.account_search')} />;
};

const TariffFilter = (props: { source: string; label?: string }) => {
  const { data: tariffs } = useTariffs();
  return <SelectInput {...props} choices={(Array.isArray(tariffs) ? tariffs : []).map((t) => ({ id: t.code, name: `${t.code} — ${t.name}` }))} />;
};

const accountFilters = [
  <AccountSearch key="q" source="q" alwaysOn />,
  <TariffFilter key="tariff" source="tariff" label="resources.accounts.fields.tariff" />,
];

const AccountListActions = () => {
  const { can } = useAbilities();
  return (
    <TopToolbar>
      <FilterButton />
      <ExportButtons path="/api/v1/accounts" query={accountQuery} />
      {can('accounts.create') && <CreateButton />}
    </TopToolbar>
  );
};

/** Accounts paged, sorted and searched by the server (code, client, INN, phone number); cards on a phone. */
export const AccountList = () => {
  const narrow = useNarrow();
  return (
    <List
      filters={accountFilters}
      sort={{ field: 'account', order: 'ASC' }}
      perPage={25}
      exporter={false}
      actions={<AccountListActions />}
    >
      {narrow ? (
        <SimpleList
          primaryText={(record) => `${record.account} — ${record.client}`}
          secondaryText={(record) => [record.tariff, ...(record.numbers ?? [])].filter(Boolean).join(' · ')}
          linkType="show"
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="account" />
          <DataTable.Col source="client" />
          <DataTable.Col source="inn" />
          <DataTable.Col source="tariff" />
          <DataTable.Col source="tariffFrom" disableSort>
            <LocalDateField source="tariffFrom" />
          </DataTable.Col>
          <DataTable.Col
            source="numbers"
            disableSort
            render={(record: { numbers?: string[] }) => (record.numbers ?? []).join(', ')}
          />
        </DataTable>
      )}
    </List>
  );
};

const AccountTitle = () => {
  const record = useRecordContext<AccountDetails>();
  return <>{record ? `${record.account} — ${record.client}` : ''}</>;
};

/** Details and numbers for all staff; editing, the ledger (and entering into it) and usage as the abilities allow. */
export const AccountShow = () => {
  const { can } = useAbilities();
  return (
    <Show title={<AccountTitle />} actions={<TopToolbar>{can('accounts.edit') && <EditButton />}</TopToolbar>}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="app.account.details">
          <AccountDetailsView />
          <AccountNumbers canAssign={can('accounts.numbers')} />
          {can('accounts.numbers') && <AccountOperators />}
          {can('accounts.salesManager') && <AccountSalesManager />}
        </TabbedShowLayout.Tab>
        {can('ledger.read') && (
          <TabbedShowLayout.Tab label="app.ledger.title" path="ledger">
            <WithAccount render={(account) => <AccountLedger account={account} canEnter={can('ledger.post')} />} />
          </TabbedShowLayout.Tab>
        )}
        {can('ledger.read') && (
          <TabbedShowLayout.Tab label="app.usage.title" path="usage">
            <WithAccount render={(account) => <AccountUsagePanel account={account} />} />
          </TabbedShowLayout.Tab>
        )}
      </TabbedShowLayout>
    </Show>
  );
};

const WithAccount = ({ render }: { render: (account: string) => React.ReactNode }) => {
  const record = useRecordContext<AccountDetails>();
  return record ? <>{render(record.account)}</> : null;
};

const Item = ({ label, value }: { label: string; value?: React.ReactNode }) => {
  const translate = useTranslate();
  return (
    <Grid size={{ xs: 12, sm: 6, md: 4 }}>
      <Typography variant="caption" color="text.secondary">
        {translate(label)}
      </Typography>
      <Typography variant="body2">{value || '—'}</Typography>
    </Grid>
  );
};

/** a validity as the Russian reads it: "01.01.2026 — …" */
const useDates = () => {
  const fmt = useFormat();
  return (from?: string, to?: string) => `${from ? fmt.date(from) : ''} — ${to ? fmt.date(to) : '…'}`;
};

const AccountDetailsView = () => {
  const record = useRecordContext<AccountDetails>();
  const translate = useTranslate();
  const dates = useDates();
  if (!record) return null;
  const address = (a?: { postalCode: string; address: string }) => (a ? `${a.postalCode}, ${a.address}` : undefined);
  return (
    <Box>
      <Grid container spacing={2}>
        <Item label="resources.accounts.fields.client" value={record.client} />
        <Item label="resources.accounts.fields.inn" value={record.inn} />
        <Item label="resources.accounts.fields.kpp" value={record.kpp} />
        <Item label="resources.accounts.fields.ogrn" value={record.ogrn} />
        <Item label="resources.accounts.fields.bik" value={record.bik} />
        <Item label="resources.accounts.fields.settlementAccount" value={record.settlementAccount} />
        <Item label="app.account.legal_address" value={address(record.legalAddress)} />
        <Item label="app.account.postal_address" value={address(record.postalAddress)} />
        <Item
          label="resources.accounts.fields.deliveryMethod"
          value={record.deliveryMethod && translate(`app.delivery.${record.deliveryMethod}`)}
        />
        <Item label="resources.accounts.fields.email" value={record.email} />
        <Item label="app.account.sales_manager" value={record.salesManager} />
        <Item
          label="app.account.contacts"
          value={(record.contacts ?? []).map((c) => [c.name, c.role, c.phone, c.email].filter(Boolean).join(', ')).join('; ')}
        />
        <Item
          label="app.account.tariffs"
          value={(record.tariffs ?? []).map((t) => `${t.tariff}: ${dates(t.validFrom, t.validTo)}`).join('; ')}
        />
        <Item
          label="app.account.operators"
          value={(record.dedicatedOperators ?? []).map((d) => `${d.operatorId}: ${dates(d.validFrom, d.validTo)}`).join('; ')}
        />
      </Grid>
    </Box>
  );
};

/** The account's numbers (kind, channels, dates) and, for sales and finance, the form that assigns one. */
const AccountNumbers = ({ canAssign }: { canAssign: boolean }) => {
  const record = useRecordContext<AccountDetails>();
  const translate = useTranslate();
  const refresh = useRefresh();
  if (!record) return null;
  return (
    <Box sx={{ mt: 3 }}>
      <Typography variant="subtitle1" color="text.secondary" gutterBottom>
        {translate('app.account.numbers')}
      </Typography>
      <NumbersTable numbers={record.numbers} />
      {canAssign && <NumberAssignForm account={record.account} onAssigned={() => refresh()} />}
    </Box>
  );
};

/** For sales and finance: dedicate an operator to the account (the dedicated ones are listed in the details above). */
const AccountOperators = () => {
  const record = useRecordContext<AccountDetails>();
  const refresh = useRefresh();
  return record ? <DedicatedOperatorForm account={record.account} onAdded={() => refresh()} /> : null;
};

/** For finance and admins: choose the sales user who looks after the account. */
const AccountSalesManager = () => {
  const record = useRecordContext<AccountDetails>();
  const refresh = useRefresh();
  return record ? (
    <SalesManagerForm account={record.account} current={record.salesManager} onChanged={() => refresh()} />
  ) : null;
};

const DeliveryInput = () => {
  const translate = useTranslate();
  const choices = ['PORTAL', 'EMAIL', 'POST', 'COURIER'].map((id) => ({ id, name: translate(`app.delivery.${id}`) }));
  return <SelectInput source="deliveryMethod" choices={choices} />;
};

const optionalRegex = (pattern: RegExp) => (value: unknown) =>
  value === undefined || value === null || value === '' ? undefined : regex(pattern, 'ra.validation.regex')(value, {});

/** The client's legal details and the account's tariffs, as the API takes them. */
/** The tariff of a period: one of the tariffs that exist (code — name), never free text. */
const TariffPicker = (_props: { source?: string }) => {
  const { data } = useTariffs();
  const choices = (Array.isArray(data) ? data : []).map((t) => ({ id: t.code, name: `${t.code} — ${t.name}` }));
  return (
    <SelectInput source="tariff" label="app.account.tariff" choices={choices} validate={required()}
      isLoading={!data} sx={{ minWidth: 320 }} />
  );
};

const AccountInputs = ({ isNew }: { isNew?: boolean }) => (
  <>
    <TextInput source="account" validate={[required(), regex(/^[A-Za-z0-9_-]{1,32}$/, 'ra.validation.regex')]}
      readOnly={!isNew} />
    <TextInput source="client" validate={required()} fullWidth />
    <TextInput source="inn" validate={validateInn} />
    <TextInput source="kpp" validate={validateKpp} />
    <TextInput source="ogrn" validate={validateOgrn} />
    <TextInput source="bik" validate={validateBik} />
    <TextInput source="settlementAccount" validate={validateSettlementAccount} />
    <TextInput source="legalAddress.postalCode" label="app.account.legal_postal_code" validate={optionalRegex(/^[0-9]{6}$/)} />
    <TextInput source="legalAddress.address" label="app.account.legal_address" fullWidth />
    <TextInput source="postalAddress.postalCode" label="app.account.postal_postal_code" validate={optionalRegex(/^[0-9]{6}$/)} />
    <TextInput source="postalAddress.address" label="app.account.postal_address" fullWidth />
    <DeliveryInput />
    <TextInput source="email" />
    <ArrayInput source="contacts" label="app.account.contacts">
      <SimpleFormIterator inline>
        <TextInput source="name" label="app.account.contact_name" validate={required()} />
        <TextInput source="role" label="app.account.contact_role" />
        <TextInput source="phone" label="app.account.contact_phone" />
        <TextInput source="email" label="app.account.contact_email" />
      </SimpleFormIterator>
    </ArrayInput>
    <ArrayInput source="tariffs" label="app.account.tariffs">
      <SimpleFormIterator inline>
        <TariffPicker />
        <RuDateInput source="validFrom" label="app.account.valid_from" validate={required()} />
        <RuDateInput source="validTo" label="app.account.valid_to" />
      </SimpleFormIterator>
    </ArrayInput>
  </>
);

export const AccountEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <AccountInputs />
    </SimpleForm>
  </Edit>
);

export const AccountCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ tariffs: [{ tariff: 'CC-STANDARD-2026', validFrom: '' }] }}>
      <AccountInputs isNew />
    </SimpleForm>
  </Create>
);
