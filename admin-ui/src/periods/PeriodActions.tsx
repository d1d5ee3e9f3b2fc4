import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import PlaylistAddCheckIcon from '@mui/icons-material/PlaylistAddCheck';
import { useTranslate } from 'react-admin';
import { attempt } from '../api/action';
import { api } from '../api/client';
import { countOf } from '../api/unwrap';
import type { Problem } from '../api/problem';
import type { components } from '../api/schema';
import { ProblemAlert } from '../shared/ProblemAlert';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { AccountsPicker } from '../shared/AccountPicker';
import { useFormat } from '../shared/format';

type Job = components['schemas']['Job'];

/** Close (all, or chosen accounts) and reopen (with a reason) a period; follows the close job to its end. */
export const PeriodActions = ({ month, state, onChange }: { month: string; state: string; onChange: () => void }) => {
  const translate = useTranslate();
  const [dialog, setDialog] = useState<'all' | 'partial' | 'reopen' | undefined>();
  const documents = useIssuedDocuments(month, dialog === 'reopen');
  const fmt = useFormat();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [job, setJob] = useState<Job | undefined>();
  const [busy, setBusy] = useState(false);

  const close = async (accounts?: string[]) => {
    setBusy(true);
    setProblem(undefined);
    const outcome = await attempt(
      api.POST('/api/v1/periods/{month}/close', { params: { path: { month } }, body: accounts ? { accounts } : {} }),
    );
    setBusy(false);
    if (outcome.problem) {
      setProblem(outcome.problem);
      return false;
    }
    setJob(outcome.data);
    return true;
  };

  const reopen = async (reason: string) => {
    setBusy(true);
    setProblem(undefined);
    const outcome = await attempt(
      api.POST('/api/v1/periods/{month}/reopen', { params: { path: { month } }, body: { reason } }),
    );
    setBusy(false);
    if (outcome.problem) {
      setProblem(outcome.problem);
      return false;
    }
    onChange();
    return true;
  };

  return (
    <Stack spacing={2} sx={{ my: 2 }}>
      <Stack direction="row" spacing={2}>
        <Button variant="contained" startIcon={<LockIcon />} disabled={busy || state === 'CLOSED'} onClick={() => setDialog('all')}>
          {translate('app.period.close_all')}
        </Button>
        <Button startIcon={<PlaylistAddCheckIcon />} disabled={busy || state === 'CLOSED'} onClick={() => setDialog('partial')}>
          {translate('app.period.partial_close')}
        </Button>
        <Button color="warning" startIcon={<LockOpenIcon />} disabled={busy || state === 'OPEN'} onClick={() => setDialog('reopen')}>
          {translate('app.period.reopen')}
        </Button>
      </Stack>
      {problem && <ProblemAlert problem={problem} fallbackTitle={translate('app.period.refused')} />}
      {job && <JobFollower id={job.id} onDone={onChange} />}
      <ConfirmDialog
        open={dialog === 'all'}
        title={translate('app.period.close_all')}
        consequence={translate('app.period.close_all_consequence', { month: fmt.month(month) })}
        confirm={translate('app.period.close')}
        busy={busy}
        onCancel={() => setDialog(undefined)}
        onConfirm={async () => {
          if (await close()) setDialog(undefined);
        }}
      />
      <AccountsDialog
        open={dialog === 'partial'}
        title={translate('app.period.partial_close')}
        label={translate('app.period.partial_accounts')}
        hint={translate('app.period.partial_hint')}
        confirm={translate('app.period.close')}
        onCancel={() => setDialog(undefined)}
        onConfirm={async (accounts) => {
          if (await close(accounts)) setDialog(undefined);
        }}
      />
      <TextDialog
        open={dialog === 'reopen'}
        title={translate('app.period.reopen')}
        label={translate('app.period.reopen_reason')}
        hint={translate('app.period.reopen_hint')}
        warning={documents ? translate('app.period.reopen_documents', { smart_count: documents, month: fmt.month(month) }) : undefined}
        confirm={translate('app.period.reopen')}
        onCancel={() => setDialog(undefined)}
        onConfirm={async (text) => {
          if (await reopen(text.trim())) setDialog(undefined);
        }}
      />
    </Stack>
  );
};

