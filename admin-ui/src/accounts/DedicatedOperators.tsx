import { useEffect, useState } from 'react';
import { Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { attempt } from '../api/action';
import { api } from '../api/client';
import { errorsByField, type Problem } from '../api/problem';
import type { components } from '../api/schema';
import { ProblemAlert } from '../shared/ProblemAlert';
import { RuDateField } from '../shared/RuDateInput';

type Operator = components['schemas']['Operator'];

/**
 * Dedicates an operator of the reference data to the account from a date (their minutes are then included in the
 * account's price, tariff sheet section 3). The operator is picked from the list, never typed; the server's refusals
 * show under their fields.
 */
export const DedicatedOperatorForm = ({ account, onAdded }: { account: string; onAdded?: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [operators, setOperators] = useState<Operator[]>([]);
  const [operatorId, setOperatorId] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [validTo, setValidTo] = useState('');
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void attempt(api.GET('/api/v1/reference/operators')).then((outcome) => setOperators(outcome.data ?? []));
  }, []);

  const add = async () => {
    setBusy(true);
    setProblem(undefined);
    const outcome = await attempt(
      api.POST('/api/v1/accounts/{account}/dedicated-operators', {
        params: { path: { account } },
        body: { operatorId, validFrom, ...(validTo ? { validTo } : {}) },
      }),
    );
    setBusy(false);
    if (outcome.problem) {
      setProblem(outcome.problem);
      return;
    }
    notify('app.account.operator_added', { type: 'success', messageArgs: { operator: operatorId } });
    setOperatorId('');
    setValidFrom('');
    setValidTo('');
    onAdded?.();
  };

  const fieldErrors = errorsByField(problem?.errors);
  return (
    <Box sx={{ mt: 2 }} data-testid="dedicated-operator-form">
      <Typography variant="subtitle2" gutterBottom>
        {translate('app.account.add_operator')}
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
        <TextField select label={translate('app.account.operator')} value={operatorId} size="small" sx={{ minWidth: 260 }}
          onChange={(e) => setOperatorId(e.target.value)} error={!!fieldErrors.operatorId}
          helperText={fieldErrors.operatorId} slotProps={{ htmlInput: { 'data-testid': 'dedicated-operator' } }}>
          {operators.map((o) => (
            <MenuItem key={o.operatorId} value={o.operatorId}>
              {[o.operatorId, o.name, o.site].filter(Boolean).join(' — ')}
            </MenuItem>
          ))}
        </TextField>
        <RuDateField label={translate('app.account.valid_from')} value={validFrom} size="small"
          onChange={setValidFrom} error={!!fieldErrors.validFrom} helperText={fieldErrors.validFrom} />
        <RuDateField label={translate('app.account.valid_to')} value={validTo} size="small"
          onChange={setValidTo} error={!!fieldErrors.validTo} helperText={fieldErrors.validTo} />
        <Button variant="outlined" disabled={busy || !operatorId || !validFrom} onClick={add} data-testid="dedicated-operator-add">
          {translate('app.account.add_operator')}
        </Button>
      </Stack>
      {problem && <ProblemAlert problem={problem} fallbackTitle={translate('app.account.operator_refused')} />}
    </Box>
  );
};
