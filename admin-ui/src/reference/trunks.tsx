import CableIcon from '@mui/icons-material/Cable';
import { DataTable, TextInput } from 'react-admin';
import { ReferenceCreate, ReferenceEdit, ReferenceList, validators } from './common';

/** Trunks for outbound and forwarded calls. id = trunk. The API has no DELETE here. */
export const TrunkIcon = CableIcon;

export const TrunkList = () => (
  <ReferenceList sortField="trunk" deletable={false}>
    <DataTable.Col source="trunk" />
    <DataTable.Col source="description" />
  </ReferenceList>
);

const TrunkInputs = ({ isNew }: { isNew?: boolean }) => (
  <>
    <TextInput source="trunk" validate={validators.identifier} readOnly={!isNew} />
    <TextInput source="description" />
  </>
);

export const TrunkCreate = () => (
  <ReferenceCreate>
    <TrunkInputs isNew />
  </ReferenceCreate>
);

export const TrunkEdit = () => (
  <ReferenceEdit deletable={false}>
    <TrunkInputs />
  </ReferenceEdit>
);
