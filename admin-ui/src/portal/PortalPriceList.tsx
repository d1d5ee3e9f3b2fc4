import { Card, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import { moscowTime, usePriceList, useAccount, type PortalPriceList as PriceList } from './api';
import { Loading, PortalPage, Scroll } from './PortalPage';

/** a cell of a price table: a code of the tariff (a caller origin, a site, a service) in words, a price as it is */
const cellText = (translate: (key: string, options?: object) => string, cell: string) =>
  /^[A-Z][A-Z0-9_-]*$|^любое$/.test(cell) ? translate(`app.portal.price_code.${cell}`, { _: cell }) : cell;

const Tables = ({ list }: { list: PriceList }) => {
  const translate = useTranslate();
  return (
  <Stack spacing={2}>
    {list.tables.map((t) => (
      <Card key={t.name} variant="outlined">
        <CardContent>
          <Typography variant="subtitle1">{t.title ?? t.name}</Typography>
          <Scroll>
            <Table size="small">
              <TableHead>
                <TableRow>{t.columns.map((c, i) => <TableCell key={i}>{c}</TableCell>)}</TableRow>
              </TableHead>
              <TableBody>
                {t.rows.map((row, r) => (
                  <TableRow key={r}>{row.map((cell, i) => <TableCell key={i}>{cellText(translate, cell)}</TableCell>)}</TableRow>
                ))}
              </TableBody>
            </Table>
          </Scroll>
        </CardContent>
      </Card>
    ))}
  </Stack>
  );
};

/** The tariff in force, table by table, then the versions published for later dates. */
export const PortalPriceList = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const [account] = useAccount();
  const { data, error } = usePriceList(account);
  return (
    <PortalPage title="app.portal.price_list">
      {!data ? <Loading error={error} /> : (
        <Stack spacing={2}>
          <Typography data-testid="tariff">
            {translate('app.portal.tariff_in_force', {
              tariff: data.tariff, version: data.version, from: moscowTime(data.effectiveFrom, locale),
            })}
          </Typography>
          {data.upcoming.map((u) => (
            <Stack key={u.version} spacing={1}>
              <Typography variant="h6" color="warning.main">
                {translate('app.portal.upcoming', { version: u.version, from: moscowTime(u.effectiveFrom, locale) })}
              </Typography>
              <Tables list={u} />
            </Stack>
          ))}
          <Tables list={data} />
        </Stack>
      )}
    </PortalPage>
  );
};
