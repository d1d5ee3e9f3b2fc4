import { Table, TableBody, TableCell, TableFooter, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { components } from '../api/schema';

export type ChargeLine = components['schemas']['ChargeLine'];

interface Props {
  lines?: ChargeLine[];
  total?: string;
  currency?: string;
}

const COLUMNS = ['component', 'stage', 'billedSeconds', 'rate', 'amount', 'note'] as const;
const NUMERIC = new Set<string>(['stage', 'billedSeconds', 'rate', 'amount']);

/** The priced lines of one call and their total. */
export const ChargeLinesTable = ({ lines = [], total, currency }: Props) => {
  const translate = useTranslate();
  if (!lines.length && total === undefined) {
    return <Typography variant="body2">{translate('app.cdr.no_lines')}</Typography>;
  }
  return (
    <Table size="small" aria-label={translate('app.cdr.lines')} data-testid="charge-lines">
      <TableHead>
        <TableRow>
          {COLUMNS.map((c) => (
            <TableCell key={c} align={NUMERIC.has(c) ? 'right' : 'left'}>
              {translate(`app.lines.${c}`)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {lines.map((line, i) => (
          <TableRow key={i} data-testid="charge-line">
            <TableCell>{line.component}</TableCell>
            <TableCell align="right">{line.stage ?? ''}</TableCell>
            <TableCell align="right">{line.billedSeconds}</TableCell>
            <TableCell align="right">{line.rate ?? ''}</TableCell>
            <TableCell align="right">{line.amount}</TableCell>
            <TableCell>{line.note ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
      {total !== undefined && (
        <TableFooter>
          <TableRow>
            <TableCell colSpan={4}>
              <strong>{translate('app.cdr.total')}</strong>
            </TableCell>
            <TableCell align="right" data-testid="charge-total">
              <strong>
                {total} {currency ?? ''}
              </strong>
            </TableCell>
            <TableCell />
          </TableRow>
        </TableFooter>
      )}
    </Table>
  );
};
