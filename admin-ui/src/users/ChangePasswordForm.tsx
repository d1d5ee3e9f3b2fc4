import { useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ProblemAlert } from '../shared/ProblemAlert';
import type { Problem } from '../api/problem';
import { changeMyPassword } from './api';

/**
 * The form a person sees after signing in with a password an administrator set: until it is changed the server
 * answers 403 to everything else. {@code onChanged} reloads who is signed in.
 */
export const ChangePasswordForm = ({ onChanged }: { onChanged: () => void }) => {
  const translate = useTranslate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const mismatch = repeat !== '' && next !== repeat;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (mismatch) return;
    const outcome = await changeMyPassword(current, next);
    setProblem(outcome.problem);
    if (!outcome.problem) onChanged();
  };
  return (
    <Box sx={{ display: 'flex', justifyContent: 'center', mt: 4 }}>
      <Card sx={{ maxWidth: 480, width: '100%' }}>
        <CardContent>
          <form onSubmit={submit}>
            <Stack spacing={2}>
              <Typography variant="h6">{translate('app.password.title')}</Typography>
              <Alert severity="info">{translate('app.password.why')}</Alert>
              <TextField type="password" label={translate('app.password.current')} value={current} required
                autoComplete="current-password" slotProps={{ htmlInput: { 'data-testid': 'current-password' } }} onChange={(e) => setCurrent(e.target.value)} />
              <TextField type="password" label={translate('app.password.new')} value={next} required
                autoComplete="new-password" slotProps={{ htmlInput: { 'data-testid': 'new-password' } }} helperText={translate('app.users.password_help')}
                onChange={(e) => setNext(e.target.value)} />
              <TextField type="password" label={translate('app.password.repeat')} value={repeat} required
                autoComplete="new-password" error={mismatch} slotProps={{ htmlInput: { 'data-testid': 'repeat-password' } }}
                helperText={mismatch ? translate('app.password.mismatch') : ' '}
                onChange={(e) => setRepeat(e.target.value)} />
              {problem && <ProblemAlert problem={problem} fallbackTitle={translate('app.users.refused')} />}
              <Button type="submit" variant="contained" disabled={!current || !next || mismatch}>
                {translate('app.password.submit')}
              </Button>
            </Stack>
          </form>
        </CardContent>
      </Card>
    </Box>
  );
};
