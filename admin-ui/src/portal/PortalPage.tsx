import type { ReactNode } from 'react';
import { Alert, Box, CircularProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { useAccount, useAccounts } from './api';

/** The client's account to show, when the client has more than one. */
export const AccountSelect = () => {
  const translate = useTranslate();
  const { data } = useAccounts();
  const [account, setAccount] = useAccount();
  if (!data || data.length < 2) return null;
  return (
    <TextField select size="small" label={translate('app.portal.account')} value={account ?? data[0].code}
      onChange={(e) => setAccount(e.target.value)} sx={{ minWidth: 200 }}>
      {data.map((a) => <MenuItem key={a.code} value={a.code}>{a.code} · {a.clientName}</MenuItem>)}
    </TextField>
  );
};

/** A page of the portal: its title, the account choice, then the content; narrow screens get one column. */
export const PortalPage = ({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ p: { xs: 1, sm: 2 }, maxWidth: 1200 }}>
      <Title title={translate(title)} />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { sm: 'center' } }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>{translate(title)}</Typography>
        {actions}
        <AccountSelect />
      </Stack>
      {children}
    </Box>
  );
};

/** What a query shows while it loads or when it failed (the server's message, in the UI's language). */
export const Loading = ({ error }: { error?: unknown }) => {
  if (error) {
    return <Alert severity="error">{(error as Error).message}</Alert>;
  }
  return <CircularProgress size={24} />;
};

/** A wide table scrolls sideways on a phone instead of squeezing its columns. */
export const Scroll = ({ children }: { children: ReactNode }) => (
  <Box sx={{ overflowX: 'auto', width: '100%' }}>{children}</Box>
);
