import { useCallback, useEffect, useState } from 'react';
import {
  Box,
  Card,
  CardContent,
  Grid,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { attempt } from '../api/action';
import { api } from '../api/client';
import type { Problem } from '../api/problem';
import type { components } from '../api/schema';
import { EntryForm } from './EntryForm';
import { ProblemAlert } from '../shared/ProblemAlert';
import { codeLabel } from '../shared/codes';
import { useFormat } from '../shared/format';

type LedgerPage = components['schemas']['LedgerPage'];
type LedgerEntry = components['schemas']['LedgerEntry'];

/** An account's balance and its ledger entries (newest first), and the form finance enters charges with. */
export const AccountLedger = ({ account, canEnter }: { account: string; canEnter: boolean }) => {
  const translate = useTranslate();
  const fmt = useFormat();
  const [page, setPage] = useState<LedgerPage | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const load = useCallback(async () => {
    const outcome = await attempt(
      api.GET('/api/v1/accounts/{account}/ledger', { params: { path: { account }, query: { size: 200 } } }),
    );
    if (outcome.problem) setProblem(outcome.problem);
    else setPage(outcome.data);
  }, [account]);
  useEffect(() => {
    load();
  }, [load]);

  if (problem) return <ProblemAlert problem={problem} fallbackTitle={translate('app.ledger.refused')} />;
  if (!page) return null;
  const b = page.balance;
  return (
    <Box>
      <Grid container spacing={2} sx={{ mb: 2 }} data-testid="balance">
        {(['net', 'vat', 'paid', 'balance'] as const).map((k) => (
          <Grid key={k} size={{ xs: 6, md: 3 }}>
            <Card variant="outlined">
              <CardContent>
                <Typography variant="caption">{translate(`app.ledger.${k}`)}</Typography>
                <Typography variant="h6" data-testid={`balance-${k}`}>
                  {fmt.money(b[k])}
                </Typography>
              </CardContent>
            </Card>
          </Grid>
        ))}
      </Grid>
      {canEnter && (
        <Box sx={{ mb: 3 }}>
          <Typography variant="h6" gutterBottom>
            {translate('app.ledger.entry_form')}
          </Typography>
          <EntryForm account={account} onSaved={load} />
        </Box>
      )}
      <Typography variant="h6" gutterBottom>
        {translate('app.ledger.title')}
      </Typography>
      <EntriesTable entries={page.items} />
    </Box>
  );
};

const EntriesTable = ({ entries }: { entries: LedgerEntry[] }) => {
  const translate = useTranslate();
  const fmt = useFormat();
  if (!entries.length) return <Typography variant="body2">{translate('app.ledger.no_entries')}</Typography>;
  return (
    <Table size="small" data-testid="ledger-entries">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.ledger.period')}</TableCell>
          <TableCell>{translate('app.ledger.kind')}</TableCell>
          <TableCell>{translate('app.ledger.item')}</TableCell>
          <TableCell align="right">{translate('app.ledger.quantity')}</TableCell>
          <TableCell align="right">{translate('app.ledger.amount')}</TableCell>
          <TableCell align="right">{translate('app.ledger.vat')}</TableCell>
          <TableCell>{translate('app.ledger.reason')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map((e) => (
          <TableRow key={e.id} sx={{ opacity: e.inClientBalance ? 1 : 0.6 }}>
            <TableCell>
              {e.period}
              {e.refersTo ? ` → ${e.refersTo}` : ''}
            </TableCell>
            <TableCell>
              {translate(`app.kind.${e.kind}`)}
              {e.reverses ? ` (${translate('app.ledger.reversal')})` : ''}
            </TableCell>
            <TableCell>{[codeLabel(translate, 'service', e.service), codeLabel(translate, 'component', e.component), e.reference, e.counterparty]
                .filter(Boolean)
                .join(' · ')}</TableCell>
            <TableCell align="right">
              {e.quantity ? `${fmt.decimal(e.quantity, 0)} ${codeLabel(translate, 'unit', e.unit)}` : ''}
            </TableCell>
            <TableCell align="right">
              {e.oldAmount !== undefined ? `${fmt.money(e.oldAmount)} → ${fmt.money(e.newAmount)}: ` : ''}
              {fmt.money(e.amount)}
            </TableCell>
            <TableCell align="right">{e.vatRate ? `${fmt.money(e.vat)} (${fmt.vatRate(e.vatRate)})` : ''}</TableCell>
            <TableCell>{e.reason ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
