import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Grid,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import RouterIcon from '@mui/icons-material/Router';
import {
  DataTable,
  Labeled,
  List,
  SelectInput,
  Show,
  TextField,
  TextInput,
  useListContext,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  useUnselectAll,
} from 'react-admin';
import { api } from '../api/client';
import { attempt } from '../api/action';
import { useAbilities } from '../shared/abilities';
import { RESOURCE_STATUSES, type BulkResourceChange, type ResourceRecord } from './dataProvider';
import { ResourceStatusChip, ResourceStatusField } from './ResourceStatusChip';
import { RuDateField } from '../shared/RuDateInput';
import { actorName } from '../shared/codes';

export const InventoryIcon = RouterIcon;

const StatusInput = (props: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  const choices = RESOURCE_STATUSES.map((id) => ({ id, name: translate(`app.inventory.status.${id}`) }));
  return <SelectInput {...props} choices={choices} />;
};

const filters = [
  <TextInput key="pool" source="pool" alwaysOn />,
  <TextInput key="kind" source="kind" alwaysOn />,
  <StatusInput key="status" source="status" alwaysOn />,
  <TextInput key="from" source="from" />,
  <TextInput key="to" source="to" />,
  <TextInput key="account" source="account" />,
];

type Action = BulkResourceChange['action'];

