import { Box, Card, CardContent, Grid, Link as MuiLink, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import PhoneInTalkIcon from '@mui/icons-material/PhoneInTalk';
import {
  DataTable,
  FilterButton,
  Labeled,
  List,
  NumberField,
  SelectInput,
  Show,
  type ShowProps,
  SimpleList,
  TextField,
  TextInput,
  TopToolbar,
  useCreatePath,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { cdrQuery, type CdrRecordWithId } from './dataProvider';
import { Link as RouterLink } from 'react-router-dom';
import { ExportButtons } from '../shared/ExportButtons';
import { useNarrow } from '../shared/useNarrow';
import { ChargeLinesTable } from '../shared/ChargeLinesTable';
import { LocalDateField } from '../shared/LocalDateField';
import { RuDateInput } from '../shared/RuDateInput';
import { StatusField } from '../shared/StatusChip';
import { CallTypeField } from '../shared/CallTypeField';
import { codeLabel } from '../shared/codes';
import { MoneyField } from '../shared/MoneyField';
import { useFormat } from '../shared/format';

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
  <RuDateInput key="from" source="from" withTime />,
  <RuDateInput key="to" source="to" withTime />,
];

/** the CDRs' export takes the list's filters and order without the page */
const cdrExportQuery = (filter: Record<string, unknown>, sort?: { field?: string; order?: string }) => {
  const { page: _page, size: _size, ...query } = cdrQuery({ filter, sort });
  return query;
};

const CdrListActions = () => (
  <TopToolbar>
    <FilterButton />
    <ExportButtons path="/api/v1/cdrs" query={cdrExportQuery} />
  </TopToolbar>
);

/** Stored CDRs, newest first or by a column (sorted by the server); paged by the server; cards on a phone. */
export const CdrList = () => {
  const narrow = useNarrow();
  const translate = useTranslate();
  const format = useFormat();
  return (
  <List filters={cdrFilters} perPage={25} sort={{ field: 'startTime', order: 'DESC' }} exporter={false}
    actions={<CdrListActions />}>
    {narrow ? (
      <SimpleList
        primaryText={(record) => `${record.caller ?? ''} → ${record.called ?? ''}`}
        secondaryText={(record) => `${format.date(record.startTime)} · ${codeLabel(translate, 'callType', record.callType)}`}
        tertiaryText={(record) => (record.total ? format.money(record.total) : translate(`app.status.${record.status}`, { _: record.status ?? '' }))}
        linkType="show"
      />
    ) : (
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="startTime">
        <LocalDateField source="startTime" showTime />
      </DataTable.Col>
      <DataTable.Col source="source" />
      <DataTable.Col source="cdrId" disableSort />
      <DataTable.Col source="callType" field={CallTypeField} />
      <DataTable.Col source="caller" />
      <DataTable.Col source="called" />
      <DataTable.Col source="account" />
      <DataTable.Col source="status" field={StatusField} />
      <DataTable.Col source="total" align="right" field={MoneyField} />
      <DataTable.Col
        source="reason"
        render={(record: { reason?: string }) => (record.reason ? translate(`app.reason.${record.reason}`, { _: record.reason }) : '')}
      />
    </DataTable>
    )}
  </List>
  );
};

/** the CDR's account, a link to the account's page */
const AccountLink = (_props: { source?: string }) => {
  const record = useRecordContext<CdrRecordWithId>();
  const createPath = useCreatePath();
  if (!record?.account) return <>—</>;
  return (
    <MuiLink component={RouterLink} to={createPath({ resource: 'accounts', id: record.account, type: 'show' })}
      data-testid="cdr-account-link">
      {record.account}
    </MuiLink>
  );
};

/** the tariff version that priced the CDR, a link to the version's page */
const TariffVersionLink = (_props: { source?: string }) => {
  const record = useRecordContext<CdrRecordWithId>();
  const translate = useTranslate();
  if (!record?.tariff) return <>—</>;
  if (!record.tariffVersion) return <>{record.tariff}</>;
  return (
    <MuiLink component={RouterLink}
      to={`/tariffs/${encodeURIComponent(record.tariff)}/versions/${record.tariffVersion}`}
      data-testid="cdr-tariff-link">
      {translate('app.lists.open_tariff_version', { tariff: record.tariff, version: record.tariffVersion })}
    </MuiLink>
  );
};

/** the reason of rejection in words */
const ReasonText = (_props: { source?: string }) => {
  const record = useRecordContext<CdrRecordWithId>();
  const translate = useTranslate();
  if (!record?.reason) return <>—</>;
  return <Typography variant="body2">{translate(`app.reason.${record.reason}`, { _: record.reason })}</Typography>;
};

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
      <ChargeLinesTable
        lines={record.lines}
        total={record.total}
        currency={record.currency}
        participants={record.record?.participants}
      />
    </Box>
  );
};

