import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { DataTable, List, SearchInput } from 'react-admin';
import { LocalDateField } from '../components/LocalDateField';

/** Client accounts (read-only here). id = account. */
export const AccountIcon = AccountBalanceIcon;

const accountFilters = [<SearchInput key="q" source="q" alwaysOn />];

export const AccountList = () => (
  <List filters={accountFilters} sort={{ field: 'account', order: 'ASC' }} perPage={25} exporter={false}>
    <DataTable bulkActionButtons={false}>
      <DataTable.Col source="account" />
      <DataTable.Col source="client" />
      <DataTable.Col source="tariff" />
      <DataTable.Col source="tariffFrom">
        <LocalDateField source="tariffFrom" />
      </DataTable.Col>
      <DataTable.Col
        source="numbers"
        disableSort
        render={(record: { numbers?: string[] }) => (record.numbers ?? []).join(', ')}
      />
    </DataTable>
  </List>
);
