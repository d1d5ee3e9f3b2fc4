import { createContext, useContext, useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button as MuiButton,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
} from '@mui/material';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import ReplayIcon from '@mui/icons-material/Replay';
import {
  Button,
  DataTable,
  FilterButton,
  List,
  SelectInput,
  SimpleList,
  TextInput,
  TopToolbar,
  useCreatePath,
  useListContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { api } from '../api/client';
import { awaitJob, reprocess, type Job, type ReprocessRequest, type ReprocessResult } from './reprocess';
import { parseCdrId } from '../cdrs/dataProvider';
import { rejectQuery, type RejectReason } from './dataProvider';
import { LocalDateField } from '../shared/LocalDateField';
import { RuDateInput } from '../shared/RuDateInput';
import { CallTypeField } from '../shared/CallTypeField';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { FixLink } from './FixLink';
import { ExportButtons } from '../shared/ExportButtons';
import { useNarrow } from '../shared/useNarrow';
import { useFormat } from '../shared/format';

export const RejectIcon = ReportProblemIcon;

/** The tariff's reasons, in its order of precedence. */
export const REASONS: RejectReason[] = ['UNKNOWN_ACCOUNT', 'UNKNOWN_OPERATOR', 'UNKNOWN_TRUNK', 'NO_TARIFF', 'NO_RATE'];

const ReasonInput = (props: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  return <SelectInput {...props} choices={REASONS.map((id) => ({ id, name: translate(`app.reason.${id}`) }))} />;
};

const rejectFilters = [
  <ReasonInput key="reason" source="reason" alwaysOn />,
  <TextInput key="source" source="source" alwaysOn />,
  <TextInput key="account" source="account" alwaysOn />,
  <RuDateInput key="from" source="from" withTime />,
  <RuDateInput key="to" source="to" withTime />,
];

/** Starts a reprocessing and shows its outcome; one per page. */
const Reprocessing = createContext<(body: ReprocessRequest) => void>(() => undefined);

type Progress =
  | { state: 'running'; job?: Job }
  | { state: 'done'; result: ReprocessResult }
  | { state: 'failed'; message: string };

/** Rejected records (отсев) with counts by reason, filters, and reprocessing of the selected or of all listed. */
export const RejectList = () => {
  const refresh = useRefresh();
  const [progress, setProgress] = useState<Progress | undefined>();

  const run = async (body: ReprocessRequest) => {
    setProgress({ state: 'running' });
    try {
      const answer = await reprocess(body);
      if (answer.kind === 'done') {
        setProgress({ state: 'done', result: answer.result });
      } else {
        const job = await awaitJob(answer.job, (current) => setProgress({ state: 'running', job: current }));
        setProgress(
          job.state === 'SUCCEEDED' && job.result
            ? { state: 'done', result: job.result as unknown as ReprocessResult }
            : { state: 'failed', message: job.error ?? job.state },
        );
      }
    } catch (e) {
      setProgress({ state: 'failed', message: (e as Error).message });
    }
    refresh();
  };

  return (
    <Reprocessing.Provider value={run}>
      <List
        filters={rejectFilters}
        actions={<RejectActions />}
        perPage={25}
        sort={{ field: 'startTime', order: 'DESC' }}
        exporter={false}
      >
        <ReasonChips />
        <RejectTable />
      </List>
      <ReprocessDialog progress={progress} onClose={() => setProgress(undefined)} />
    </Reprocessing.Provider>
  );
};

const RejectTable = () => {
  const createPath = useCreatePath();
  const translate = useTranslate();
  const narrow = useNarrow();
  const format = useFormat();
  if (narrow) {
    return (
      <SimpleList
        primaryText={(record) => translate(`app.reason.${record.reason}`, { _: record.reason ?? '' })}
        secondaryText={(record) => `${record.caller ?? ''} → ${record.called ?? ''}`}
        tertiaryText={(record) => format.date(record.startTime)}
        linkType={(record) => createPath({ resource: 'cdrs', id: record.id, type: 'show' })}
      />
    );
  }
  return (
    <DataTable
      rowClick={(id) => createPath({ resource: 'cdrs', id, type: 'show' })}
      bulkActionButtons={<ReprocessSelectedButton />}
    >
      <DataTable.Col source="startTime">
        <LocalDateField source="startTime" showTime />
      </DataTable.Col>
      <DataTable.Col source="source" />
      <DataTable.Col source="cdrId" disableSort />
      <DataTable.Col source="callType" field={CallTypeField} />
      <DataTable.Col source="caller" />
      <DataTable.Col source="called" />
      <DataTable.Col source="account" />
      <DataTable.Col
        source="reason"
        render={(record: { reason?: string }) => translate(`app.reason.${record.reason}`, { _: record.reason ?? '' })}
      />
      <DataTable.Col source="reasonDetail" disableSort />
      <DataTable.Col
        label="app.rejects.fix.column"
        disableSort
        render={(record: { reason?: string; account?: string; called?: string }) => <FixLink record={record} />}
      />
      <DataTable.Col source="reprocessedAt">
        <LocalDateField source="reprocessedAt" showTime emptyText="—" />
      </DataTable.Col>
    </DataTable>
  );
};

/** Counts by reason under the other filters; a chip chooses that reason, or all of them. */
const ReasonChips = () => {
  const translate = useTranslate();
  const { filterValues, displayedFilters, setFilters, data } = useListContext();
  const [counts, setCounts] = useState<Record<string, number> | undefined>();
  const { reason, ...others } = filterValues as Record<string, unknown>;
  const othersKey = JSON.stringify(others);

  useEffect(() => {
    let current = true;
    const query = { ...rejectQuery({ filter: JSON.parse(othersKey) }), size: 1 };
    api.GET('/api/v1/rejects', { params: { query } }).then(({ data: page }) => {
      if (current && page) setCounts(page.countsByReason);
    });
    return () => {
      current = false;
    };
    // the list's data changes after a reprocessing too: count again then
  }, [othersKey, data]);

  if (!counts) return null;
  const all = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const choose = (value?: string) => setFilters({ ...filterValues, reason: value }, displayedFilters);
  return (
    <Stack direction="row" spacing={1} sx={{ p: 1, flexWrap: 'wrap' }} data-testid="reason-chips">
      <Chip
        label={`${translate('app.rejects.all')}: ${all}`}
        color={reason ? 'default' : 'primary'}
        variant={reason ? 'outlined' : 'filled'}
        onClick={() => choose(undefined)}
      />
      {REASONS.filter((r) => counts[r]).map((r) => (
        <Chip
          key={r}
          data-testid={`reason-chip-${r}`}
          label={`${translate(`app.reason.${r}`)}: ${counts[r]}`}
          color={reason === r ? 'primary' : 'default'}
          variant={reason === r ? 'filled' : 'outlined'}
          onClick={() => choose(reason === r ? undefined : r)}
        />
      ))}
    </Stack>
  );
};

const ReprocessSelectedButton = () => {
  const run = useContext(Reprocessing);
  const { selectedIds, onUnselectItems } = useListContext();
  return (
    <Button
      label="app.rejects.reprocess_selected"
      onClick={() => {
        run({ ids: selectedIds.map(parseCdrId) });
        onUnselectItems();
      }}
    >
      <ReplayIcon />
    </Button>
  );
};

const iso = (value: unknown) => {
  if (value === undefined || value === null || value === '') return undefined;
  const date = new Date(String(value));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
};

/** Reprocesses every record the list shows under its filters: all of the chosen reason, or all of them. */
const ReprocessListedButton = () => {
  const run = useContext(Reprocessing);
  const translate = useTranslate();
  const { filterValues, total } = useListContext();
  const f = filterValues as Record<string, unknown>;
  const text = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : String(v));
  const reason = text(f.reason) as RejectReason | undefined;
  const [asking, setAsking] = useState(false);
  const label = reason
    ? translate('app.rejects.reprocess_reason', { reason: translate(`app.reason.${reason}`), count: total ?? 0 })
    : translate('app.rejects.reprocess_all', { count: total ?? 0 });
  return (
    <>
      <Button label={label} disabled={!total} onClick={() => setAsking(true)} data-testid="reprocess-listed">
        <ReplayIcon />
      </Button>
      <ConfirmDialog
        open={asking}
        title={label}
        consequence={translate('app.rejects.reprocess_consequence', { smart_count: total ?? 0 })}
        confirm={translate('app.rejects.reprocess_selected')}
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          run({
            ...(reason ? { reason } : { all: true }),
            source: text(f.source),
            account: text(f.account),
            from: iso(f.from),
            to: iso(f.to),
          });
        }}
      />
    </>
  );
};

