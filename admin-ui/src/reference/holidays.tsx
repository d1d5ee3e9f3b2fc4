import EventIcon from '@mui/icons-material/Event';
import { DataTable, TextInput } from 'react-admin';
import { LocalDateField } from '../shared/LocalDateField';
import { RuDateInput } from '../shared/RuDateInput';
import { ReferenceCreate, ReferenceEdit, ReferenceList, validators } from './common';

/** Non-working dates (the whole day is off-peak). id = date. */
export const HolidayIcon = EventIcon;

export const HolidayList = () => (
  <ReferenceList sortField="date" deletable>
    <DataTable.Col source="date">
      <LocalDateField source="date" />
    </DataTable.Col>
    <DataTable.Col source="name" />
  </ReferenceList>
);

const HolidayInputs = ({ isNew }: { isNew?: boolean }) => (
  <>
    <RuDateInput source="date" validate={validators.required} readOnly={!isNew} />
    <TextInput source="name" />
  </>
);

export const HolidayCreate = () => (
  <ReferenceCreate>
    <HolidayInputs isNew />
  </ReferenceCreate>
);

export const HolidayEdit = () => (
  <ReferenceEdit deletable>
    <HolidayInputs />
  </ReferenceEdit>
);
