import { useState } from 'react';
import {
  Box,
  Button,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { attempt } from '../api/action';
import { api } from '../api/client';
import { errorsByField, type Problem } from '../api/problem';
import type { components } from '../api/schema';
import { NUMBER_KINDS, codeLabel, type NumberKind } from '../shared/codes';
import { ProblemAlert } from '../shared/ProblemAlert';
import { RuDateField } from '../shared/RuDateInput';

export type NumberAssignment = components['schemas']['NumberAssignment'];

/** The numbers an account holds or held: number, kind («8-800» / «Виртуальный офис»), channels, dates. */
export const NumbersTable = ({ numbers }: { numbers?: NumberAssignment[] }) => {
  const translate = useTranslate();
  if (!numbers?.length) return <Typography variant="body2">—</Typography>;
  return (
    <Table size="small" data-testid="account-numbers">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.account.number')}</TableCell>
          <TableCell>{translate('app.account.number_kind')}</TableCell>
          <TableCell align="right">{translate('app.account.channels')}</TableCell>
          <TableCell>{translate('app.account.valid_from')}</TableCell>
          <TableCell>{translate('app.account.valid_to')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {numbers.map((n, i) => (
          <TableRow key={`${n.number}/${n.validFrom}/${i}`} data-testid="account-number">
            <TableCell>{n.number}</TableCell>
            <TableCell>{codeLabel(translate, 'numberKind', n.kind ?? 'TOLL_FREE_800')}</TableCell>
            <TableCell align="right">{n.channels ?? ''}</TableCell>
            <TableCell>{n.validFrom}</TableCell>
            <TableCell>{n.validTo ?? '…'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

interface FormState {
  number: string;
  validFrom: string;
  validTo: string;
  kind: NumberKind;
  channels: string;
}

const FIELDS = ['number', 'validFrom', 'validTo', 'kind', 'channels'];

const EMPTY: FormState = { number: '', validFrom: '', validTo: '', kind: 'TOLL_FREE_800', channels: '' };

/** The body of `POST /api/v1/accounts/{account}/numbers`: channels only for a virtual-office number. */
export function assignmentBody(form: FormState): NumberAssignment {
  const body: NumberAssignment = { number: form.number.trim(), validFrom: form.validFrom, kind: form.kind };
  if (form.validTo) body.validTo = form.validTo;
  if (form.kind === 'VIRTUAL_OFFICE') body.channels = Number(form.channels);
  return body;
}

/**
 * Assigns a number to the account from a date: an 8-800 number, or a virtual-office number with its channels
 * (required, 1 or more). The server's refusals show under their fields.
 */
export const NumberAssignForm = ({ account, onAssigned }: { account: string; onAssigned?: (n: NumberAssignment) => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [form, setForm] = useState<FormState>(EMPTY);
  const [problem, setProblem] = useState<Problem | undefined>();
  const [local, setLocal] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const set = (patch: Partial<FormState>) => setForm({ ...form, ...patch });
  const vo = form.kind === 'VIRTUAL_OFFICE';

  const submit = async () => {
    const missing: Record<string, string> = {};
    if (!form.number.trim()) missing.number = translate('ra.validation.required');
    if (!form.validFrom) missing.validFrom = translate('ra.validation.required');
    if (vo && !(Number.isInteger(Number(form.channels)) && Number(form.channels) >= 1 && form.channels.trim() !== '')) {
      missing.channels = translate('app.account.channels_required');
    }
    setLocal(missing);
    if (Object.keys(missing).length) return;
    setSending(true);
    const outcome = await attempt(
      api.POST('/api/v1/accounts/{account}/numbers', { params: { path: { account } }, body: assignmentBody(form) }),
    );
    setSending(false);
    setProblem(outcome.problem);
    if (outcome.data) {
      notify('app.account.assigned', { type: 'success', messageArgs: { number: outcome.data.number } });
      setForm(EMPTY);
      onAssigned?.(outcome.data);
    }
  };

  const errors = { ...errorsByField(problem?.errors), ...local };
  const field = (name: keyof FormState, label: string, props: Record<string, unknown> = {}) => (
    <TextField
      label={translate(label)}
      value={form[name]}
      onChange={(e) => set({ [name]: e.target.value } as Partial<FormState>)}
      error={!!errors[name]}
      helperText={errors[name]}
      size="small"
      slotProps={{ htmlInput: { 'data-testid': `assign-${name}` }, inputLabel: { shrink: true } }}
      {...props}
    />
  );
  const dateField = (name: 'validFrom' | 'validTo', label: string, required = false) => (
    <RuDateField
      label={translate(label)}
      value={form[name]}
      onChange={(iso) => set({ [name]: iso } as Partial<FormState>)}
      error={!!errors[name]}
      helperText={errors[name]}
      required={required}
      size="small"
      testId={`assign-${name}`}
    />
  );
  return (
    <Box data-testid="number-assign-form" sx={{ mt: 2 }}>
      <Typography variant="subtitle2" gutterBottom>
        {translate('app.account.assign_number')}
      </Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
        {field('number', 'app.account.number', { required: true })}
        <TextField
          select
          label={translate('app.account.number_kind')}
          value={form.kind}
          onChange={(e) => set({ kind: e.target.value as NumberKind })}
          size="small"
          sx={{ minWidth: 200 }}
          error={!!errors.kind}
          helperText={errors.kind}
          slotProps={{ htmlInput: { 'data-testid': 'assign-kind' } }}
        >
          {NUMBER_KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {codeLabel(translate, 'numberKind', k)}
            </MenuItem>
          ))}
        </TextField>
        {vo && field('channels', 'app.account.channels', { type: 'number', required: true })}
        {dateField('validFrom', 'app.account.valid_from', true)}
        {dateField('validTo', 'app.account.valid_to')}
        <Button variant="contained" onClick={submit} disabled={sending}>
          {translate('app.account.assign')}
        </Button>
      </Stack>
      {problem && (
        <Box sx={{ mt: 1 }}>
          {/* field messages show under their inputs; the rest here */}
          <ProblemAlert
            problem={{ ...problem, errors: problem.errors?.filter((e) => !FIELDS.includes(e.field)) }}
            fallbackTitle={translate('app.account.assign_refused')}
          />
        </Box>
      )}
    </Box>
  );
};
