import { Fragment, useState } from 'react';
import {
  Box,
  Button,
  Card,
  CardContent,
  Collapse,
  FormControlLabel,
  Grid,
  IconButton,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import KeyboardArrowDownIcon from '@mui/icons-material/KeyboardArrowDown';
import KeyboardArrowUpIcon from '@mui/icons-material/KeyboardArrowUp';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { Title, useGetList, useTranslate } from 'react-admin';
import { Link, useParams } from 'react-router-dom';
import type { components } from '../api/schema';
import { tariffApi, type ChangeSimulation, type ChangeSimulationRequest, type RecordDifference } from './api';
import { ChargeLinesTable } from '../shared/ChargeLinesTable';
import { StatusChip } from '../shared/StatusChip';
import { DeltaText } from './chips';
import { moscowIso, moscowLocal } from './moscowTime';
import { tariffPaths } from './paths';
import { ErrorAlert } from './problems';
import { useFormat } from '../shared/format';
import { codeLabel } from '../shared/codes';
import { RuDateField } from '../shared/RuDateInput';

type CdrRecord = components['schemas']['CdrRecord'];

/** Two calls from the tariff sheet: a mobile peak 8-800 call, and an outbound call to a mobile over TRUNK-B. */
export const EXAMPLE_RECORDS: CdrRecord[] = [
  {
    source: 'admin-ui',
    cdrId: 'tariff-sim-1',
    callType: 'INBOUND_800',
    startTime: '2026-03-10T10:15:00+03:00',
    caller: '79161234567',
    called: '78005553535',
    stages: [
      { type: 'IVR', durationSec: 35 },
      { type: 'OPERATOR', durationSec: 200, operatorId: 'OP-102' },
      { type: 'POST', durationSec: 60 },
    ],
  },
  {
    source: 'admin-ui',
    cdrId: 'tariff-sim-2',
    callType: 'OUTBOUND',
    startTime: '2026-04-01T15:00:00+03:00',
    caller: '74950000001',
    called: '79261234567',
    accountCode: 'ACC-1001',
    trunk: 'TRUNK-B',
    stages: [{ type: 'OPERATOR', durationSec: 31, operatorId: 'OP-102' }],
  },
];

export const exampleRecordsText = () => JSON.stringify(EXAMPLE_RECORDS, null, 2);

/** The first day of this Moscow month and of the next, as datetime-local values. */
function thisMoscowMonth(now = new Date()): { from: string; to: string } {
  const [y, m] = moscowLocal(now).split('-').map(Number);
  const first = (year: number, month: number) =>
    `${new Date(Date.UTC(year, month - 1, 1)).toISOString().slice(0, 10)}T00:00`;
  return { from: first(y, m), to: first(y, m + 1) };
}

type Mode = 'records' | 'stored';

/** The request body of the form; a string is an error message key. */
export function simulationRequest(
  mode: Mode,
  recordsText: string,
  stored: { account: string; from: string; to: string; limit: string },
): ChangeSimulationRequest | { error: string; args?: Record<string, string> } {
  if (mode === 'records') {
    try {
      const parsed = JSON.parse(recordsText);
      const records = Array.isArray(parsed) ? parsed : parsed?.records;
      if (!Array.isArray(records)) return { error: 'app.tariff.simulation.records_not_array' };
      return { records };
    } catch (e) {
      return { error: 'app.simulate.invalid_json', args: { error: (e as Error).message } };
    }
  }
  const from = moscowIso(stored.from);
  const to = moscowIso(stored.to);
  if (!stored.account.trim() || !from || !to) return { error: 'app.tariff.simulation.period_required' };
  const request: ChangeSimulationRequest = { account: stored.account.trim(), from, to };
  if (stored.limit.trim()) request.limit = Number(stored.limit);
  return request;
}

/** Rates records under this version and under the version in force, and shows what changes. */
export const TariffSimulationPage = () => {
  const params = useParams();
  const code = params.code ?? '';
  const version = Number(params.version);
  const translate = useTranslate();
  const [mode, setMode] = useState<Mode>('records');
  const [recordsText, setRecordsText] = useState(exampleRecordsText);
  const [stored, setStored] = useState(() => ({ account: '', ...thisMoscowMonth(), limit: '' }));
  const [result, setResult] = useState<ChangeSimulation>();
  const [error, setError] = useState<unknown>();
  const [running, setRunning] = useState(false);
  const { data: accounts } = useGetList('accounts', {
    pagination: { page: 1, perPage: 1000 },
    sort: { field: 'account', order: 'ASC' },
  });

  const run = async () => {
    const request = simulationRequest(mode, recordsText, stored);
    if ('error' in request && typeof request.error === 'string') {
      setError({ message: translate(request.error, request.args) });
      return;
    }
    setRunning(true);
    setError(undefined);
    try {
      setResult(await tariffApi.simulate(code, version, request as ChangeSimulationRequest));
    } catch (e) {
      setResult(undefined);
      setError(e);
    } finally {
      setRunning(false);
    }
  };

  return (
    <Card sx={{ mt: 2, width: 0, minWidth: '100%' }}>
      <Title title={translate('app.tariff.simulation.title', { code, version })} />
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
          <Button component={Link} to={tariffPaths.version(code, version)} startIcon={<ArrowBackIcon />}>
            {translate('app.tariff.back_to_version', { version })}
          </Button>
          <Typography variant="h6">{translate('app.tariff.simulation.title', { code, version })}</Typography>
        </Stack>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('app.tariff.simulation.intro')}
        </Typography>
        <RadioGroup row value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
          <FormControlLabel value="records" control={<Radio />} label={translate('app.tariff.simulation.mode_records')} />
          <FormControlLabel value="stored" control={<Radio />} label={translate('app.tariff.simulation.mode_stored')} />
        </RadioGroup>
        {mode === 'records' ? (
          <TextField
            label={translate('app.tariff.simulation.records')}
            value={recordsText}
            onChange={(e) => setRecordsText(e.target.value)}
            multiline
            minRows={12}
            maxRows={30}
            fullWidth
            sx={{ mt: 1 }}
            slotProps={{
              htmlInput: { spellCheck: false, 'data-testid': 'simulation-records', style: { fontFamily: 'monospace', fontSize: 13 } },
            }}
          />
        ) : (
          <Grid container spacing={2} sx={{ mt: 1 }}>
            <Grid size={{ xs: 12, sm: 3 }}>
              <TextField
                select
                fullWidth
                label={translate('app.tariff.simulation.account')}
                value={stored.account}
                onChange={(e) => setStored({ ...stored, account: e.target.value })}
                slotProps={{ htmlInput: { 'data-testid': 'simulation-account' } }}
              >
                {(accounts ?? []).map((a) => (
                  <MenuItem key={a.id} value={String(a.account)}>
                    {a.account} — {a.client}
                  </MenuItem>
                ))}
              </TextField>
            </Grid>
            <Grid size={{ xs: 12, sm: 3 }}>
              <RuDateField
                withTime
                fullWidth
                label={translate('app.tariff.simulation.from')}
                value={stored.from}
                onChange={(iso) => setStored({ ...stored, from: iso })}
                helperText={translate('app.tariff.publish.moscow_time')}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 3 }}>
              <RuDateField
                withTime
                fullWidth
                label={translate('app.tariff.simulation.to')}
                value={stored.to}
                onChange={(iso) => setStored({ ...stored, to: iso })}
                helperText={translate('app.tariff.simulation.to_exclusive')}
              />
            </Grid>
            <Grid size={{ xs: 12, sm: 3 }}>
              <TextField
                type="number"
                fullWidth
                label={translate('app.tariff.simulation.limit')}
                value={stored.limit}
                onChange={(e) => setStored({ ...stored, limit: e.target.value })}
                placeholder="10000"
              />
            </Grid>
          </Grid>
        )}
        <Stack direction="row" spacing={2} sx={{ my: 2 }}>
          <Button variant="contained" startIcon={<PlayArrowIcon />} onClick={run} disabled={running} data-testid="simulation-run">
            {translate(running ? 'app.simulate.running' : 'app.tariff.simulation.run')}
          </Button>
          {mode === 'records' && (
            <Button onClick={() => setRecordsText(exampleRecordsText())}>{translate('app.simulate.reset')}</Button>
          )}
        </Stack>
        {error !== undefined && <ErrorAlert error={error} fallback="app.simulate.problem" />}
        {result && <SimulationResult result={result} />}
      </CardContent>
    </Card>
  );
};

