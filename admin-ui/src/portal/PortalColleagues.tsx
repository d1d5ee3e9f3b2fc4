import { useState } from 'react';
import {
  Alert, Button, Card, CardContent, MenuItem, Stack, Switch, Table, TableBody, TableCell, TableHead, TableRow,
  TextField, Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useGetIdentity, useTranslate } from 'react-admin';
import { ProblemAlert } from '../shared/ProblemAlert';
import type { Problem } from '../api/problem';
import {
  invite, saveThreshold, setColleagueEnabled, useAccount, useColleagues, useDashboard, type InvitationIssued,
} from './api';
import { Loading, PortalPage, Scroll } from './PortalPage';

/** Invites a colleague by e-mail; without mail configured the link is shown to pass on. */
export const InviteForm = () => {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('CLIENT');
  const [problem, setProblem] = useState<Problem>();
  const [issued, setIssued] = useState<InvitationIssued>();
  const send = async () => {
    const { data, error } = await invite(email, role);
    setProblem(error as Problem | undefined);
    setIssued(data);
    if (data) {
      setEmail('');
      queryClient.invalidateQueries({ queryKey: ['portal', 'colleagues'] });
    }
  };
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1" gutterBottom>{translate('app.portal.invite')}</Typography>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
          <TextField size="small" type="email" label={translate('app.portal.email')} value={email}
            onChange={(e) => setEmail(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'invite-email' } }} />
          <TextField select size="small" label={translate('app.portal.role')} value={role}
            onChange={(e) => setRole(e.target.value)} sx={{ minWidth: 200 }}>
            <MenuItem value="CLIENT">{translate('app.roles.CLIENT')}</MenuItem>
            <MenuItem value="CLIENT_ADMIN">{translate('app.roles.CLIENT_ADMIN')}</MenuItem>
          </TextField>
          <Button variant="contained" onClick={send} disabled={!email}>{translate('app.portal.send_invitation')}</Button>
        </Stack>
        {problem && <ProblemAlert problem={problem} fallbackTitle={translate('app.users.refused')} />}
        {issued && (
          <Alert severity="success" sx={{ mt: 1 }} data-testid="invitation">
            {translate(issued.mailed ? 'app.portal.invitation_mailed' : 'app.portal.invitation_link',
              { email: issued.email })}
            {!issued.mailed && <div><code>{window.location.origin}{issued.link}</code></div>}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
};

/** The balance below which the client's people are told by e-mail. */
export const ThresholdForm = () => {
  const translate = useTranslate();
  const [account] = useAccount();
  const { data } = useDashboard(account);
  const queryClient = useQueryClient();
  const [value, setValue] = useState<string>();
  const [problem, setProblem] = useState<Problem>();
  const [saved, setSaved] = useState(false);
  const save = async () => {
    const { error } = await saveThreshold((value ?? '').trim() || undefined, account);
    setProblem(error as Problem | undefined);
    setSaved(!error);
    queryClient.invalidateQueries({ queryKey: ['portal', 'dashboard'] });
  };
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1" gutterBottom>{translate('app.portal.threshold')}</Typography>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
          <TextField size="small" label={translate('app.portal.threshold_rub')}
            value={value ?? data?.balanceThreshold ?? ''} onChange={(e) => { setValue(e.target.value); setSaved(false); }} />
          <Button variant="outlined" onClick={save}>{translate('app.portal.save')}</Button>
        </Stack>
        {saved && <Typography color="success.main">{translate('app.portal.saved')}</Typography>}
        {problem && <ProblemAlert problem={problem} fallbackTitle={translate('app.users.refused')} />}
      </CardContent>
    </Card>
  );
};

/** The people of the client (CLIENT_ADMIN): enable and disable them, invite more. */
export const PortalColleagues = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const queryClient = useQueryClient();
  const { data, error } = useColleagues();
  const [problem, setProblem] = useState<Problem>();
  const toggle = async (username: string, enabled: boolean) => {
    const { error: refused } = await setColleagueEnabled(username, enabled);
    setProblem(refused as Problem | undefined);
    queryClient.invalidateQueries({ queryKey: ['portal', 'colleagues'] });
  };
  return (
    <PortalPage title="app.portal.colleagues">
      <Stack spacing={2}>
        {!data ? <Loading error={error} /> : (
          <Scroll>
            <Table size="small" data-testid="colleagues">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('resources.users.fields.username')}</TableCell>
                  <TableCell>{translate('app.portal.email')}</TableCell>
                  <TableCell>{translate('app.portal.role')}</TableCell>
                  <TableCell>{translate('resources.users.fields.enabled')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.map((u) => (
                  <TableRow key={u.username}>
                    <TableCell>{u.username}</TableCell>
                    <TableCell>{u.email}</TableCell>
                    <TableCell>{u.roles.map((r) => translate(`app.roles.${r}`)).join(', ')}</TableCell>
                    <TableCell>
                      <Switch checked={u.enabled} disabled={u.username === identity?.id}
                        onChange={(e) => toggle(u.username, e.target.checked)}
                        slotProps={{ input: { 'aria-label': u.username } }} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Scroll>
        )}
        {problem && <ProblemAlert problem={problem} fallbackTitle={translate('app.users.refused')} />}
        <InviteForm />
        <ThresholdForm />
      </Stack>
    </PortalPage>
  );
};
