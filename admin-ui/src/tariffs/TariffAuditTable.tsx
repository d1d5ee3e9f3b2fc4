import { CircularProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { TariffChip } from './chips';
import { formatMoscow } from './moscowTime';
import { tariffPaths } from './paths';
import { ErrorAlert } from './problems';
import { useTariffAudit } from './queries';
import { actorName } from '../shared/codes';

/** Who created, changed, validated and published which version of a tariff, newest first. */
export const TariffAuditTable = ({ code }: { code: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, error, isPending } = useTariffAudit(code);
  if (isPending) return <CircularProgress size={24} />;
  if (error) return <ErrorAlert error={error} />;
  if (!data?.length) return <Typography variant="body2">{translate('app.tariff.audit.empty')}</Typography>;
  return (
    <Table size="small" data-testid="tariff-audit">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.tariff.audit.at')}</TableCell>
          <TableCell>{translate('app.tariff.audit.version')}</TableCell>
          <TableCell>{translate('app.tariff.audit.action')}</TableCell>
          <TableCell>{translate('app.tariff.audit.actor')}</TableCell>
          <TableCell>{translate('app.tariff.audit.detail')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((entry, i) => (
          <TableRow key={i} data-testid="audit-row">
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatMoscow(entry.at, locale)}</TableCell>
            <TableCell>
              {entry.version ? <Link to={tariffPaths.version(code, entry.version)}>{entry.version}</Link> : ''}
            </TableCell>
            <TableCell>
              <TariffChip kind="action" value={entry.action} />
            </TableCell>
            <TableCell>{actorName(translate, entry.actor)}</TableCell>
            <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{entry.detail ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
