import { useState } from 'react';
import { Button as MuiButton, Stack, TextField } from '@mui/material';
import PeopleIcon from '@mui/icons-material/People';
import LockResetIcon from '@mui/icons-material/LockReset';
import {
  AutocompleteInput, BooleanInput, CheckboxGroupInput, Create, DataTable, Edit, FormDataConsumer, FunctionField, List,
  PasswordInput, ReferenceInput, SimpleForm, TextInput, required, useNotify, useRecordContext, useRedirect,
  useTranslate, type RaRecord,
} from 'react-admin';
import { LocalDateField } from '../shared/LocalDateField';
import { ProblemAlert } from '../shared/ProblemAlert';
import type { Problem } from '../api/problem';
import { resetPassword } from './api';
import { SecretDialog } from './SecretDialog';
import { PERSON_ROLES, hasClientRole, roleChoices } from './roles';

export const UserIcon = PeopleIcon;

const RolesText = () => {
  const record = useRecordContext<RaRecord>();
  const translate = useTranslate();
  return <>{((record?.roles as string[]) ?? []).map((r) => translate(`app.roles.${r}`)).join(', ')}</>;
};

export const UserList = () => {
  const translate = useTranslate();
  return (
    <List sort={{ field: 'username', order: 'ASC' }} filters={[<TextInput key="q" source="q" alwaysOn />]}>
      <DataTable>
        <DataTable.Col source="username" />
        <DataTable.Col source="roles"><RolesText /></DataTable.Col>
        <DataTable.Col source="client" />
        <DataTable.Col source="enabled">
          <FunctionField render={(r: RaRecord) => translate(r.enabled ? 'app.users.enabled' : 'app.users.disabled')} />
        </DataTable.Col>
        <DataTable.Col source="mustChangePassword">
          <FunctionField render={(r: RaRecord) => (r.mustChangePassword ? translate('app.users.must_change') : '')} />
        </DataTable.Col>
        <DataTable.Col source="locked">
          <FunctionField render={(r: RaRecord) => (r.locked ? translate('app.users.locked') : '')} />
        </DataTable.Col>
        <DataTable.Col source="createdAt"><LocalDateField source="createdAt" /></DataTable.Col>
      </DataTable>
    </List>
  );
};

const RoleInputs = () => {
  const translate = useTranslate();
  return (
    <>
      <CheckboxGroupInput source="roles" choices={roleChoices(PERSON_ROLES, translate)} validate={required()} />
      <FormDataConsumer>
        {({ formData }) => hasClientRole(formData.roles) && (
          <ReferenceInput source="client" reference="accounts">
            <AutocompleteInput optionText="id" validate={required()} helperText="app.users.client_help" />
          </ReferenceInput>
        )}
      </FormDataConsumer>
      <TextInput source="email" type="email" />
      <BooleanInput source="enabled" defaultValue />
    </>
  );
};

export const UserCreate = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const [temporary, setTemporary] = useState<string>();
  return (
    <>
      <Create
        redirect={false}
        mutationOptions={{
          onSuccess: (data: RaRecord) => {
            if (data.temporaryPassword) setTemporary(data.temporaryPassword);
            else redirect('list', 'users');
          },
        }}
      >
        <SimpleForm>
          <TextInput source="username" validate={required()} helperText="app.users.username_help" />
          <PasswordInput source="password" helperText="app.users.password_help" autoComplete="new-password" />
          <RoleInputs />
        </SimpleForm>
      </Create>
      {temporary && (
        <SecretDialog title={translate('app.users.temporary_password')} secret={temporary}
          onClose={() => { setTemporary(undefined); redirect('list', 'users'); }} />
      )}
    </>
  );
};

/** Resets the password: the one typed, or a temporary one shown once; the user must change it at next sign-in. */
const ResetPassword = () => {
  const record = useRecordContext<RaRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const [password, setPassword] = useState('');
  const [temporary, setTemporary] = useState<string>();
  const [problem, setProblem] = useState<Problem>();
  if (!record) return null;
  const reset = async () => {
    const outcome = await resetPassword(String(record.id), password || undefined);
    setProblem(outcome.problem);
    if (outcome.data) {
      setPassword('');
      if (outcome.data.temporaryPassword) setTemporary(outcome.data.temporaryPassword);
      else notify('app.users.reset_done', { type: 'success' });
    }
  };
  return (
    <Stack spacing={1} sx={{ p: 2, maxWidth: 480 }}>
      <TextField type="password" size="small" label={translate('app.users.new_password_optional')} value={password}
        onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
      <MuiButton startIcon={<LockResetIcon />} variant="outlined" onClick={reset}>
        {translate('app.users.reset_password')}
      </MuiButton>
      {problem && <ProblemAlert problem={problem} fallbackTitle={translate('app.users.refused')} />}
      {temporary && (
        <SecretDialog title={translate('app.users.temporary_password')} secret={temporary}
          onClose={() => setTemporary(undefined)} />
      )}
    </Stack>
  );
};

export const UserEdit = () => (
  <Edit mutationMode="pessimistic" aside={<ResetPassword />}>
    <SimpleForm>
      <TextInput source="username" readOnly />
      <RoleInputs />
    </SimpleForm>
  </Edit>
);