/** How many documents were issued for the month (asked when the reopen dialog opens); undefined until known. */
function useIssuedDocuments(month: string, asked: boolean): number | undefined {
  const [count, setCount] = useState<number>();
  useEffect(() => {
    if (!asked) return;
    let stopped = false;
    void countOf(api.GET('/api/v1/documents', { params: { query: { month, page: 0, size: 1 } } })).then((total) => {
      if (!stopped) setCount(total);
    });
    return () => {
      stopped = true;
    };
  }, [month, asked]);
  return count;
}

/** A dialog choosing accounts from those that exist; confirm stays disabled while none is chosen. */
const AccountsDialog = (props: {
  open: boolean;
  title: string;
  label: string;
  hint: string;
  confirm: string;
  onCancel: () => void;
  onConfirm: (accounts: string[]) => void;
}) => {
  const translate = useTranslate();
  const [accounts, setAccounts] = useState<string[]>([]);
  useEffect(() => {
    if (props.open) setAccounts([]);
  }, [props.open]);
  return (
    <Dialog open={props.open} onClose={props.onCancel} fullWidth maxWidth="sm">
      <DialogTitle>{props.title}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {props.hint}
        </Typography>
        <AccountsPicker label={props.label} value={accounts} onChange={setAccounts} testId="dialog-accounts" />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={!accounts.length} onClick={() => props.onConfirm(accounts)}>
          {props.confirm}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** A dialog asking for one text (accounts, a reason); confirm stays disabled while it is blank. */
const TextDialog = (props: {
  open: boolean;
  title: string;
  label: string;
  hint: string;
  warning?: string;
  confirm: string;
  onCancel: () => void;
  onConfirm: (text: string) => void;
}) => {
  const translate = useTranslate();
  const [text, setText] = useState('');
  useEffect(() => {
    if (props.open) setText('');
  }, [props.open]);
  return (
    <Dialog open={props.open} onClose={props.onCancel} fullWidth maxWidth="sm">
      <DialogTitle>{props.title}</DialogTitle>
      <DialogContent>
        {props.warning && (
          <Alert severity="warning" sx={{ mb: 2 }} data-testid="reopen-documents">
            {props.warning}
          </Alert>
        )}
        <Typography variant="body2" sx={{ mb: 2 }}>
          {props.hint}
        </Typography>
        <TextField
          label={props.label}
          value={text}
          onChange={(e) => setText(e.target.value)}
          fullWidth
          multiline
          minRows={2}
          autoFocus
          slotProps={{ htmlInput: { 'data-testid': 'dialog-text' } }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={!text.trim()} onClick={() => props.onConfirm(text)}>
          {props.confirm}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** Polls a job until it is no longer running; shows its progress, then its outcome. */
export const JobFollower = ({ id, onDone }: { id: string; onDone: () => void }) => {
  const translate = useTranslate();
  const [job, setJob] = useState<Job | undefined>();
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      while (!stopped) {
        const outcome = await attempt(api.GET('/api/v1/jobs/{id}', { params: { path: { id } } }));
        if (stopped) return;
        if (outcome.data) {
          setJob(outcome.data);
          if (outcome.data.state !== 'RUNNING') {
            onDone();
            return;
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    };
    poll();
    return () => {
      stopped = true;
    };
  }, [id]);
  if (!job || job.state === 'RUNNING') {
    const percent = job?.total ? (100 * job.done) / job.total : undefined;
    return (
      <Stack spacing={1} data-testid="job-running">
        <Typography variant="body2">
          {translate('app.period.closing', { done: job?.done ?? 0, total: job?.total ?? '…' })}
        </Typography>
        <LinearProgress variant={percent === undefined ? 'indeterminate' : 'determinate'} value={percent} />
      </Stack>
    );
  }
  return (
    <Alert severity={job.state === 'SUCCEEDED' ? 'success' : 'error'} data-testid="job-done">
      {job.state === 'SUCCEEDED'
        ? translate('app.period.job_done', { closed: job.counts?.CLOSED ?? job.done })
        : translate('app.period.job_failed', { error: job.error ?? job.state })}
    </Alert>
  );
};