const Summary = ({ result }: { result: ChangeSimulation }) => {
  const translate = useTranslate();
  const fmt = useFormat();
  const item = (label: string, value: React.ReactNode, testId: string) => (
    <Grid size={{ xs: 6, sm: 4, md: 2 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(`app.tariff.simulation.${label}`)}
      </Typography>
      <Typography variant="h6" component="div" data-testid={testId}>
        {value}
      </Typography>
    </Grid>
  );
  return (
    <Grid container spacing={2} sx={{ mb: 2 }} data-testid="simulation-summary">
      {item('record_count', result.recordCount, 'simulation-record-count')}
      {item('changed_count', result.changedCount, 'simulation-changed-count')}
      {item('current_total', fmt.money(result.currentTotal), 'simulation-current-total')}
      {item('candidate_total', fmt.money(result.candidateTotal), 'simulation-candidate-total')}
      {item('delta', <DeltaText value={result.delta} bold />, 'simulation-delta')}
    </Grid>
  );
};

export const SimulationResult = ({ result }: { result: ChangeSimulation }) => {
  const translate = useTranslate();
  const fmt = useFormat();
  return (
    <Box data-testid="simulation-result">
      <Summary result={result} />
      <Typography variant="h6" gutterBottom>
        {translate('app.tariff.simulation.totals')}
      </Typography>
      <Table size="small" data-testid="simulation-totals" sx={{ mb: 3 }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.tariff.simulation.account')}</TableCell>
            <TableCell>{translate('app.lines.component')}</TableCell>
            <TableCell align="right">{translate('app.tariff.simulation.current')}</TableCell>
            <TableCell align="right">{translate('app.tariff.simulation.candidate')}</TableCell>
            <TableCell align="right">{translate('app.tariff.simulation.delta')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {result.totals.map((t, i) => (
            <TableRow key={i} data-testid="simulation-total" data-component={t.component}>
              <TableCell>{t.account}</TableCell>
              <TableCell>{codeLabel(translate, 'component', t.component)}</TableCell>
              <TableCell align="right">{fmt.money(t.current)}</TableCell>
              <TableCell align="right">{fmt.money(t.candidate)}</TableCell>
              <TableCell align="right">
                <DeltaText value={t.delta} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
        <TableFooter sx={{ '& td': { fontSize: '0.875rem', color: 'text.primary' } }}>
          <TableRow>
            <TableCell colSpan={2}>
              <strong>{translate('app.cdr.total')}</strong>
            </TableCell>
            <TableCell align="right">
              <strong>{fmt.money(result.currentTotal)}</strong>
            </TableCell>
            <TableCell align="right">
              <strong>{result.candidateTotal}</strong>
            </TableCell>
            <TableCell align="right">
              <DeltaText value={result.delta} bold />
            </TableCell>
          </TableRow>
        </TableFooter>
      </Table>
      <Typography variant="h6" gutterBottom>
        {translate('app.tariff.simulation.records_title')}
      </Typography>
      {result.records.length === 0 ? (
        <Typography variant="body2">{translate('app.tariff.simulation.no_differences')}</Typography>
      ) : (
        <Table size="small" data-testid="simulation-records-table">
          <TableHead>
            <TableRow>
              <TableCell />
              <TableCell>{translate('app.simulate.record')}</TableCell>
              <TableCell>{translate('app.tariff.simulation.account')}</TableCell>
              <TableCell>{translate('app.tariff.simulation.current')}</TableCell>
              <TableCell>{translate('app.tariff.simulation.candidate')}</TableCell>
              <TableCell align="right">{translate('app.tariff.simulation.delta')}</TableCell>
              <TableCell>{translate('app.simulate.reason')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {result.records.map((r, i) => (
              <RecordRows key={i} record={r} initiallyOpen={result.records.length <= 5} />
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

const RecordRows = ({ record: r, initiallyOpen }: { record: RecordDifference; initiallyOpen: boolean }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <Fragment>
      <TableRow data-testid="record-difference">
        <TableCell padding="checkbox">
          <IconButton size="small" onClick={() => setOpen(!open)} aria-label={translate('app.tariff.simulation.lines')}>
            {open ? <KeyboardArrowUpIcon /> : <KeyboardArrowDownIcon />}
          </IconButton>
        </TableCell>
        <TableCell>
          {r.source ?? ''} / {r.cdrId ?? ''}
        </TableCell>
        <TableCell>{r.account ?? ''}</TableCell>
        <TableCell>
          <StatusChip value={r.currentStatus} /> {r.currentTotal ?? ''}
          {r.currentVersion ? ` (v${r.currentVersion})` : ''}
        </TableCell>
        <TableCell>
          <StatusChip value={r.candidateStatus} /> {r.candidateTotal ?? ''}
        </TableCell>
        <TableCell align="right">
          <DeltaText value={r.delta} />
        </TableCell>
        <TableCell>{r.reason ?? ''}</TableCell>
      </TableRow>
      <TableRow>
        <TableCell colSpan={7} sx={{ py: 0, borderBottom: open ? undefined : 0 }}>
          <Collapse in={open} unmountOnExit>
            <Grid container spacing={2} sx={{ py: 1 }}>
              <Grid size={12} data-testid="current-lines">
                <Typography variant="subtitle2">{translate('app.tariff.simulation.current_lines')}</Typography>
                <ChargeLinesTable lines={r.currentLines} total={r.currentTotal} currency="RUB" />
              </Grid>
              <Grid size={12} data-testid="candidate-lines">
                <Typography variant="subtitle2">{translate('app.tariff.simulation.candidate_lines')}</Typography>
                <ChargeLinesTable lines={r.candidateLines} total={r.candidateTotal} currency="RUB" />
              </Grid>
            </Grid>
          </Collapse>
        </TableCell>
      </TableRow>
    </Fragment>
  );
};
