import { useEffect, useState } from 'react';
import { Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { attempt } from '../api/action';
import { api } from '../api/client';
import { errorsByField, type Problem } from '../api/problem';
import { ProblemAlert } from '../shared/ProblemAlert';

/**
 * For finance and admins: who looks after the account among the enabled sales users (a sales user then sees this
 * account's reports). Picked from the list, never typed; «нет» clears it.
 */
export const SalesManagerForm = ({ account, current, onChanged }: {
  account: string;
  current?: string;
  onChanged?: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [managers, setManagers] = useState<string[]>([]);
  const [chosen, setChosen] = useState(current ?? '');
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void attempt(api.GET('/api/v1/sales-managers')).then((outcome) => setManagers(outcome.data ?? []));
  }, []);
  useEffect(() => setChosen(current ?? ''), [current]);

  const save = async () => {
    setBusy(true);
    setProblem(undefined);
    const outcome = await attempt(
      api.PUT('/api/v1/accounts/{account}/sales-manager', {
        params: { path: { account } },
        body: { salesManager: chosen || null },
      }),
    );
    setBusy(false);
    if (outcome.problem) {
      setProblem(outcome.problem);
      return;
    }
    notify('app.account.sales_manager_saved', { type: 'success' });
    onChanged?.();
  };

  const fieldErrors = errorsByField(problem?.errors);
  return (
    <Box sx={{ mt: 2 }} data-testid="sales-manager-form">
      <Typography variant="subtitle2" gutterBottom>
        {translate('app.account.sales_manager')}
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
        <TextField select label={translate('app.account.sales_manager')} value={chosen} size="small"
          sx={{ minWidth: 260 }} onChange={(e) => setChosen(e.target.value)} error={!!fieldErrors.salesManager}
          helperText={fieldErrors.salesManager} slotProps={{ htmlInput: { 'data-testid': 'sales-manager' } }}>
          <MenuItem value="">{translate('app.account.sales_manager_none')}</MenuItem>
          {managers.map((m) => (
            <MenuItem key={m} value={m}>{m}</MenuItem>
          ))}
        </TextField>
        <Button variant="outlined" disabled={busy || chosen === (current ?? '')} onClick={save}
          data-testid="sales-manager-save">
          {translate('ra.action.save')}
        </Button>
      </Stack>
      {problem && <ProblemAlert problem={problem} fallbackTitle={translate('app.account.sales_manager_refused')} />}
    </Box>
  );
};
