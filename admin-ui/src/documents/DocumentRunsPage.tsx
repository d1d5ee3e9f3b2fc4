import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  LinearProgress,
  Link,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import ReplayIcon from '@mui/icons-material/Replay';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { Title, useTranslate } from 'react-admin';
import { api } from '../api/client';
import { isProblem, problemMessage, type Problem } from '../api/problem';
import type { components } from '../api/schema';
import { ProblemAlert } from '../shared/ProblemAlert';
import { useDateTimeText } from '../shared/LocalDateField';
import { useFormat } from '../shared/format';

type Job = components['schemas']['Job'];
type Regeneration = components['schemas']['Regeneration'];
type Preflight = components['schemas']['DocumentRunPreflight'];
type NumberingPolicy = components['schemas']['NumberingPolicy'];
type DocumentPackage = components['schemas']['DocumentPackage'];

export const DELIVERY_METHODS = ['PORTAL', 'EMAIL', 'POST', 'COURIER'] as const;

/** The previous month as YYYY-MM: the one finance usually issues. */
export function previousMonth(today = new Date()): string {
  const d = new Date(today.getFullYear(), today.getMonth() - 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

async function asProblem(error: unknown, response: Response): Promise<Problem> {
  return isProblem(error) ? error : { title: problemMessage(error, response.status), status: response.status };
}

/** Mass generation of a month with its progress, the delivery downloads, and regeneration of one client's package. */
export const DocumentRunsPage = () => {
  const translate = useTranslate();
  const fmt = useFormat();
  const [month, setMonth] = useState(previousMonth);
  const [jobs, setJobs] = useState<Job[]>([]);
  const [problem, setProblem] = useState<Problem | undefined>();

  const refresh = useCallback(async () => {
    const { data } = await api.GET('/api/v1/jobs', { params: { query: { kind: 'DOCUMENT_RUN', limit: 5 } } });
    if (data) setJobs(data);
  }, []);

  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, 2000);
    return () => clearInterval(timer);
  }, [refresh]);

  const [preflight, setPreflight] = useState<Preflight | undefined>();

  const start = async (onRunDate = false) => {
    setProblem(undefined);
    const body = onRunDate ? { month, documentDate: 'RUN_DATE' as const } : { month };
    const { data, error, response } = await api.POST('/api/v1/documents/runs', { body });
    if (data) {
      setPreflight(undefined);
      await refresh();
    } else setProblem(await asProblem(error, response));
  };

  const check = async () => {
    setProblem(undefined);
    setPreflight(undefined);
    const { data, error, response } = await api.GET('/api/v1/documents/runs/preflight', { params: { query: { month } } });
    if (data) setPreflight(data);
    else setProblem(await asProblem(error, response));
  };

  const base = `/api/v1/documents/runs/${encodeURIComponent(month)}`;
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title={translate('app.runs.title')} />
      <Card>
        <CardContent>
          <Typography variant="h6" gutterBottom>
            {translate('app.runs.generate')}
          </Typography>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('app.runs.intro')}
          </Typography>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <TextField
              label={translate('app.runs.month')}
              value={month}
              onChange={(e) => setMonth(e.target.value)}
              size="small"
              sx={{ width: 200 }}
              slotProps={{ htmlInput: { 'data-testid': 'run-month' } }}
            />
            <Button variant="outlined" startIcon={<FactCheckIcon />} onClick={check}>
              {translate('app.runs.check')}
            </Button>
            <Button variant="contained" startIcon={<PlayArrowIcon />} onClick={() => start()}>
              {translate('app.runs.start')}
            </Button>
          </Stack>
          {preflight && <PreflightResult preflight={preflight} onRunDate={() => start(true)} />}
          {problem && (
            <Box sx={{ mt: 2 }}>
              <ProblemAlert problem={problem} fallbackTitle={translate('app.runs.problem')} />
            </Box>
          )}
          <JobTable jobs={jobs} />
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          <Typography variant="h6" gutterBottom>
            {translate('app.runs.delivery')} {fmt.month(month)}
          </Typography>
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {DELIVERY_METHODS.map((m) => (
              <Link key={m} href={`${base}/delivery-lists/${m}`} data-testid={`delivery-${m}`}>
                {translate('app.runs.list')}: {translate(`app.delivery.${m}`)} (CSV)
              </Link>
            ))}
            <Link href={`${base}/labels.pdf?size=DL`} target="_blank">
              {translate('app.runs.labels')} DL
            </Link>
            <Link href={`${base}/labels.pdf?size=C5`} target="_blank">
              {translate('app.runs.labels')} C5
            </Link>
            <Link href={`${base}/print.pdf`} target="_blank">
              {translate('app.runs.print')}
            </Link>
          </Stack>
        </CardContent>
      </Card>
      <IssuePackageCard month={month} />
      <RegenerationCard month={month} />
      <NumberingPolicyCard />
    </Stack>
  );
};

