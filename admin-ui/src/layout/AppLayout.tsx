import { useEffect, type ReactNode } from 'react';
import { Typography } from '@mui/material';
import { AppBar, Layout, TitlePortal, useTranslate } from 'react-admin';
import { AppMenu } from './AppMenu';

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

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout appBar={AppTitleBar} menu={AppMenu}>
    {children}
  </Layout>
);
