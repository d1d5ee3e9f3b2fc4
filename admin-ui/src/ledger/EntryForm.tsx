import { useState } from 'react';
import { Alert, Button, MenuItem, Stack, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { attempt } from '../api/action';
import { api } from '../api/client';
import type { Problem } from '../api/problem';
import { ProblemAlert } from '../shared/ProblemAlert';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { parseAmount, useFormat } from '../shared/format';
import { RuDateField } from '../shared/RuDateInput';

export const ENTRY_KINDS = ['ONE_TIME_CHARGE', 'DEDUCTION', 'ADJUSTMENT', 'PAYMENT'] as const;
type EntryKind = (typeof ENTRY_KINDS)[number];

/**
 * What finance enters on an account: a one-time charge, a deduction or an adjustment with its reason, or a
 * payment with its payment order. The server checks everything; its problem is shown as it answered.
 */
export const EntryForm = ({ account, onSaved }: { account: string; onSaved: () => void }) => {
  const translate = useTranslate();
  const [kind, setKind] = useState<EntryKind>('ONE_TIME_CHARGE');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [date, setDate] = useState('');
  const [reference, setReference] = useState('');
  const [problem, setProblem] = useState<Problem | undefined>();
  const [saved, setSaved] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const fmt = useFormat();
  const path = { params: { path: { account } } };
  // "100 000,50" as typed -> "100000.50" as the API takes it; undefined while it is not an amount
  const value = parseAmount(amount);
  const amountWrong = amount.trim() !== '' && value === undefined;

  const save = async () => {
    if (value === undefined) return;
    setConfirming(false);
    setBusy(true);
    setProblem(undefined);
    setSaved(undefined);
    const day = date ? { date } : {};
    const outcome =
      kind === 'PAYMENT'
        ? await attempt(api.POST('/api/v1/accounts/{account}/payments', {
            ...path,
            body: { amount: value, ...day, ...(reference.trim() ? { reference: reference.trim() } : {}),
              ...(reason.trim() ? { reason: reason.trim() } : {}) },
          }))
        : await attempt(api.POST('/api/v1/accounts/{account}/charges', {
            ...path,
            body: { kind, amount: value, reason, ...day },
          }));
    setBusy(false);
    if (outcome.problem) {
      setProblem(outcome.problem);
      return;
    }
    setSaved(translate('app.ledger.saved', { id: outcome.data.id, amount: fmt.money(outcome.data.amount) }));
    setAmount('');
    setReason('');
    setReference('');
    onSaved();
  };

  return (
    <Stack spacing={2} data-testid="entry-form">
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <TextField select label={translate('app.ledger.entry_kind')} value={kind} size="small" sx={{ minWidth: 220 }}
          onChange={(e) => setKind(e.target.value as EntryKind)}
          slotProps={{ htmlInput: { 'data-testid': 'entry-kind' } }}>
          {ENTRY_KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {translate(`app.kind.${k}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField label={translate('app.ledger.amount')} value={amount} size="small"
          onChange={(e) => setAmount(e.target.value)} error={amountWrong}
          helperText={translate(amountWrong ? 'app.ledger.amount_wrong' : 'app.ledger.amount_hint')}
          slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'entry-amount' } }} />
        <RuDateField label={translate('app.ledger.date')} value={date} size="small" onChange={setDate} testId="entry-date" />
        {kind === 'PAYMENT' && (
          <TextField label={translate('app.ledger.reference')} value={reference} size="small"
            onChange={(e) => setReference(e.target.value)} />
        )}
      </Stack>
      <TextField label={translate('app.ledger.reason')} value={reason} size="small" fullWidth
        required={kind !== 'PAYMENT'} onChange={(e) => setReason(e.target.value)}
        slotProps={{ htmlInput: { 'data-testid': 'entry-reason' } }} />
      <Stack direction="row">
        <Button variant="contained" disabled={busy || value === undefined || (kind !== 'PAYMENT' && !reason.trim())}
          onClick={() => setConfirming(true)} data-testid="entry-save">
          {translate('app.ledger.save')}
        </Button>
      </Stack>
      {problem && <ProblemAlert problem={problem} fallbackTitle={translate('app.ledger.refused')} />}
      {saved && <Alert severity="success">{saved}</Alert>}
      <ConfirmDialog
        open={confirming}
        title={translate(`app.kind.${kind}`)}
        consequence={translate('app.ledger.confirm', {
          kind: translate(`app.kind.${kind}`),
          amount: fmt.money(value),
          account,
        })}
        confirm={translate('app.ledger.save')}
        busy={busy}
        onCancel={() => setConfirming(false)}
        onConfirm={save}
      />
    </Stack>
  );
};
