import { useState } from 'react';
import KeyIcon from '@mui/icons-material/VpnKey';
import BlockIcon from '@mui/icons-material/Block';
import {
  Button, CheckboxGroupInput, Confirm, Create, DataTable, FunctionField, List, SimpleForm, TextInput, required,
  useNotify, useRecordContext, useRedirect, useRefresh, useTranslate, type RaRecord,
} from 'react-admin';
import { LocalDateField } from '../shared/LocalDateField';
import { revokeApiKey } from './api';
import { SecretDialog } from './SecretDialog';
import { KEY_ROLES, roleChoices } from './roles';

export const ApiKeyIcon = KeyIcon;

/** Revokes the key after a confirmation; its next request is a 401. */
export const RevokeButton = () => {
  const record = useRecordContext<RaRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!record || record.revokedAt) return null;
  const revoke = async () => {
    setOpen(false);
    const outcome = await revokeApiKey(String(record.id));
    if (outcome.problem) notify(outcome.problem.detail ?? outcome.problem.title ?? '', { type: 'error' });
    else notify('app.keys.revoked_done', { type: 'success' });
    refresh();
  };
  return (
    <>
      <Button label="app.keys.revoke" color="error" onClick={(e) => { e.stopPropagation(); setOpen(true); }}>
        <BlockIcon />
      </Button>
      <Confirm isOpen={open} title={translate('app.keys.revoke_title', { name: record.id })}
        content={translate('app.keys.revoke_content')} onConfirm={revoke} onClose={() => setOpen(false)} />
    </>
  );
};

export const ApiKeyList = () => {
  const translate = useTranslate();
  return (
    <List sort={{ field: 'name', order: 'ASC' }}>
      <DataTable rowClick={false}>
        <DataTable.Col source="name" />
        <DataTable.Col source="roles">
          <FunctionField render={(r: RaRecord) => (r.roles as string[]).map((x) => translate(`app.roles.${x}`)).join(', ')} />
        </DataTable.Col>
        <DataTable.Col source="sources">
          <FunctionField render={(r: RaRecord) => (r.sources as string[]).join(', ') || translate('app.keys.no_sources')} />
        </DataTable.Col>
        <DataTable.Col source="hint" />
        <DataTable.Col source="createdAt"><LocalDateField source="createdAt" showTime /></DataTable.Col>
        <DataTable.Col source="lastUsedAt"><LocalDateField source="lastUsedAt" showTime emptyText="—" /></DataTable.Col>
        <DataTable.Col source="revokedAt"><LocalDateField source="revokedAt" showTime emptyText="—" /></DataTable.Col>
        <DataTable.Col label=""><RevokeButton /></DataTable.Col>
      </DataTable>
    </List>
  );
};

export const ApiKeyCreate = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const [secret, setSecret] = useState<string>();
  return (
    <>
      <Create redirect={false} mutationOptions={{ onSuccess: (data: RaRecord) => setSecret(data.secret) }}>
        <SimpleForm defaultValues={{ roles: ['API_CLIENT'] }}>
          <TextInput source="name" validate={required()} helperText="app.users.username_help" />
          <CheckboxGroupInput source="roles" choices={roleChoices(KEY_ROLES, translate)} validate={required()} />
          <TextInput source="sources" multiline helperText="app.keys.sources_help" />
        </SimpleForm>
      </Create>
      {secret && (
        <SecretDialog title={translate('app.keys.secret_title')} secret={secret}
          onClose={() => { setSecret(undefined); redirect('list', 'api-keys'); }} />
      )}
    </>
  );
};
