import { Card, CardContent } from '@mui/material';
import WorkHistoryIcon from '@mui/icons-material/WorkHistory';
import { DataTable, FunctionField, List, SearchInput, Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import { JobProgress, POLL_MS, type Job } from './JobProgress';
import { LocalDateField } from '../shared/LocalDateField';
import { actorName } from '../shared/codes';

/** who started a job, in words for the platform itself and for an API key */
const StartedBy = ({ actor }: { actor?: string }) => {
  const translate = useTranslate();
  return <>{actorName(translate, actor)}</>;
};

/** Long-running jobs (imports...), newest first; a running job's page follows its progress. id = job id. */
export const JobIcon = WorkHistoryIcon;

const jobFilters = [<SearchInput key="q" source="q" alwaysOn />];

const StateField = (_props: { source?: string }) => {
  const job = useRecordContext<Job>();
  const translate = useTranslate();
  return job ? <>{translate(`app.job.state.${job.state}`, { _: job.state })}</> : null;
};

const ProgressField = (_props: { source?: string }) => {
  const job = useRecordContext<Job>();
  if (!job) return null;
  return <>{job.total !== undefined && job.total !== null ? `${job.done} / ${job.total}` : job.done}</>;
};

const CountsField = (_props: { source?: string }) => {
  const job = useRecordContext<Job>();
  if (!job) return null;
  return <>{Object.entries(job.counts ?? {}).map(([k, v]) => `${k} ${v}`).join(', ')}</>;
};

export const JobList = () => (
  <List filters={jobFilters} sort={{ field: 'startedAt', order: 'DESC' }} perPage={25} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="startedAt">
        <LocalDateField source="startedAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="kind" />
      <DataTable.Col source="state" field={StateField} />
      <DataTable.Col source="done" disableSort field={ProgressField} />
      <DataTable.Col source="counts" disableSort field={CountsField} />
      <DataTable.Col source="description" />
      <DataTable.Col source="startedBy" render={(record: { startedBy?: string }) => <StartedBy actor={record.startedBy} />} />
    </DataTable>
  </List>
);

const JobDetail = () => {
  const job = useRecordContext<Job>();
  return job ? (
    <Card variant="outlined" sx={{ mt: 1 }}>
      <CardContent>
        <JobProgress job={job} />
      </CardContent>
    </Card>
  ) : null;
};

export const JobShow = () => (
  <Show
    queryOptions={{
      refetchInterval: (query: { state: { data?: unknown } }) =>
        (query.state.data as Job | undefined)?.state === 'RUNNING' ? POLL_MS : false,
    }}
  >
    <SimpleShowLayout>
      <TextField source="kind" />
      <TextField source="description" />
      <FunctionField source="startedBy" render={(record: { startedBy?: string }) => <StartedBy actor={record.startedBy} />} />
      <LocalDateField source="startedAt" showTime />
      <LocalDateField source="finishedAt" showTime />
      <JobDetail />
    </SimpleShowLayout>
  </Show>
);