/** A dialog for one bulk transition of the selected resources; all or nothing, the refusal names each one. */
export const BulkActionDialog = ({
  action,
  resources,
  onClose,
}: {
  action: Action;
  resources: string[];
  onClose: (changed: boolean) => void;
}) => {
  const translate = useTranslate();
  const [reservedFor, setReservedFor] = useState('');
  const [until, setUntil] = useState('');
  const [account, setAccount] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<{ title?: string; errors?: { field: string; message: string }[] }>();
  const submit = async () => {
    const body: BulkResourceChange = { action, resources, reason: reason || undefined };
    if (action === 'RESERVE') {
      body.reservedFor = reservedFor;
      body.until = until ? new Date(until).toISOString() : undefined;
    }
    if (action === 'ASSIGN') {
      body.account = account;
      body.validFrom = validFrom || undefined;
    }
    const outcome = await attempt(api.POST('/api/v1/inventory/resources/bulk', { body }));
    if (outcome.problem) {
      setProblem(outcome.problem as any);
      return;
    }
    onClose(true);
  };
  return (
    <Dialog open onClose={() => onClose(false)} fullWidth>
      <DialogTitle>{translate(`app.inventory.bulk.${action}`, { count: resources.length })}</DialogTitle>
      <DialogContent>
        {action === 'RESERVE' && (
          <>
            <MuiTextField fullWidth margin="dense" label={translate('app.inventory.reservedFor')} value={reservedFor}
              onChange={(e) => setReservedFor(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'bulk-reservedFor' } }} />
            <RuDateField fullWidth margin="dense" withTime label={translate('app.inventory.until')}
              value={until} onChange={setUntil} testId="bulk-until" />
          </>
        )}
        {action === 'ASSIGN' && (
          <>
            <MuiTextField fullWidth margin="dense" label={translate('app.inventory.account')} value={account}
              onChange={(e) => setAccount(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'bulk-account' } }} />
            <RuDateField fullWidth margin="dense" label={translate('app.inventory.validFrom')}
              value={validFrom} onChange={setValidFrom} />
          </>
        )}
        <MuiTextField fullWidth margin="dense" label={translate('app.inventory.reason')} value={reason}
          onChange={(e) => setReason(e.target.value)} />
        {problem && (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="bulk-problem">
            <div>{problem.title}</div>
            {(problem.errors ?? []).map((e) => (
              <div key={e.field}>
                {e.field}: {e.message}
              </div>
            ))}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={submit}>
          {translate('app.inventory.apply')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

const BulkActions = () => {
  const translate = useTranslate();
  const { selectedIds } = useListContext();
  const refresh = useRefresh();
  const notify = useNotify();
  const unselectAll = useUnselectAll('inventory');
  const [action, setAction] = useState<Action>();
  const { can } = useAbilities();
  const actions: Action[] = [
    ...(can('inventory.reserve') ? (['RESERVE', 'CANCEL_RESERVATION'] as Action[]) : []),
    ...(can('inventory.manage') ? (['ASSIGN', 'RELEASE'] as Action[]) : []),
  ];
  return (
    <>
      {actions.map((a) => (
        <Button key={a} size="small" onClick={() => setAction(a)}>
          {translate(`app.inventory.action.${a}`)}
        </Button>
      ))}
      {action && (
        <BulkActionDialog
          action={action}
          resources={selectedIds.map(String)}
          onClose={(changed) => {
            setAction(undefined);
            if (changed) {
              notify('app.inventory.bulk.done', { type: 'success' });
              unselectAll();
              refresh();
            }
          }}
        />
      )}
    </>
  );
};

/** Resources with their status chips, filtered by pool, kind, status, range and account; bulk actions on a selection. */
export const InventoryList = () => (
  <List filters={filters} perPage={50} exporter={false} sort={{ field: 'resource', order: 'ASC' }}>
    <DataTable rowClick="show" bulkActionButtons={<BulkActions />}>
      <DataTable.Col source="resource" disableSort />
      <DataTable.Col source="kind" disableSort />
      <DataTable.Col source="pool" disableSort />
      <DataTable.Col source="category" disableSort />
      <DataTable.Col source="status" disableSort field={ResourceStatusField} />
      <DataTable.Col source="statusSince" disableSort />
      <DataTable.Col source="account" disableSort />
      <DataTable.Col source="reservedFor" disableSort />
      <DataTable.Col source="quarantineUntil" disableSort />
    </DataTable>
  </List>
);

/** The history of a resource, oldest first: each change with its status, account, dates, who and why. */
export const HistoryTimeline = ({ history }: { history: NonNullable<ResourceRecord['history']> }) => {
  const translate = useTranslate();
  return (
    <Box component="ol" sx={{ listStyle: 'none', pl: 0, borderLeft: 2, borderColor: 'divider' }}>
      {history.map((e, i) => (
        <Box component="li" key={i} sx={{ pl: 2, mb: 1.5 }} data-testid="history-entry">
          <Typography variant="body2" component="div">
            <ResourceStatusChip value={e.status} /> {translate(`app.inventory.action.${e.action}`, { _: e.action })}
            {e.account ? ` · ${e.account}` : ''}
            {e.reservedFor ? ` · ${e.reservedFor}` : ''}
          </Typography>
          <Typography variant="caption" color="text.secondary" component="div">
            {e.from}
            {e.to ? ` — ${e.to}` : ''} · {actorName(translate, e.actor)}
            {e.reason ? ` · ${e.reason}` : ''}
          </Typography>
        </Box>
      ))}
    </Box>
  );
};

const ResourceDetails = () => {
  const record = useRecordContext<ResourceRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const field = (source: string) => (
    <Grid size={{ xs: 12, sm: 6, md: 4 }}>
      <Labeled source={source} resource="inventory">
        <TextField source={source} emptyText="—" />
      </Labeled>
    </Grid>
  );
  return (
    <CardContent>
      <Grid container spacing={2}>
        {field('resource')}
        {field('kind')}
        {field('pool')}
        <Grid size={{ xs: 12, sm: 6, md: 4 }}>
          <Labeled source="status" resource="inventory">
            <ResourceStatusField />
          </Labeled>
        </Grid>
        {field('statusSince')}
        {field('account')}
        {field('reservedFor')}
        {field('reservedUntil')}
        {field('quarantineUntil')}
      </Grid>
      <Typography variant="h6" sx={{ mt: 3 }}>
        {translate('app.inventory.history')}
      </Typography>
      <HistoryTimeline history={record.history ?? []} />
    </CardContent>
  );
};

export const InventoryShow = () => (
  <Show>
    <ResourceDetails />
  </Show>
);

/** Counts by pool, kind and status, pools below their low-water mark flagged; and "can we connect" a client. */
export const CapacityPage = () => {
  const translate = useTranslate();
  const [rows, setRows] = useState<import('./dataProvider').PoolCapacity[]>();
  const [problem, setProblem] = useState<string>();
  if (rows === undefined && problem === undefined) {
    attempt(api.GET('/api/v1/inventory/capacity')).then((o) => (o.problem ? setProblem(o.problem.title ?? '') : setRows(o.data)));
  }
  return (
    <Card sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h5" gutterBottom>
          {translate('app.inventory.capacity')}
        </Typography>
        {problem && <Alert severity="error">{problem}</Alert>}
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.inventory.fields.pool')}</TableCell>
              <TableCell>{translate('resources.inventory.fields.kind')}</TableCell>
              {['FREE', 'BUSY', 'RESERVED', 'QUARANTINE'].map((s) => (
                <TableCell key={s} align="right">
                  <ResourceStatusChip value={s} />
                </TableCell>
              ))}
              <TableCell align="right">{translate('app.inventory.total')}</TableCell>
              <TableCell>{translate('app.inventory.lowWater')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(rows ?? []).map((r) => (
              <TableRow key={`${r.pool}/${r.kind}`} data-testid="capacity-row">
                <TableCell>{r.pool ?? '—'}</TableCell>
                <TableCell>{r.kind}</TableCell>
                <TableCell align="right">{r.free}</TableCell>
                <TableCell align="right">{r.busy}</TableCell>
                <TableCell align="right">{r.reserved}</TableCell>
                <TableCell align="right">{r.quarantine}</TableCell>
                <TableCell align="right">{r.total}</TableCell>
                <TableCell>
                  {r.belowLowWater ? (
                    <Alert severity="warning" sx={{ py: 0 }}>
                      {translate('app.inventory.belowLowWater', { mark: r.lowWaterMark })}
                    </Alert>
                  ) : (
                    r.lowWaterMark ?? '—'
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
};