/** A conference's participants as the record gave them: №, number, direction, duration, trunk. */
export const ParticipantsTable = ({ participants }: { participants: NonNullable<CdrRecordWithId['record']>['participants'] }) => {
  const translate = useTranslate();
  if (!participants?.length) return null;
  return (
    <Box sx={{ mt: 3 }}>
      <Typography variant="h6" gutterBottom>
        {translate('app.cdr.participants')}
      </Typography>
      <Table size="small" data-testid="participants">
        <TableHead>
          <TableRow>
            <TableCell align="right">{translate('app.cdr.participant_no')}</TableCell>
            <TableCell>{translate('app.cdr.participant_number')}</TableCell>
            <TableCell>{translate('app.cdr.participant_direction')}</TableCell>
            <TableCell align="right">{translate('app.cdr.participant_duration')}</TableCell>
            <TableCell>{translate('app.cdr.participant_trunk')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {participants.map((p, i) => (
            <TableRow key={i} data-testid="participant">
              <TableCell align="right">{i + 1}</TableCell>
              <TableCell>{p.number ?? ''}</TableCell>
              <TableCell>{codeLabel(translate, 'direction', p.direction)}</TableCell>
              <TableCell align="right">{p.durationSec ?? ''}</TableCell>
              <TableCell>{p.trunk ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

const CdrParticipants = () => {
  const record = useRecordContext<CdrRecordWithId>();
  if (!record || record.callType !== 'CONFERENCE') return null;
  return <ParticipantsTable participants={record.record?.participants} />;
};

/** «Анкета заполнена: да/нет» for a survey call. */
const SurveyCompleted = () => {
  const record = useRecordContext<CdrRecordWithId>();
  const translate = useTranslate();
  if (!record || record.callType !== 'SURVEY') return null;
  const answer = translate(record.record?.surveyCompleted ? 'app.cdr.yes' : 'app.cdr.no');
  return (
    <Grid size={{ xs: 12, sm: 6, md: 4 }}>
      <Typography variant="body2" data-testid="survey-completed">
        {translate('app.cdr.survey_completed', { answer })}
      </Typography>
    </Grid>
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
          <Field source="callType">
            <CallTypeField />
          </Field>
          <Field source="caller" />
          <Field source="called" />
          <Field source="callerRegion" />
          <Field source="callerOperator" />
          <Field source="account">
            <AccountLink />
          </Field>
          <Field source="durationSec">
            <NumberField source="durationSec" emptyText="—" />
          </Field>
          <Field source="receivedAt">
            <LocalDateField source="receivedAt" showTime emptyText="—" />
          </Field>
          <SurveyCompleted />
          <SectionTitle text="app.cdr.rating" />
          <Field source="status">
            <StatusField />
          </Field>
          <Field source="tariff">
            <TariffVersionLink />
          </Field>
          <Field source="total">
            <TotalWithCurrency />
          </Field>
          <Field source="reason">
            <ReasonText />
          </Field>
          <Field source="reasonDetail" />
          <Field source="reprocessedAt">
            <LocalDateField source="reprocessedAt" showTime emptyText="—" />
          </Field>
        </Grid>
        <CdrParticipants />
        <CdrLines />
        <RejectionHistory />
      </CardContent>
    </Card>
  </Show>
);

const TotalWithCurrency = (_props: { source?: string }) => {
  const record = useRecordContext<CdrRecordWithId>();
  const fmt = useFormat();
  if (!record?.total) return <>—</>;
  return (
    <Typography variant="body2" data-testid="cdr-total">
      {fmt.money(record.total)}
    </Typography>
  );
};
