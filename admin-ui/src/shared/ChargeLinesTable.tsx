import { Table, TableBody, TableCell, TableFooter, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { components } from '../api/schema';
import { codeLabel } from './codes';
import { useFormat } from './format';

export type ChargeLine = components['schemas']['ChargeLine'];
export type Participant = components['schemas']['Participant'];

interface Props {
  lines?: ChargeLine[];
  total?: string;
  /** always roubles; kept for callers that pass the record's currency */
  currency?: string;
  /** the record's conference participants, to name the participant a line prices */
  participants?: Participant[];
}

const NUMERIC = new Set<string>(['stage', 'billedSeconds', 'rate', 'amount']);

/**
 * The priced lines of one call and their total. Components show by name (the code stays in the row's
 * `data-component`); the participant column appears only when a line prices a conference participant.
 */
export const ChargeLinesTable = ({ lines = [], total, participants }: Props) => {
  const translate = useTranslate();
  const fmt = useFormat();
  if (!lines.length && total === undefined) {
    return <Typography variant="body2">{translate('app.cdr.no_lines')}</Typography>;
  }
  const withParticipant = lines.some((l) => l.participant !== undefined && l.participant !== null);
  const columns = withParticipant
    ? ['component', 'stage', 'participant', 'billedSeconds', 'rate', 'amount', 'note']
    : ['component', 'stage', 'billedSeconds', 'rate', 'amount', 'note'];
  const participantText = (index?: number) => {
    if (index === undefined || index === null) return '';
    const number = participants?.[index]?.number;
    return number ? `${index + 1}. ${number}` : `${index + 1}`;
  };
  return (
    <Table size="small" aria-label={translate('app.cdr.lines')} data-testid="charge-lines">
      <TableHead>
        <TableRow>
          {columns.map((c) => (
            <TableCell key={c} align={NUMERIC.has(c) ? 'right' : 'left'}>
              {translate(`app.lines.${c}`)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {lines.map((line, i) => (
          <TableRow key={i} data-testid="charge-line" data-component={line.component}>
            <TableCell>{codeLabel(translate, 'component', line.component)}</TableCell>
            {/* stages count from 1 for people; the API's index is 0-based */}
            <TableCell align="right">{line.stage === undefined || line.stage === null ? '' : line.stage + 1}</TableCell>
            {withParticipant && <TableCell data-testid="line-participant">{participantText(line.participant)}</TableCell>}
            <TableCell align="right">{line.billedSeconds}</TableCell>
            <TableCell align="right">{fmt.decimal(line.rate)}</TableCell>
            <TableCell align="right">{fmt.money(line.amount)}</TableCell>
            {/* the note is the tariff's own text (written by its rules), shown as the tariff says it */}
            <TableCell data-note>{line.note ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
      {total !== undefined && (
        <TableFooter>
          <TableRow>
            <TableCell colSpan={columns.length - 2}>
              <strong>{translate('app.cdr.total')}</strong>
            </TableCell>
            <TableCell align="right" data-testid="charge-total">
              <strong>{fmt.money(total)}</strong>
            </TableCell>
            <TableCell />
          </TableRow>
        </TableFooter>
      )}
    </Table>
  );
};