/** the rejects' export takes the list's filters and order without the page */
const rejectExportQuery = (filter: Record<string, unknown>, sort?: { field?: string; order?: string }) => {
  const { page: _page, size: _size, ...query } = rejectQuery({ filter, sort });
  return query;
};

const RejectActions = () => (
  <TopToolbar>
    <FilterButton />
    <ExportButtons path="/api/v1/rejects" query={rejectExportQuery} />
    <ReprocessListedButton />
  </TopToolbar>
);

const ReprocessDialog = ({ progress, onClose }: { progress?: Progress; onClose: () => void }) => {
  const translate = useTranslate();
  if (!progress) return null;
  return (
    <Dialog open onClose={progress.state === 'running' ? undefined : onClose} fullWidth maxWidth="xs">
      <DialogTitle>{translate('app.rejects.result_title')}</DialogTitle>
      <DialogContent data-testid="reprocess-result">
        {progress.state === 'running' && (
          <Box>
            <Typography variant="body2" gutterBottom>
              {progress.job
                ? translate('app.rejects.job_running', { done: progress.job.done, total: progress.job.total ?? '?' })
                : translate('app.rejects.running')}
            </Typography>
            <LinearProgress
              variant={progress.job?.total ? 'determinate' : 'indeterminate'}
              value={progress.job?.total ? (100 * progress.job.done) / progress.job.total : undefined}
            />
          </Box>
        )}
        {progress.state === 'failed' && <Alert severity="error">{translate('app.rejects.failed', { error: progress.message })}</Alert>}
        {progress.state === 'done' && <ReprocessSummary result={progress.result} />}
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={onClose} disabled={progress.state === 'running'}>
          {translate('app.rejects.close')}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
};

const ReprocessSummary = ({ result }: { result: ReprocessResult }) => {
  const translate = useTranslate();
  const rows: [string, number | undefined][] = [
    ['app.rejects.selected', result.selected],
    ['app.rejects.rated', result.rated],
    ['app.rejects.still_rejected', result.stillRejected],
  ];
  if (result.skipped) rows.push(['app.rejects.skipped', result.skipped]);
  for (const r of REASONS) {
    if (result.byReason?.[r]) rows.push([`app.reason.${r}`, result.byReason[r]]);
  }
  return (
    <Table size="small">
      <TableBody>
        {rows.map(([key, value]) => (
          <TableRow key={key} data-testid={`result-${key.split('.').pop()}`}>
            <TableCell sx={key.startsWith('app.reason') ? { pl: 4 } : undefined}>{translate(key)}</TableCell>
            <TableCell align="right">{value ?? 0}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
