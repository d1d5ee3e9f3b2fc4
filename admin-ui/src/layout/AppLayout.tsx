import { useEffect, type ReactNode } from 'react';
import { Typography } from '@mui/material';
import { AppBar, Layout, TitlePortal, useGetIdentity, useTranslate } from 'react-admin';
import { AppMenu } from './AppMenu';
import { forgetCurrentUser } from '../authProvider';
import { ChangePasswordForm } from '../users/ChangePasswordForm';

/** Application name, then the page title; the default toolbar keeps the locale switcher. */
const AppTitleBar = () => {
  const translate = useTranslate();
  const appTitle = translate('app.title');
  useEffect(() => {
    document.title = appTitle;
  }, [appTitle]);
  return (
    <AppBar>
      <Typography variant="h6" component="span" sx={{ mr: 2, whiteSpace: 'nowrap' }} data-testid="app-title">
        {appTitle}
      </Typography>
      <TitlePortal />
    </AppBar>
  );
};

/** Until a person changes the password an administrator set, the server refuses everything else: only the form. */
const PasswordGate = ({ children }: { children: ReactNode }) => {
  const { identity, refetch } = useGetIdentity();
  if (identity?.mustChangePassword) {
    return <ChangePasswordForm onChanged={() => { forgetCurrentUser(); refetch(); }} />;
  }
  return <>{children}</>;
};

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout appBar={AppTitleBar} menu={AppMenu}>
    <PasswordGate>{children}</PasswordGate>
  </Layout>
);
