import { Box, Card, CardContent, Grid, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import PhoneInTalkIcon from '@mui/icons-material/PhoneInTalk';
import {
  DataTable,
  DateTimeInput,
  Labeled,
  List,
  NumberField,
  SelectInput,
  Show,
  type ShowProps,
  TextField,
  TextInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { CdrRecordWithId } from './dataProvider';
import { ChargeLinesTable } from '../shared/ChargeLinesTable';
import { LocalDateField } from '../shared/LocalDateField';
import { StatusField } from '../shared/StatusChip';

export const CdrIcon = PhoneInTalkIcon;

const StatusInput = (props: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  const choices = ['RATED', 'REJECTED'].map((id) => ({ id, name: translate(`app.status.${id}`) }));
  return <SelectInput {...props} choices={choices} />;
};

const cdrFilters = [
  <StatusInput key="status" source="status" alwaysOn />,
  <TextInput key="account" source="account" alwaysOn />,
  <TextInput key="source" source="source" alwaysOn />,
  <DateTimeInput key="from" source="from" />,
  <DateTimeInput key="to" source="to" />,
];

/** Stored CDRs, newest first; paged by the server. */
export const CdrList = () => (
  <List filters={cdrFilters} perPage={25} sort={{ field: 'startTime', order: 'DESC' }} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="startTime" disableSort>
        <LocalDateField source="startTime" showTime />
      </DataTable.Col>
      <DataTable.Col source="source" disableSort />
      <DataTable.Col source="cdrId" disableSort />
      <DataTable.Col source="callType" disableSort />
      <DataTable.Col source="caller" disableSort />
      <DataTable.Col source="called" disableSort />
      <DataTable.Col source="account" disableSort />
      <DataTable.Col source="status" disableSort field={StatusField} />
      <DataTable.NumberCol source="total" disableSort />
      <DataTable.Col source="reason" disableSort />
    </DataTable>
  </List>
);

const CdrTitle = () => {
  const record = useRecordContext<CdrRecordWithId>();
  return <>{record ? `${record.source} / ${record.cdrId}` : ''}</>;
};

const Field = ({ source, children }: { source: string; children?: React.ReactElement }) => (
  <Grid size={{ xs: 12, sm: 6, md: 4 }}>
    <Labeled source={source} resource="cdrs">
      {children ?? <TextField source={source} emptyText="—" />}
    </Labeled>
  </Grid>
);

const CdrLines = () => {
  const record = useRecordContext<CdrRecordWithId>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ mt: 3 }}>
      <Typography variant="h6" gutterBottom>
        {translate('app.cdr.lines')}
      </Typography>
      <ChargeLinesTable lines={record.lines} total={record.total} currency={record.currency} />
    </Box>
  );
};

/** When and why the record was rejected, every time; a reprocessed record keeps it. */
const RejectionHistory = () => {
  const record = useRecordContext<CdrRecordWithId>();
  const translate = useTranslate();
  const rejections = record?.rejections ?? [];
  if (!rejections.length) return null;
  return (
    <Box sx={{ mt: 3 }}>
      <Typography variant="h6" gutterBottom>
        {translate('app.cdr.rejections')}
      </Typography>
      <Table size="small" data-testid="rejection-history">
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.cdr.rejected_at')}</TableCell>
            <TableCell>{translate('resources.cdrs.fields.reason')}</TableCell>
            <TableCell>{translate('resources.cdrs.fields.reasonDetail')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rejections.map((r, i) => (
            <TableRow key={i} data-testid="rejection">
              <TableCell>
                <LocalDateField record={r} source="at" showTime />
              </TableCell>
              <TableCell>{translate(`app.reason.${r.reason}`, { _: r.reason })}</TableCell>
              <TableCell>{r.detail ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

const SectionTitle = ({ text }: { text: string }) => {
  const translate = useTranslate();
  return (
    <Grid size={12}>
      <Typography variant="subtitle1" color="text.secondary">
        {translate(text)}
      </Typography>
    </Grid>
  );
};

/** One CDR: call header, rating, reject reason and the priced lines with the total. */
export const CdrShow = (props: Omit<ShowProps, 'children'>) => (
  <Show title={<CdrTitle />} {...props}>
    <Card variant="outlined" sx={{ border: 0 }}>
      <CardContent>
        <Grid container spacing={2}>
          <SectionTitle text="app.cdr.call" />
          <Field source="startTime">
            <LocalDateField source="startTime" showTime />
          </Field>
          <Field source="source" />
          <Field source="cdrId" />
          <Field source="callType" />
          <Field source="caller" />
          <Field source="called" />
          <Field source="callerRegion" />
          <Field source="callerOperator" />
          <Field source="account" />
          <Field source="durationSec">
            <NumberField source="durationSec" emptyText="—" />
          </Field>
          <Field source="receivedAt">
            <LocalDateField source="receivedAt" showTime emptyText="—" />
          </Field>
          <SectionTitle text="app.cdr.rating" />
          <Field source="status">
            <StatusField />
          </Field>
          <Field source="tariff" />
          <Field source="tariffVersion" />
          <Field source="total">
            <TotalWithCurrency />
          </Field>
          <Field source="reason" />
          <Field source="reasonDetail" />
          <Field source="reprocessedAt">
            <LocalDateField source="reprocessedAt" showTime emptyText="—" />
          </Field>
        </Grid>
        <CdrLines />
        <RejectionHistory />
      </CardContent>
    </Card>
  </Show>
);

const TotalWithCurrency = (_props: { source?: string }) => {
  const record = useRecordContext<CdrRecordWithId>();
  if (!record?.total) return <>—</>;
  return (
    <Typography variant="body2" data-testid="cdr-total">
      {record.total} {record.currency}
    </Typography>
  );
};
