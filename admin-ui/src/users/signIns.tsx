import HistoryIcon from '@mui/icons-material/History';
import { DataTable, FunctionField, List, SelectInput, TextInput, useTranslate, type RaRecord } from 'react-admin';
import { LocalDateField } from '../shared/LocalDateField';

export const SignInIcon = HistoryIcon;

export const OUTCOMES = ['SUCCESS', 'WRONG_PASSWORD', 'LOCKED_OUT', 'DISABLED', 'UNKNOWN_KEY', 'REVOKED_KEY'] as const;

/** The audit of sign-ins and failures, newest first; never a password. */
export const SignInList = () => {
  const translate = useTranslate();
  const filters = [
    <TextInput key="username" source="username" alwaysOn />,
    <SelectInput key="outcome" source="outcome" alwaysOn
      choices={OUTCOMES.map((id) => ({ id, name: translate(`app.sign_ins.outcome.${id}`) }))} />,
  ];
  return (
    <List filters={filters} sort={{ field: 'at', order: 'DESC' }} perPage={50}>
      <DataTable rowClick={false} bulkActionButtons={false}>
        <DataTable.Col source="at"><LocalDateField source="at" showTime /></DataTable.Col>
        <DataTable.Col source="username" />
        <DataTable.Col source="apiKey" />
        <DataTable.Col source="method">
          <FunctionField render={(r: RaRecord) => translate(`app.sign_ins.method.${r.method}`)} />
        </DataTable.Col>
        <DataTable.Col source="address" />
        <DataTable.Col source="outcome">
          <FunctionField render={(r: RaRecord) => translate(`app.sign_ins.outcome.${r.outcome}`)} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
