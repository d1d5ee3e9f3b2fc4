import { useEffect, useState } from 'react';
import { Alert, Box, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { attempt } from '../api/action';
import { api } from '../api/client';
import type { Problem } from '../api/problem';
import type { components } from '../api/schema';
import { ProblemAlert } from '../shared/ProblemAlert';
import { codeLabel } from '../shared/codes';
import { useFormat } from '../shared/format';

type AccountUsage = components['schemas']['AccountUsage'];

const previousMonth = () => {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};

/** An account's usage in a month by service and component (by name); frozen figures once the month is closed. */
export const AccountUsagePanel = ({ account }: { account: string }) => {
  const translate = useTranslate();
  const fmt = useFormat();
  const [month, setMonth] = useState(previousMonth);
  const [usage, setUsage] = useState<AccountUsage | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  useEffect(() => {
    if (!/^[0-9]{4}-[0-9]{2}$/.test(month)) return;
    attempt(api.GET('/api/v1/accounts/{account}/usage', { params: { path: { account }, query: { month } } })).then(
      (o) => {
        setProblem(o.problem);
        setUsage(o.data);
      },
    );
  }, [account, month]);
  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ mb: 2 }}>
        <TextField label={translate('app.usage.month')} type="month" value={month} size="small" sx={{ width: 240 }}
          onChange={(e) => setMonth(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
      </Stack>
      {problem && <ProblemAlert problem={problem} fallbackTitle={translate('app.usage.title')} />}
      {usage && (
        <>
          <Alert severity={usage.closed ? 'success' : 'info'} sx={{ mb: 1 }}>
            {translate(usage.closed ? 'app.usage.closed' : 'app.usage.open', {
              cdrs: usage.cdrs ?? 0,
              events: usage.serviceEvents ?? 0,
              minutes: usage.networkMinutes ?? '0',
            })}
            {usage.closed && (usage.lateRecords ?? 0) > 0 && ` ${translate('app.usage.late', { count: usage.lateRecords })}`}
          </Alert>
          <Table size="small" data-testid="usage-lines">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.usage.service')}</TableCell>
                <TableCell>{translate('app.usage.component')}</TableCell>
                <TableCell align="right">{translate('app.usage.quantity')}</TableCell>
                <TableCell align="right">{translate('app.usage.amount')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {usage.lines.map((l) => (
                <TableRow key={`${l.service}/${l.component}`} data-testid="usage-line">
                  <TableCell>{codeLabel(translate, 'service', l.service)}</TableCell>
                  <TableCell>{codeLabel(translate, 'component', l.component)}</TableCell>
                  <TableCell align="right">
                    {l.quantity ? `${fmt.decimal(l.quantity, 0)} ${codeLabel(translate, 'unit', l.unit)}` : ''}
                  </TableCell>
                  <TableCell align="right">{fmt.money(l.amount)}</TableCell>
                </TableRow>
              ))}
              <TableRow>
                <TableCell colSpan={3}>
                  <b>{translate('app.usage.total')}</b>
                </TableCell>
                <TableCell align="right">
                  <b>{fmt.money(usage.total)}</b>
                </TableCell>
              </TableRow>
            </TableBody>
          </Table>
        </>
      )}
    </Box>
  );
};
