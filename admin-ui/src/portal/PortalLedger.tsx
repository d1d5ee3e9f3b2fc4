import { useState } from 'react';
import { MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import { codeLabel } from '../shared/codes';
import { rubles, useAccount, useLedger } from './api';
import { Loading, PortalPage, Scroll } from './PortalPage';

/** The account's ledger, newest first, with the balance; payments alone on demand. */
export const PortalLedger = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const [account] = useAccount();
  const [kind, setKind] = useState('');
  const { data, error } = useLedger(account, kind);
  return (
    <PortalPage title="app.portal.ledger">
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { sm: 'center' } }}>
        <TextField select size="small" label={translate('app.portal.kind')} value={kind}
          onChange={(e) => setKind(e.target.value)} sx={{ minWidth: 200 }}>
          <MenuItem value="">{translate('app.portal.all_entries')}</MenuItem>
          <MenuItem value="PAYMENT">{translate('app.portal.payments')}</MenuItem>
        </TextField>
        {data && (
          <Typography data-testid="ledger-balance">
            {translate('app.portal.balance')}: {rubles(data.balance.balance, locale)} ·{' '}
            {translate('app.portal.paid_total')}: {rubles(data.balance.paid, locale)}
          </Typography>
        )}
      </Stack>
      {!data ? <Loading error={error} /> : (
        <Scroll>
          <Table size="small" data-testid="ledger">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.portal.date')}</TableCell>
                <TableCell>{translate('app.portal.entry')}</TableCell>
                <TableCell align="right">{translate('app.portal.amount')}</TableCell>
                <TableCell align="right">{translate('app.portal.vat')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.items.map((e) => (
                <TableRow key={e.id}>
                  <TableCell>{e.entryDate}</TableCell>
                  <TableCell>
                    {translate(`app.kind.${e.kind}`, { _: e.kind })}
                    {e.service ? ` · ${codeLabel(translate, 'service', e.service)}` : ''}
                    {e.component ? ` · ${codeLabel(translate, 'component', e.component)}` : ''}
                    {e.reference ? ` · ${e.reference}` : ''}
                  </TableCell>
                  <TableCell align="right">{rubles(e.amount, locale)}</TableCell>
                  <TableCell align="right">{rubles(e.vat, locale)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Scroll>
      )}
    </PortalPage>
  );
};
