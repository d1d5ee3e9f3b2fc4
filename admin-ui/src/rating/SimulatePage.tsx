import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Stack,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tabs,
  TextField,
  Typography,
} from '@mui/material';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { Title, useNotify, useTranslate } from 'react-admin';
import { api } from '../api/client';
import { errorsByField, isProblem, problemMessage, type Problem } from '../api/problem';
import type { components } from '../api/schema';
import { ChargeLinesTable } from '../shared/ChargeLinesTable';
import { FieldErrorList, ProblemAlert } from '../shared/ProblemAlert';
import { StatusChip } from '../shared/StatusChip';
import { buildRecord, CallForm, exampleCall, type CallFormState } from './CallForm';
import { useFormat } from '../shared/format';

/** A simulation result: shaped like a stored record, plus `outcome` and `errors`. */
type SimulatedCdr = components['schemas']['RatedCdr'];
type SimulationRequest = components['schemas']['SimulationRequest'];

/** One INBOUND_800 call: IVR 35 s, operator OP-102 200 s, post-call 60 s. */
export const EXAMPLE_REQUEST: SimulationRequest = {
  records: [
    {
      source: 'admin-ui',
      cdrId: 'simulate-1',
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
  ],
};

const exampleText = () => JSON.stringify(EXAMPLE_REQUEST, null, 2);

/** The simulation request of one call built in the form. */
export const formRequest = (form: CallFormState): SimulationRequest => ({ records: [buildRecord(form)] });

/**
 * Rates records without storing them and shows each result with its lines. The request is either JSON text or one
 * call built in a form (any call type); in the form, the server's refusal of a field shows under that field.
 */
export const SimulatePage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [mode, setMode] = useState<'json' | 'form'>('json');
  const [text, setText] = useState(exampleText);
  const [form, setForm] = useState<CallFormState>(() => exampleCall('INBOUND_800'));
  const [results, setResults] = useState<SimulatedCdr[] | undefined>();
  const [sent, setSent] = useState<SimulationRequest['records']>([]);
  const [problem, setProblem] = useState<Problem | undefined>();
  const [running, setRunning] = useState(false);

  const run = async () => {
    let body: SimulationRequest;
    if (mode === 'form') {
      body = formRequest(form);
    } else {
      try {
        body = JSON.parse(text);
      } catch (e) {
        setProblem({ title: translate('app.simulate.invalid_json', { error: (e as Error).message }) });
        return;
      }
    }
    setRunning(true);
    setProblem(undefined);
    try {
      const { data, error, response } = await api.POST('/api/v1/rating/simulate', { body });
      if (data) {
        setSent(Array.isArray(body.records) ? body.records : []);
        setResults(data.results);
      } else {
        setResults(undefined);
        setProblem(isProblem(error) ? error : { title: problemMessage(error, response.status), status: response.status });
        if (response.status === 401) notify('ra.notification.logged_out', { type: 'error' });
      }
    } catch (e) {
      setProblem({ title: (e as Error).message });
    } finally {
      setRunning(false);
    }
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('app.simulate.title')} />
      <CardContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('app.simulate.intro')}
        </Typography>
        <Tabs value={mode} onChange={(_e, m) => setMode(m)} sx={{ mb: 2 }}>
          <Tab value="json" label={translate('app.simulate.mode_json')} data-testid="mode-json" />
          <Tab value="form" label={translate('app.simulate.mode_form')} data-testid="mode-form" />
        </Tabs>
        {mode === 'form' && (
          <CallForm
            value={form}
            onChange={setForm}
            errors={errorsByField(problem?.errors ?? (results?.length === 1 ? results[0].errors : undefined))}
          />
        )}
        {mode === 'json' && <TextField
          label={translate('app.simulate.request')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          multiline
          minRows={12}
          maxRows={30}
          fullWidth
          slotProps={{ htmlInput: { spellCheck: false, 'data-testid': 'simulate-request', style: { fontFamily: 'monospace', fontSize: 13 } } }}
        />}
        <Stack direction="row" spacing={2} sx={{ my: 2 }}>
          <Button variant="contained" startIcon={<PlayArrowIcon />} onClick={run} disabled={running}>
            {translate(running ? 'app.simulate.running' : 'app.simulate.run')}
          </Button>
          {mode === 'json' ? (
            <Button onClick={() => setText(exampleText())}>{translate('app.simulate.reset')}</Button>
          ) : (
            <Button
              onClick={() => {
                setText(JSON.stringify(formRequest(form), null, 2));
                setMode('json');
              }}
            >
              {translate('app.simulate.to_json')}
            </Button>
          )}
        </Stack>
        {problem && <ProblemAlert problem={problem} fallbackTitle={translate('app.simulate.problem')} />}
        {results && <SimulationResults results={results} sent={sent} />}
      </CardContent>
    </Card>
  );
};

const SimulationResults = ({ results, sent }: { results: SimulatedCdr[]; sent: SimulationRequest['records'] }) => {
  const translate = useTranslate();
  if (!results.length) return <Alert severity="info">{translate('app.simulate.no_results')}</Alert>;
  return (
    <Box>
      <Typography variant="h6" gutterBottom>
        {translate('app.simulate.results')}
      </Typography>
      <Table size="small" data-testid="simulate-results">
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.simulate.record')}</TableCell>
            <TableCell>{translate('app.simulate.outcome')}</TableCell>
            <TableCell>{translate('app.simulate.status')}</TableCell>
            <TableCell align="right">{translate('app.simulate.total')}</TableCell>
            <TableCell>{translate('app.simulate.reason')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {results.map((r, i) => (
            <ResultRows key={i} result={r} participants={r.record?.participants ?? sent[i]?.participants} />
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

type Participants = SimulationRequest['records'][number]['participants'];

const ResultRows = ({ result, participants }: { result: SimulatedCdr; participants?: Participants }) => {
  const translate = useTranslate();
  const fmt = useFormat();
  return (
  <>
    <TableRow>
      <TableCell>
        {result.source ?? ''} / {result.cdrId ?? ''}
      </TableCell>
      <TableCell>
        <StatusChip value={result.outcome} group="outcome" />
      </TableCell>
      <TableCell>
        <StatusChip value={result.status} />
      </TableCell>
      <TableCell align="right">
        {result.total ? fmt.money(result.total) : '—'}
      </TableCell>
      <TableCell>
        {result.reason ? translate(`app.reason.${result.reason}`, { _: result.reason }) : ''}
        {result.reasonDetail ? `: ${result.reasonDetail}` : ''}
      </TableCell>
    </TableRow>
    <TableRow>
      <TableCell colSpan={5} sx={{ pl: 4 }}>
        {result.errors && result.errors.length > 0 && <FieldErrorList errors={result.errors} />}
        {(result.lines?.length ?? 0) > 0 && (
          <ChargeLinesTable
            lines={result.lines}
            total={result.total}
            currency={result.currency}
            participants={participants}
          />
        )}
      </TableCell>
    </TableRow>
  </>
  );
};
