import { useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import { Title, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { attempt } from '../api/action';
import { api } from '../api/client';
import { countOf } from '../api/unwrap';
import type { components } from '../api/schema';
import { useFormat } from '../shared/format';
import { useDateTimeText } from '../shared/LocalDateField';
import { actorName } from '../shared/codes';

type Period = components['schemas']['FinancialPeriod'];
type AuditEntry = components['schemas']['PeriodAuditEntry'];

/** The month a finance person usually works on: the previous one, by the Moscow calendar. */
export function previousMonth(now: Date = new Date()): string {
  const moscow = new Date(now.getTime() + 3 * 3600_000);
  const y = moscow.getUTCFullYear();
  const m = moscow.getUTCMonth(); // 0-based: this is already "the previous month" as 1-based
  return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`;
}

/** The month's bounds as Moscow instants, for the rejects filter. */
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: `${month}-01T00:00:00+03:00`, to: `${next}-01T00:00:00+03:00` };
}

export interface MonthFacts {
  rejects?: number;
  period?: Period;
  documents?: number;
}

export type Step = 'rejects' | 'close' | 'documents' | 'delivery';

/** The next thing to do for the month: rejects first, then the close, the documents, and their delivery. */
export function nextStep(facts: MonthFacts): Step {
  if ((facts.rejects ?? 0) > 0) return 'rejects';
  if (facts.period?.state !== 'CLOSED') return 'close';
  if (!facts.documents) return 'documents';
  return 'delivery';
}

/**
 * The finance home page: for a month, the checklist отсев → закрытие → документы → доставка, with the counts of
 * each step, who did what, and the next action as a button.
 */
export const MonthCockpit = () => {
  const translate = useTranslate();
  const fmt = useFormat();
  const dateTime = useDateTimeText();
  const [month, setMonth] = useState(previousMonth());
  const [facts, setFacts] = useState<MonthFacts>();
  const [audit, setAudit] = useState<AuditEntry[]>([]);

  useEffect(() => {
    if (!/^\d{4}-\d{2}$/.test(month)) return;
    let current = true;
    setFacts(undefined);
    const { from, to } = monthBounds(month);
    void Promise.all([
      attempt(api.GET('/api/v1/rejects', { params: { query: { from, to, size: 1 } } })),
      attempt(api.GET('/api/v1/periods/{month}', { params: { path: { month } } })),
      countOf(api.GET('/api/v1/documents', { params: { query: { month, page: 0, size: 1 } } })),
      attempt(api.GET('/api/v1/periods/{month}/audit', { params: { path: { month } } })),
    ]).then(([rejects, period, documents, log]) => {
      if (!current) return;
      setFacts({ rejects: rejects.data?.total, period: period.data, documents });
      setAudit((log.data ?? []).slice(-5).reverse());
    });
    return () => {
      current = false;
    };
  }, [month]);

  const next = facts ? nextStep(facts) : undefined;
  const steps: { step: Step; done: boolean; text: string; to: string }[] = facts
    ? [
        {
          step: 'rejects',
          done: (facts.rejects ?? 0) === 0,
          text: translate('app.cockpit.rejects_count', { smart_count: facts.rejects ?? 0 }),
          to: '/rejects',
        },
        {
          step: 'close',
          done: facts.period?.state === 'CLOSED',
          text: facts.period
            ? `${translate(`app.period.state.${facts.period.state}`)}: ${translate('app.cockpit.closed_accounts', {
                closed: facts.period.closedAccounts,
                all: facts.period.accounts,
              })}`
            : '—',
          to: `/periods/${month}/show`,
        },
        {
          step: 'documents',
          done: (facts.documents ?? 0) > 0,
          text: translate('app.cockpit.documents_count', { smart_count: facts.documents ?? 0 }),
          to: '/document-runs',
        },
        { step: 'delivery', done: false, text: translate('app.cockpit.delivery_text'), to: '/document-runs' },
      ]
    : [];

  return (
    <Box sx={{ mt: 2 }} data-testid="month-cockpit">
      <Title title={translate('app.cockpit.title')} />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { sm: 'center' } }}>
        <Typography variant="h5">{translate('app.cockpit.heading', { month: fmt.month(month) })}</Typography>
        <TextField type="month" size="small" label={translate('app.cockpit.month')} value={month}
          onChange={(e) => setMonth(e.target.value)} slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'cockpit-month' } }} />
      </Stack>
      {!facts && <LinearProgress />}
      {next && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="cockpit-next" data-step={next}
          action={
            <Button component={Link} to={steps.find((s) => s.step === next)!.to} endIcon={<ArrowForwardIcon />}>
              {translate(`app.cockpit.go.${next}`)}
            </Button>
          }>
          {translate(`app.cockpit.next.${next}`)}
        </Alert>
      )}
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 3 }}>
        {steps.map((s, i) => (
          <Card key={s.step} variant="outlined" sx={{ flex: 1 }} data-testid={`cockpit-step-${s.step}`} data-done={String(s.done)}>
            <CardContent>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
                <Typography variant="subtitle1">{`${i + 1}. ${translate(`app.cockpit.step.${s.step}`)}`}</Typography>
                {s.step !== 'delivery' && (
                  <Chip size="small" color={s.done ? 'success' : 'warning'}
                    label={translate(s.done ? 'app.cockpit.done' : 'app.cockpit.todo')} />
                )}
              </Stack>
              <Typography variant="body2" sx={{ mb: 1 }}>{s.text}</Typography>
              <Button size="small" component={Link} to={s.to}>{translate(`app.cockpit.go.${s.step}`)}</Button>
            </CardContent>
          </Card>
        ))}
      </Stack>
      {audit.length > 0 && (
        <>
          <Typography variant="h6" gutterBottom>{translate('app.cockpit.who')}</Typography>
          <Table size="small" data-testid="cockpit-audit">
            <TableBody>
              {audit.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>{dateTime(a.at)}</TableCell>
                  <TableCell>{actorName(translate, a.actor)}</TableCell>
                  <TableCell>{translate(`app.period.actions.${a.action}`, { _: a.action })}</TableCell>
                  <TableCell>{a.reason ?? a.detail ?? ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Box>
  );
};
