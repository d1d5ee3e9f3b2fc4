import CallReceivedIcon from '@mui/icons-material/CallReceived';
import { DataTable, TextInput } from 'react-admin';
import { ReferenceCreate, ReferenceEdit, ReferenceList, validators } from './common';

/** Caller-origin classes for calls into 8-800, by prefix of an 11-digit number. id = prefix. */
export const OriginIcon = CallReceivedIcon;

export const OriginList = () => (
  <ReferenceList sortField="prefix" deletable>
    <DataTable.Col source="prefix" />
    <DataTable.Col source="origin" />
  </ReferenceList>
);

const OriginInputs = ({ isNew }: { isNew?: boolean }) => (
  <>
    <TextInput source="prefix" validate={validators.ruPrefix} readOnly={!isNew} />
    <TextInput source="origin" validate={validators.code} />
  </>
);

export const OriginCreate = () => (
  <ReferenceCreate>
    <OriginInputs isNew />
  </ReferenceCreate>
);

export const OriginEdit = () => (
  <ReferenceEdit deletable>
    <OriginInputs />
  </ReferenceEdit>
);
