import HeadsetMicIcon from '@mui/icons-material/HeadsetMic';
import { DataTable, TextInput } from 'react-admin';
import { ReferenceCreate, ReferenceEdit, ReferenceList, validators } from './common';

/** Call-centre operators and their sites. id = operatorId. The API has no DELETE here. */
export const OperatorIcon = HeadsetMicIcon;

export const OperatorList = () => (
  <ReferenceList sortField="operatorId" deletable={false}>
    <DataTable.Col source="operatorId" />
    <DataTable.Col source="site" />
    <DataTable.Col source="name" />
  </ReferenceList>
);

const OperatorInputs = ({ isNew }: { isNew?: boolean }) => (
  <>
    <TextInput source="operatorId" validate={validators.identifier} readOnly={!isNew} />
    <TextInput source="site" validate={validators.code} />
    <TextInput source="name" />
  </>
);

export const OperatorCreate = () => (
  <ReferenceCreate>
    <OperatorInputs isNew />
  </ReferenceCreate>
);

export const OperatorEdit = () => (
  <ReferenceEdit deletable={false}>
    <OperatorInputs />
  </ReferenceEdit>
);
