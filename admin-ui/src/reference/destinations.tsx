import PlaceIcon from '@mui/icons-material/Place';
import { DataTable, TextInput } from 'react-admin';
import { ReferenceCreate, ReferenceEdit, ReferenceList, validators } from './common';

/** Destination prefixes and their classes (longest prefix wins). id = prefix. */
export const DestinationIcon = PlaceIcon;

export const DestinationList = () => (
  <ReferenceList sortField="prefix" deletable>
    <DataTable.Col source="prefix" />
    <DataTable.Col source="destinationClass" />
  </ReferenceList>
);

const DestinationInputs = ({ isNew }: { isNew?: boolean }) => (
  <>
    <TextInput source="prefix" validate={validators.digitsPrefix} readOnly={!isNew} />
    <TextInput source="destinationClass" validate={validators.code} />
  </>
);

export const DestinationCreate = () => (
  <ReferenceCreate>
    <DestinationInputs isNew />
  </ReferenceCreate>
);

export const DestinationEdit = () => (
  <ReferenceEdit deletable>
    <DestinationInputs />
  </ReferenceEdit>
);
