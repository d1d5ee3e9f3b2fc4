import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { attempt } from '../api/action';
import { api } from '../api/client';
import type { Problem } from '../api/problem';
import type { components } from '../api/schema';
import { ProblemAlert } from '../shared/ProblemAlert';
import { codeLabel } from '../shared/codes';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { AccountPicker } from '../shared/AccountPicker';
import { useFormat } from '../shared/format';

type RerateResult = components['schemas']['RerateResult'];

const BUTTON = { flexShrink: 0, whiteSpace: 'nowrap', mt: 1 } as const;
type RerateRequest = components['schemas']['RerateRequest'];

/**
 * Re-rates one account's month under a chosen tariff version: "Preview" shows the differences per component,
 * "Apply" (only after a preview of the same choice) writes them: corrections for a closed month, new prices
 * for an open one.
 */
export const RerateForm = ({ month, onApplied }: { month: string; onApplied?: () => void }) => {
  const translate = useTranslate();
  const [account, setAccount] = useState('');
  const [tariff, setTariff] = useState('');
  const [version, setVersion] = useState('');
  const [result, setResult] = useState<RerateResult | undefined>();
  const [previewed, setPreviewed] = useState<string | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const fmt = useFormat();

  const request = (apply: boolean): RerateRequest => ({
    account: account.trim(),
    ...(tariff.trim() ? { tariff: tariff.trim() } : {}),
    ...(version.trim() ? { tariffVersion: Number(version) } : {}),
    apply,
  });
  const choice = JSON.stringify(request(false));

  const send = async (apply: boolean) => {
    setBusy(true);
    setProblem(undefined);
    const outcome = await attempt(
      api.POST('/api/v1/periods/{month}/rerate', { params: { path: { month } }, body: request(apply) }),
    );
    setBusy(false);
    if (outcome.problem) {
      setProblem(outcome.problem);
      return;
    }
    setResult(outcome.data);
    setPreviewed(apply ? undefined : choice);
    if (apply) onApplied?.();
  };

  const canApply = previewed === choice && result !== undefined && !result.applied && result.unrated.length === 0;
  return (
    <Box>
      <Typography variant="body2" sx={{ mb: 2 }}>
        {translate('app.rerate.intro')}
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2, alignItems: 'flex-start' }}>
        <AccountPicker label={translate('app.rerate.account')} value={account} onChange={setAccount} testId="rerate-account" />
        <TextField label={translate('app.rerate.tariff')} value={tariff} onChange={(e) => setTariff(e.target.value)}
          size="small" helperText={translate('app.rerate.tariff_hint')} />
        <TextField label={translate('app.rerate.version')} value={version} type="number"
          onChange={(e) => setVersion(e.target.value)} size="small" helperText={translate('app.rerate.version_hint')}
          slotProps={{ htmlInput: { 'data-testid': 'rerate-version', min: 1 } }} />
        <Button variant="outlined" disabled={busy || !account.trim()} onClick={() => send(false)} sx={BUTTON}>
          {translate('app.rerate.preview')}
        </Button>
        <Button variant="contained" color="warning" disabled={busy || !canApply} onClick={() => setConfirming(true)} sx={BUTTON}>
          {translate('app.rerate.apply')}
        </Button>
      </Stack>
      {problem && <ProblemAlert problem={problem} fallbackTitle={translate('app.rerate.refused')} />}
      {result && <RerateDifferences result={result} />}
      <ConfirmDialog
        open={confirming}
        title={translate('app.rerate.apply')}
        consequence={translate(result?.closed ? 'app.rerate.confirm_closed' : 'app.rerate.confirm_open', {
          account: account.trim(),
          month: fmt.month(month),
          smart_count: result?.records ?? 0,
        })}
        confirm={translate('app.rerate.apply')}
        busy={busy}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void send(true);
        }}
      />
    </Box>
  );
};

const RerateDifferences = ({ result }: { result: RerateResult }) => {
  const translate = useTranslate();
  const fmt = useFormat();
  return (
    <Box data-testid="rerate-result">
      <Alert severity={result.applied ? 'success' : 'info'} sx={{ mb: 1 }}>
        {result.applied
          ? result.closed
            ? translate('app.rerate.applied_closed', { corrections: result.corrections, period: fmt.month(result.bookedIn) })
            : translate('app.rerate.applied_open')
          : translate(result.closed ? 'app.rerate.preview_closed' : 'app.rerate.preview_open', { records: result.records })}
      </Alert>
      {result.unrated.length > 0 && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {translate('app.rerate.unrated', { count: result.unrated.length })}
          <ul style={{ margin: 0 }}>
            {result.unrated.slice(0, 10).map((u) => (
              <li key={u}>{u}</li>
            ))}
          </ul>
        </Alert>
      )}
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.rerate.kind')}</TableCell>
            <TableCell>{translate('app.rerate.service')}</TableCell>
            <TableCell>{translate('app.rerate.component')}</TableCell>
            <TableCell align="right">{translate('app.rerate.old')}</TableCell>
            <TableCell align="right">{translate('app.rerate.new')}</TableCell>
            <TableCell align="right">{translate('app.rerate.difference')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {result.differences.map((d, i) => (
            <TableRow key={i} data-testid="rerate-difference" selected={d.difference !== '0.00'}>
              <TableCell>{translate(`app.kind.${d.kind}`)}</TableCell>
              <TableCell>{codeLabel(translate, 'service', d.service)}</TableCell>
              <TableCell>{codeLabel(translate, 'component', d.component)}</TableCell>
              <TableCell align="right">{fmt.money(d.oldAmount)}</TableCell>
              <TableCell align="right">{fmt.money(d.newAmount)}</TableCell>
              <TableCell align="right">{fmt.money(d.difference)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};
