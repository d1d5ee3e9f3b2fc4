import type { ReactNode } from 'react';
import {
  Create,
  DataTable,
  Edit,
  List,
  SaveButton,
  SearchInput,
  SimpleForm,
  Toolbar,
  TopToolbar,
  CreateButton,
  regex,
  required,
} from 'react-admin';
import { useAbilities } from '../shared/abilities';

/** Building blocks shared by the reference-data resources (plain arrays paged in the browser). */

const searchFilter = [<SearchInput key="q" source="q" alwaysOn />];

export const ReferenceList = ({
  sortField,
  deletable,
  children,
}: {
  sortField: string;
  deletable: boolean;
  children: ReactNode;
}) => {
  // who may not change reference data (sales, finance) reads it: no "Create", no row opening a form, no bulk delete
  const { can } = useAbilities();
  const editable = can('reference.edit');
  return (
    <List
      filters={searchFilter}
      sort={{ field: sortField, order: 'ASC' }}
      perPage={25}
      exporter={false}
      actions={<TopToolbar>{editable && <CreateButton />}</TopToolbar>}
    >
      <DataTable rowClick={editable ? 'edit' : false} bulkActionButtons={deletable && editable ? undefined : false}>
        {children}
      </DataTable>
    </List>
  );
};

const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** Edit form; without a DELETE endpoint the toolbar has only "Save". */
export const ReferenceEdit = ({ deletable, children }: { deletable: boolean; children: ReactNode }) => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm toolbar={deletable ? undefined : <SaveOnlyToolbar />}>{children}</SimpleForm>
  </Edit>
);

export const ReferenceCreate = ({
  children,
  defaultValues,
}: {
  children: ReactNode;
  defaultValues?: Record<string, unknown>;
}) => (
  <Create redirect="list">
    <SimpleForm defaultValues={defaultValues}>{children}</SimpleForm>
  </Create>
);

/** Validators mirroring the patterns of openapi.yaml. */
export const validators = {
  digitsPrefix: [required(), regex(/^[0-9]{1,15}$/, 'ra.validation.regex')],
  ruPrefix: [required(), regex(/^7[0-9]{0,10}$/, 'ra.validation.regex')],
  code: [required(), regex(/^[A-Z][A-Z0-9_]*$/, 'ra.validation.regex')],
  identifier: [required(), regex(/^[A-Za-z0-9_-]{1,32}$/, 'ra.validation.regex')],
  required: [required()],
};

