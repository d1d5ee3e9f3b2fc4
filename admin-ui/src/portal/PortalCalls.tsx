import { useState } from 'react';
import {
  Box, Button, Dialog, DialogContent, DialogTitle, MenuItem, Stack, Table, TableBody, TableCell, TableHead,
  TableRow, TablePagination, TextField, Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useLocale, useTranslate } from 'react-admin';
import { codeLabel } from '../shared/codes';
import { callsExportUrl, moscowTime, rubles, useAccount, useCall, useCalls, type CallFilter } from './api';
import { Loading, PortalPage, Scroll } from './PortalPage';

/** One call with each priced line and its explanation (the rule and the table row that priced it). */
export const CallDetail = ({ source, cdrId, onClose }: { source: string; cdrId: string; onClose: () => void }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const { data, error } = useCall(source, cdrId);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>{translate('app.portal.call')} {cdrId}</DialogTitle>
      <DialogContent>
        {!data ? <Loading error={error} /> : (
          <Stack spacing={1}>
            <Typography>
              {moscowTime(data.startTime, locale)} · {codeLabel(translate, 'callType', data.callType)} ·{' '}
              {data.caller} → {data.called} · {data.durationSec} {translate('app.portal.seconds')}
            </Typography>
            {data.reasonDetail && <Typography color="warning.main">{data.reasonDetail}</Typography>}
            <Scroll>
              <Table size="small" data-testid="call-lines">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('app.portal.component')}</TableCell>
                    <TableCell align="right">{translate('app.portal.amount')}</TableCell>
                    <TableCell>{translate('app.portal.explanation')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.lines.map((l, i) => (
                    <TableRow key={i}>
                      <TableCell>{codeLabel(translate, 'component', l.component)}</TableCell>
                      <TableCell align="right">{rubles(l.amount, locale)}</TableCell>
                      <TableCell>{l.explanation}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Scroll>
            <Typography variant="h6">{translate('app.portal.total')}: {rubles(data.total, locale)}</Typography>
          </Stack>
        )}
      </DialogContent>
    </Dialog>
  );
};

export const PortalCalls = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const [account] = useAccount();
  const [filter, setFilter] = useState<CallFilter>({ page: 0, size: 25 });
  const [open, setOpen] = useState<{ source: string; cdrId: string }>();
  const query = { ...filter, account };
  const { data, error } = useCalls(query);
  const set = (part: Partial<CallFilter>) => setFilter({ ...filter, ...part, page: part.page ?? 0 });
  return (
    <PortalPage title="app.portal.calls_title" actions={
      <Stack direction="row" spacing={1}>
        <Button startIcon={<DownloadIcon />} href={callsExportUrl(query)} variant="outlined" size="small">CSV</Button>
        <Button startIcon={<DownloadIcon />} href={callsExportUrl(query, 'xlsx')} variant="outlined" size="small"
          data-testid="xlsx">Excel</Button>
      </Stack>
    }>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ mb: 2 }}>
        <TextField type="date" size="small" label={translate('app.portal.from')} value={filter.from ?? ''}
          onChange={(e) => set({ from: e.target.value })} slotProps={{ inputLabel: { shrink: true } }} />
        <TextField type="date" size="small" label={translate('app.portal.to')} value={filter.to ?? ''}
          onChange={(e) => set({ to: e.target.value })} slotProps={{ inputLabel: { shrink: true } }} />
        <TextField size="small" label={translate('app.portal.number')} value={filter.number ?? ''}
          onChange={(e) => set({ number: e.target.value.replace(/\D/g, '') })} />
        <TextField select size="small" label={translate('app.portal.status')} value={filter.status ?? ''}
          onChange={(e) => set({ status: (e.target.value || undefined) as CallFilter['status'] })} sx={{ minWidth: 160 }}>
          <MenuItem value="">{translate('app.portal.any')}</MenuItem>
          <MenuItem value="RATED">{translate('app.portal.rated')}</MenuItem>
          <MenuItem value="REJECTED">{translate('app.portal.rejected')}</MenuItem>
        </TextField>
      </Stack>
      {!data ? <Loading error={error} /> : (
        <Box>
          <Scroll>
            <Table size="small" data-testid="calls">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('app.portal.when')}</TableCell>
                  <TableCell>{translate('app.portal.call_type')}</TableCell>
                  <TableCell>{translate('app.portal.caller')}</TableCell>
                  <TableCell>{translate('app.portal.called')}</TableCell>
                  <TableCell align="right">{translate('app.portal.duration')}</TableCell>
                  <TableCell align="right">{translate('app.portal.amount')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.items.map((c) => (
                  <TableRow key={`${c.source}/${c.cdrId}`} hover sx={{ cursor: 'pointer' }}
                    onClick={() => setOpen({ source: c.source, cdrId: c.cdrId })}>
                    <TableCell>{moscowTime(c.startTime, locale)}</TableCell>
                    <TableCell>{codeLabel(translate, 'callType', c.callType)}</TableCell>
                    <TableCell>{c.caller}</TableCell>
                    <TableCell>{c.called}</TableCell>
                    <TableCell align="right">{c.durationSec}</TableCell>
                    <TableCell align="right">
                      {c.status === 'REJECTED' ? translate('app.portal.rejected') : rubles(c.total, locale)}
                    </TableCell>
                  </TableRow>
                ))}
                {data.items.length === 0 && (
                  <TableRow><TableCell colSpan={6}>{translate('app.portal.no_calls')}</TableCell></TableRow>
                )}
              </TableBody>
            </Table>
          </Scroll>
          <TablePagination component="div" count={data.total} page={filter.page ?? 0} rowsPerPage={filter.size ?? 25}
            rowsPerPageOptions={[25, 50, 100]} onPageChange={(_, page) => set({ page })}
            onRowsPerPageChange={(e) => set({ size: Number(e.target.value) })} />
        </Box>
      )}
      {open && <CallDetail source={open.source} cdrId={open.cdrId} onClose={() => setOpen(undefined)} />}
    </PortalPage>
  );
};
