import { Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import { documentPdfUrl, rubles, useAccount, useDashboard, type PortalDashboard as Dashboard } from './api';
import { Loading, PortalPage } from './PortalPage';
import { codeLabel } from '../shared/codes';

/** Bars of calls per day with the day's amount in the tooltip; plain SVG, as wide as the screen allows. */
export const DayChart = ({ days }: { days: Dashboard['days'] }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const max = Math.max(1, ...days.map((d) => d.calls));
  const width = Math.max(days.length * 14, 140);
  return (
    <svg viewBox={`0 0 ${width} 110`} width="100%" height="130" role="img" aria-label={translate('app.portal.chart')}
      preserveAspectRatio="none" data-testid="day-chart">
      {days.map((d, i) => {
        const h = Math.round((d.calls / max) * 90);
        return (
          <g key={d.date}>
            <rect x={i * 14 + 2} y={95 - h} width={10} height={h} fill="#1565c0">
              <title>{`${d.date}: ${d.calls} · ${rubles(d.amount, locale)}`}</title>
            </rect>
            {(i === 0 || (i + 1) % 5 === 0) && (
              <text x={i * 14 + 7} y={108} fontSize="8" textAnchor="middle">{Number(d.date.slice(8))}</text>
            )}
          </g>
        );
      })}
    </svg>
  );
};

const Tile = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Card variant="outlined" sx={{ flex: 1, minWidth: 240 }}>
    <CardContent>
      <Typography variant="overline" color="text.secondary">{title}</Typography>
      {children}
    </CardContent>
  </Card>
);

export const PortalDashboard = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const [account] = useAccount();
  const { data, error } = useDashboard(account);
  return (
    <PortalPage title="app.portal.dashboard">
      {!data ? <Loading error={error} /> : (
        <Stack spacing={2}>
          <Typography color="text.secondary" data-testid="client-name">{data.clientName} · {data.account}</Typography>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <Tile title={translate('app.portal.balance')}>
              <Typography variant="h5" data-testid="balance">{rubles(data.balance.balance, locale)}</Typography>
              <Typography variant="body2" color="text.secondary">
                {translate(Number(data.balance.balance) > 0 ? 'app.portal.owes' : 'app.portal.prepaid')}
              </Typography>
            </Tile>
            <Tile title={translate('app.portal.usage_to_date', { month: data.month })}>
              <Typography variant="h5">{rubles(data.usageTotal, locale)}</Typography>
              {data.usage.map((u) => (
                <Typography key={u.service} variant="body2">
                  {codeLabel(translate, 'service', u.service)}: {rubles(u.amount, locale)} · {u.calls} {translate('app.portal.calls_short')}
                </Typography>
              ))}
            </Tile>
            <Tile title={translate('app.portal.last_invoice')}>
              {data.lastInvoice ? (
                <Box data-testid="last-invoice">
                  <Typography variant="h6">
                    <a href={documentPdfUrl(data.lastInvoice.id)} target="_blank" rel="noreferrer">
                      № {data.lastInvoice.number}
                    </a>{' '}· {data.lastInvoice.month}
                  </Typography>
                  <Typography>{rubles(data.lastInvoice.gross, locale)}</Typography>
                  <Chip size="small" color={data.lastInvoice.paid ? 'success' : 'warning'}
                    label={translate(data.lastInvoice.paid ? 'app.portal.paid' : 'app.portal.unpaid')} />
                </Box>
              ) : <Typography>{translate('app.portal.no_invoice')}</Typography>}
            </Tile>
          </Stack>
          <Card variant="outlined">
            <CardContent>
              <Typography variant="overline" color="text.secondary">{translate('app.portal.chart')}</Typography>
              <DayChart days={data.days} />
            </CardContent>
          </Card>
        </Stack>
      )}
    </PortalPage>
  );
};
