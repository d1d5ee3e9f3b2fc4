import { useEffect, useState } from 'react';
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
import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import { DataTable, List, Show, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { attempt } from '../api/action';
import { api } from '../api/client';
import type { components } from '../api/schema';
import type { FinancialPeriod } from './dataProvider';
import { LocalDateField, useDateTimeText } from '../shared/LocalDateField';
import { PeriodActions } from './PeriodActions';
import { PeriodStateField } from './PeriodStateChip';
import { RerateForm } from './RerateForm';
import { useFormat } from '../shared/format';
import { actorName } from '../shared/codes';

type AuditEntry = components['schemas']['PeriodAuditEntry'];

/** Financial periods (calendar months) for finance: their state, closes, reopen, re-rating. id = month. */
export const PeriodIcon = EventAvailableIcon;

export const PeriodList = () => (
  <List sort={{ field: 'month', order: 'DESC' }} perPage={25} exporter={false} pagination={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="month" />
      <DataTable.Col source="state" field={PeriodStateField} />
      <DataTable.NumberCol source="closedAccounts" />
      <DataTable.NumberCol source="accounts" />
      <DataTable.Col source="updatedAt">
        <LocalDateField source="updatedAt" showTime emptyText="—" />
      </DataTable.Col>
    </DataTable>
  </List>
);

const PeriodTitle = () => {
  const record = useRecordContext<FinancialPeriod>();
  const translate = useTranslate();
  const fmt = useFormat();
  return <>{record ? translate('app.period.title', { month: fmt.month(record.month) }) : ''}</>;
};

export const PeriodShow = () => (
  <Show title={<PeriodTitle />}>
    <PeriodDetail />
  </Show>
);

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 3 }}>
      <Typography variant="h6" gutterBottom>
        {translate(title)}
      </Typography>
      {children}
    </Box>
  );
};

const PeriodDetail = () => {
  const record = useRecordContext<FinancialPeriod>();
  const translate = useTranslate();
  const fmt = useFormat();
  const refresh = useRefresh();
  const [auditVersion, setAuditVersion] = useState(0);
  if (!record) return null;
  const changed = () => {
    refresh();
    setAuditVersion((v) => v + 1);
  };
  return (
    <Card>
      <CardContent>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 4 }}>
            <Typography variant="caption">{translate('resources.periods.fields.state')}</Typography>
            <Box>
              <PeriodStateField />
            </Box>
          </Grid>
          <Grid size={{ xs: 12, sm: 4 }}>
            <Typography variant="caption">{translate('resources.periods.fields.closedAccounts')}</Typography>
            <Typography data-testid="period-closed">
              {record.closedAccounts} / {record.accounts}
            </Typography>
          </Grid>
        </Grid>
        <PeriodActions month={record.month} state={record.state} onChange={changed} />
        <Section title="app.period.totals">
          <Table size="small">
            <TableBody>
              {(record.totals ?? []).map((t) => (
                <TableRow key={t.kind}>
                  <TableCell>{translate(`app.kind.${t.kind}`)}</TableCell>
                  <TableCell align="right">{fmt.money(t.amount)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Section>
        <Section title="app.rerate.title">
          <RerateForm month={record.month} onApplied={changed} />
        </Section>
        <Section title="app.period.closes">
          <ClosesTable closes={record.closes ?? []} />
        </Section>
        <Section title="app.period.audit">
          <AuditTable month={record.month} version={auditVersion} />
        </Section>
      </CardContent>
    </Card>
  );
};

const ClosesTable = ({ closes }: { closes: components['schemas']['AccountCloseView'][] }) => {
  const translate = useTranslate();
  const dateTime = useDateTimeText();
  if (!closes.length) return <Typography variant="body2">{translate('app.period.no_closes')}</Typography>;
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.period.account')}</TableCell>
          <TableCell>{translate('app.period.closed_by')}</TableCell>
          <TableCell>{translate('app.period.at')}</TableCell>
          <TableCell align="right">{translate('app.period.cdrs')}</TableCell>
          <TableCell align="right">{translate('app.period.minutes')}</TableCell>
          <TableCell>{translate('app.period.tariff')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {closes.slice(0, 500).map((c) => (
          <TableRow key={c.account}>
            <TableCell>{c.account}</TableCell>
            <TableCell>{c.closedBy}</TableCell>
            <TableCell>{dateTime(c.closedAt)}</TableCell>
            <TableCell align="right">{c.cdrs ?? 0}</TableCell>
            <TableCell align="right">{c.networkMinutes ?? ''}</TableCell>
            <TableCell>{c.tariff ? `${c.tariff} v${c.tariffVersion}` : '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const AuditTable = ({ month, version }: { month: string; version: number }) => {
  const translate = useTranslate();
  const dateTime = useDateTimeText();
  const [audit, setAudit] = useState<AuditEntry[]>([]);
  useEffect(() => {
    attempt(api.GET('/api/v1/periods/{month}/audit', { params: { path: { month } } })).then((o) => {
      if (o.data) setAudit(o.data);
    });
  }, [month, version]);
  return (
    <Table size="small" data-testid="period-audit">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.period.at')}</TableCell>
          <TableCell>{translate('app.period.action')}</TableCell>
          <TableCell>{translate('app.period.actor')}</TableCell>
          <TableCell>{translate('app.period.reason')}</TableCell>
          <TableCell>{translate('app.period.detail')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {audit.map((a) => (
          <TableRow key={a.id}>
            <TableCell>{dateTime(a.at)}</TableCell>
            <TableCell>{translate(`app.period.actions.${a.action}`, { _: a.action })}</TableCell>
            <TableCell>{actorName(translate, a.actor)}</TableCell>
            <TableCell>{a.reason ?? ''}</TableCell>
            <TableCell>{a.detail ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
