import TransformIcon from '@mui/icons-material/Transform';
import { DataTable, SelectInput, TextInput, regex, required } from 'react-admin';
import { LocalDateField } from '../shared/LocalDateField';
import { ReferenceCreate, ReferenceEdit, ReferenceList } from '../reference/common';

/**
 * Mappings of equipment files to CDRs: data a tariff manager edits, the definition as JSON in a text area.
 * id = name.
 */
export const CdrMappingIcon = TransformIcon;

export const MAPPING_FORMATS = ['ASTERISK_CSV', 'FREESWITCH_CSV'];

/** A skeleton a new mapping starts from: every key the server knows, to be filled in. */
export const NEW_DEFINITION = {
  timeZone: 'Europe/Moscow',
  timeFormat: 'yyyy-MM-dd HH:mm:ss',
  numberRewrites: [{ matches: '[^0-9]', replace: '' }, { matches: '^8(\\d{10})$', replace: '7$1' }],
  fields: {
    cdrId: { from: 'uniqueid' },
    startTime: { from: 'start' },
    caller: { from: 'src' },
    called: { from: 'dst' },
    accountCode: { from: 'accountcode' },
    trunk: { from: ['dstchannel', 'channel'], regex: '^SIP/(TRUNK-[A-Z])-' },
  },
  callType: {
    rules: [
      { when: { field: 'dcontext', in: ['from-internal'] }, then: 'OUTBOUND' },
      { when: { field: 'dst', matches: '^(7|8)800\\d{7}$' }, then: 'INBOUND_800' },
    ],
  },
  stages: { rules: [], otherwise: { type: 'IVR', seconds: { from: 'billsec' } } },
};

/** The definition is edited as text and sent as JSON; text that is not JSON is refused before sending. */
export const definitionAsText = (value: unknown) =>
  typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value, null, 2);

export const validJson = (value: unknown) => {
  if (typeof value !== 'string') return undefined;
  try {
    const parsed = JSON.parse(value);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? undefined : 'app.mappings.not_object';
  } catch (e) {
    return { message: 'app.mappings.invalid_json', args: { error: (e as Error).message } };
  }
};

export const CdrMappingList = () => (
  <ReferenceList sortField="name" deletable>
    <DataTable.Col source="name" />
    <DataTable.Col source="format" />
    <DataTable.Col source="description" />
    <DataTable.Col source="updatedAt">
      <LocalDateField source="updatedAt" showTime />
    </DataTable.Col>
  </ReferenceList>
);

const MappingInputs = ({ isNew }: { isNew?: boolean }) => (
  <>
    <TextInput
      source="name"
      validate={[required(), regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'ra.validation.regex')]}
      readOnly={!isNew}
    />
    <SelectInput source="format" choices={MAPPING_FORMATS.map((id) => ({ id, name: id }))} validate={required()} />
    <TextInput source="description" multiline fullWidth />
    <TextInput
      source="definition"
      multiline
      fullWidth
      minRows={16}
      maxRows={40}
      format={definitionAsText}
      parse={(v: string) => v}
      validate={[required(), validJson]}
      helperText="app.mappings.definition_help"
      slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace', fontSize: 13 } } }}
    />
  </>
);

export const CdrMappingCreate = () => (
  <ReferenceCreate defaultValues={{ format: 'ASTERISK_CSV', definition: NEW_DEFINITION }}>
    <MappingInputs isNew />
  </ReferenceCreate>
);

export const CdrMappingEdit = () => (
  <ReferenceEdit deletable>
    <MappingInputs />
  </ReferenceEdit>
);
