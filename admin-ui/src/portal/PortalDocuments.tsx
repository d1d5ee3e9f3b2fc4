import { useState } from 'react';
import { Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import ArchiveIcon from '@mui/icons-material/Archive';
import { useLocale, useTranslate } from 'react-admin';
import { documentPdfUrl, monthZipUrl, rubles, useAccount, useDocuments } from './api';
import { Loading, PortalPage, Scroll } from './PortalPage';

/** Every issued document as its PDF; a month's documents as one ZIP. */
export const PortalDocuments = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const [account] = useAccount();
  const [month, setMonth] = useState('');
  const { data, error } = useDocuments(account, /^\d{4}-\d{2}$/.test(month) ? month : undefined);
  const months = [...new Set((data ?? []).map((d) => d.month))];
  return (
    <PortalPage title="app.portal.documents">
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ mb: 2 }}>
        <TextField type="month" size="small" label={translate('app.portal.month')} value={month}
          onChange={(e) => setMonth(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
        {months.map((m) => (
          <Button key={m} variant="outlined" size="small" startIcon={<ArchiveIcon />} href={monthZipUrl(m, account)}
            data-testid={`zip-${m}`}>
            {translate('app.portal.zip', { month: m })}
          </Button>
        ))}
      </Stack>
      {!data ? <Loading error={error} /> : (
        <Scroll>
          <Table size="small" data-testid="documents">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.portal.document')}</TableCell>
                <TableCell>{translate('app.portal.month')}</TableCell>
                <TableCell>{translate('app.portal.date')}</TableCell>
                <TableCell align="right">{translate('app.portal.gross')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((d) => (
                <TableRow key={d.id}>
                  <TableCell>{translate(`app.documents.type.${d.type}`, { _: d.type })} № {d.number}</TableCell>
                  <TableCell>{d.month}</TableCell>
                  <TableCell>{d.date}</TableCell>
                  <TableCell align="right">{rubles(d.gross, locale)}</TableCell>
                  <TableCell>
                    <a href={documentPdfUrl(d.id)} target="_blank" rel="noreferrer">PDF</a>
                  </TableCell>
                </TableRow>
              ))}
              {data.length === 0 && (
                <TableRow><TableCell colSpan={5}>{translate('app.portal.no_documents')}</TableCell></TableRow>
              )}
            </TableBody>
          </Table>
        </Scroll>
      )}
    </PortalPage>
  );
};