/** What would block the run (refused up front), which accounts it would skip, and the way out when there is one. */
export const PreflightResult = ({ preflight, onRunDate }: { preflight: Preflight; onRunDate: () => void }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2 }} data-testid="preflight">
      <Alert severity={preflight.canRun ? 'success' : 'error'}>
        {translate(preflight.canRun ? 'app.runs.preflight_ok' : 'app.runs.preflight_blocked', {
          toIssue: preflight.toIssue,
          alreadyIssued: preflight.alreadyIssued,
          corrections: preflight.corrections,
          date: preflight.documentDate,
        })}
      </Alert>
      {preflight.problems.length > 0 && (
        <Table size="small">
          <TableBody>
            {preflight.problems.map((p, i) => (
              <TableRow key={i}>
                <TableCell>
                  <Chip size="small" label={translate(`app.runs.effects.${p.effect}`)} color={p.effect === 'BLOCKS_RUN' ? 'error' : 'warning'} />
                </TableCell>
                <TableCell>{p.account ?? p.seller ?? ''}</TableCell>
                <TableCell>{p.message}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {!preflight.canRun && preflight.canRunOnRunDate && (
        <Button sx={{ mt: 1 }} variant="contained" color="warning" onClick={onRunDate} data-testid="run-on-run-date">
          {translate('app.runs.start_on_run_date')}
        </Button>
      )}
    </Box>
  );
};

/** Per seller: one chronological sequence for VAT invoices, UPDs and corrections, or corrections numbered apart. */
const NumberingPolicyCard = () => {
  const translate = useTranslate();
  const [policies, setPolicies] = useState<NumberingPolicy[]>([]);
  const [problem, setProblem] = useState<Problem | undefined>();

  useEffect(() => {
    api.GET('/api/v1/numbering-policies').then(({ data }) => {
      if (Array.isArray(data)) setPolicies(data.filter((p) => p && p.seller && p.policy));
    });
  }, []);

  const change = async (seller: string, policy: NumberingPolicy['policy']) => {
    setProblem(undefined);
    const { data, error, response } = await api.PUT('/api/v1/numbering-policies/{seller}', {
      params: { path: { seller } },
      body: { policy },
    });
    if (data) setPolicies((all) => all.map((p) => (p.seller === seller ? data : p)));
    else setProblem(await asProblem(error, response));
  };

  return (
    <Card>
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('app.runs.numbering')}
        </Typography>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('app.runs.numbering_intro')}
        </Typography>
        <Table size="small" data-testid="numbering-policies">
          <TableBody>
            {policies.map((p) => (
              <TableRow key={p.seller}>
                <TableCell>
                  {p.seller} {p.sellerName ? `— ${p.sellerName}` : ''}
                </TableCell>
                <TableCell>
                  <TextField
                    select
                    size="small"
                    value={p.policy}
                    onChange={(e) => change(p.seller, e.target.value as NumberingPolicy['policy'])}
                    slotProps={{ select: { native: true }, htmlInput: { 'data-testid': `policy-${p.seller}` } }}
                  >
                    <option value="SINGLE">{translate('app.runs.policy.SINGLE')}</option>
                    <option value="SEPARATE">{translate('app.runs.policy.SEPARATE')}</option>
                  </TextField>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {problem && (
          <Box sx={{ mt: 2 }}>
            <ProblemAlert problem={problem} fallbackTitle={translate('app.runs.problem')} />
          </Box>
        )}
      </CardContent>
    </Card>
  );
};

const JobTable = ({ jobs }: { jobs: Job[] }) => {
  const translate = useTranslate();
  const dateTime = useDateTimeText();
  if (!jobs.length) return <Alert severity="info" sx={{ mt: 2 }}>{translate('app.runs.no_jobs')}</Alert>;
  return (
    <Table size="small" sx={{ mt: 2 }} data-testid="run-jobs">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.runs.job')}</TableCell>
          <TableCell>{translate('app.runs.state')}</TableCell>
          <TableCell sx={{ width: '30%' }}>{translate('app.runs.progress')}</TableCell>
          <TableCell>{translate('app.runs.counts')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {jobs.map((job) => {
          const percent = job.total ? Math.round((100 * job.done) / job.total) : 0;
          return (
            <TableRow key={job.id}>
              <TableCell>
                {job.description}
                <br />
                <small>{dateTime(job.startedAt)}</small>
              </TableCell>
              <TableCell>
                <Chip size="small" label={translate(`app.runs.states.${job.state}`)} color={job.state === 'SUCCEEDED' ? 'success' : job.state === 'RUNNING' ? 'info' : 'error'} />
              </TableCell>
              <TableCell>
                <LinearProgress variant="determinate" value={percent} />
                <small>
                  {job.done} / {job.total ?? '?'}
                </small>
              </TableCell>
              <TableCell>
                {Object.entries(job.counts ?? {}).map(([k, v]) => `${translate(`app.runs.outcomes.${k}`, { _: k })}: ${v}`).join(', ')}
                {job.error ? ` — ${job.error}` : ''}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};

/** A numbering refusal that dating the documents the day of issue clears: "numbers follow dates" names the date. */
export function blocksByDate(problem: Problem | undefined): boolean {
  return problem?.status === 409 && (problem.errors ?? []).some((e) => e.field === 'date');
}

/**
 * One account's package for the month, as the run issues it; when a sequence already holds a later number the
 * refusal says so and, as the run's check does, the page offers the way out: the documents dated the day of issue
 * (the services stay the month's).
 */
export const IssuePackageCard = ({ month }: { month: string }) => {
  const translate = useTranslate();
  const fmt = useFormat();
  const [account, setAccount] = useState('');
  const [issued, setIssued] = useState<DocumentPackage | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();

  const issue = async (onIssueDate = false) => {
    setProblem(undefined);
    setIssued(undefined);
    const body = onIssueDate ? { account, month, documentDate: 'RUN_DATE' as const } : { account, month };
    const { data, error, response } = await api.POST('/api/v1/documents/packages', { body });
    if (data) setIssued(data);
    else setProblem(await asProblem(error, response));
  };

  return (
    <Card>
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('app.runs.issue_package')}
        </Typography>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('app.runs.issue_package_intro')}
        </Typography>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <TextField
            label={translate('app.runs.account')}
            value={account}
            onChange={(e) => setAccount(e.target.value)}
            size="small"
            sx={{ width: 200 }}
            slotProps={{ htmlInput: { 'data-testid': 'issue-account' } }}
          />
          <Button variant="contained" startIcon={<ReceiptLongIcon />} onClick={() => issue()} disabled={!account.trim()}>
            {translate('app.runs.issue_button', { month: fmt.month(month) })}
          </Button>
        </Stack>
        {problem && (
          <Box sx={{ mt: 2 }}>
            <ProblemAlert problem={problem} fallbackTitle={translate('app.runs.problem')} />
            {blocksByDate(problem) && (
              <Button sx={{ mt: 1 }} variant="contained" color="warning" onClick={() => issue(true)} data-testid="issue-on-issue-date">
                {translate('app.runs.issue_on_issue_date')}
              </Button>
            )}
          </Box>
        )}
        {issued && (
          <Alert severity="success" sx={{ mt: 2 }} data-testid="issued-package">
            {translate('app.runs.issued')}{' '}
            {issued.documents
              .map((d) => `${translate(`app.documents.type.${d.type}`)} № ${d.number} ${translate('app.runs.dated')} ${fmt.date(d.date)}`)
              .join('; ')}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
};

const RegenerationCard = ({ month }: { month: string }) => {
  const translate = useTranslate();
  const [account, setAccount] = useState('ACC-1001');
  const [result, setResult] = useState<Regeneration | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();

  const regenerate = async () => {
    setProblem(undefined);
    setResult(undefined);
    const { data, error, response } = await api.POST('/api/v1/documents/regenerate', { body: { account, month } });
    if (data) setResult(data);
    else setProblem(await asProblem(error, response));
  };

  return (
    <Card>
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('app.runs.regenerate')}
        </Typography>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <TextField label={translate('app.runs.account')} value={account} onChange={(e) => setAccount(e.target.value)} size="small" sx={{ width: 200 }} />
          <Button variant="outlined" startIcon={<ReplayIcon />} onClick={regenerate}>
            {translate('app.runs.regenerate_button')} {month}
          </Button>
        </Stack>
        {problem && (
          <Box sx={{ mt: 2 }}>
            <ProblemAlert problem={problem} fallbackTitle={translate('app.runs.problem')} />
          </Box>
        )}
        {result && (
          <Box sx={{ mt: 2 }} data-testid="regeneration">
            <Alert severity={result.identical ? 'success' : 'error'}>
              {translate(result.identical ? 'app.runs.identical' : 'app.runs.different')}
              {result.sourceUnchanged === false ? ` ${translate('app.runs.source_changed')}` : ''}
            </Alert>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('app.runs.document')}</TableCell>
                  <TableCell>{translate('app.runs.stored')}</TableCell>
                  <TableCell>{translate('app.runs.regenerated')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {result.documents.map((d) => (
                  <TableRow key={d.document.id}>
                    <TableCell>
                      {translate(`app.documents.type.${d.document.type}`)} № {d.document.number} ({d.document.date}), {d.document.gross}
                    </TableCell>
                    <TableCell>
                      <code>{d.storedSha256.slice(0, 16)}…</code>
                    </TableCell>
                    <TableCell>
                      <code>{d.regeneratedSha256.slice(0, 16)}…</code> {d.identical ? '✓' : '✗'}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </CardContent>
    </Card>
  );
};
