import { Alert, Box, Chip, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { components } from '../api/schema';
import { StatusChip } from '../shared/StatusChip';

export type Job = components['schemas']['Job'];

/** How often a running job is read again. */
export const POLL_MS = 1000;

/** What an import job leaves in `result` (the others leave their own documents). */
interface ImportResult {
  records?: number;
  refusedCount?: number;
  refusedTruncated?: boolean;
  refused?: { line: number; cdrId?: string; reason: string }[];
}

const OUTCOMES = ['RATED', 'REJECTED', 'DUPLICATE', 'REFUSED'];

const STATE_COLORS: Record<string, 'info' | 'success' | 'error' | 'warning'> = {
  RUNNING: 'info',
  SUCCEEDED: 'success',
  FAILED: 'error',
  INTERRUPTED: 'warning',
};

/** A job's state, a progress bar of done / total, the counts by outcome and, for imports, the refused lines. */
export const JobProgress = ({ job }: { job: Job }) => {
  const translate = useTranslate();
  const total = job.total ?? undefined;
  const percent = total ? Math.min(100, (100 * job.done) / total) : undefined;
  const result = (job.result ?? {}) as ImportResult;
  const otherCounts = Object.keys(job.counts ?? {}).filter((k) => !OUTCOMES.includes(k));
  return (
    <Box data-testid="job-progress">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Chip
          size="small"
          color={STATE_COLORS[job.state] ?? 'default'}
          label={translate(`app.job.state.${job.state}`, { _: job.state })}
          data-testid="job-state"
        />
        <Typography variant="body2" data-testid="job-done">
          {total !== undefined
            ? translate('app.job.done_of_total', { done: job.done, total })
            : translate('app.job.done', { done: job.done })}
        </Typography>
      </Stack>
      <LinearProgress
        variant={percent === undefined ? 'indeterminate' : 'determinate'}
        value={percent ?? 0}
        sx={{ height: 8, borderRadius: 1, mb: 2 }}
      />
      <Stack direction="row" spacing={1} sx={{ mb: 2, flexWrap: 'wrap' }} data-testid="job-counts">
        {[...OUTCOMES, ...otherCounts].map((outcome) => (
          <Stack key={outcome} direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
            <StatusChip value={outcome} group="outcome" />
            <Typography variant="body2" data-testid={`count-${outcome}`}>
              {job.counts?.[outcome] ?? 0}
            </Typography>
          </Stack>
        ))}
      </Stack>
      {job.error && <Alert severity="error">{job.error}</Alert>}
      {result.refused && result.refused.length > 0 && (
        <RefusedLines lines={result.refused} count={result.refusedCount ?? result.refused.length} />
      )}
    </Box>
  );
};

const RefusedLines = ({ lines, count }: { lines: NonNullable<ImportResult['refused']>; count: number }) => {
  const translate = useTranslate();
  return (
    <Box>
      <Typography variant="subtitle1" gutterBottom>
        {translate('app.job.refused_lines', { count })}
      </Typography>
      <Table size="small" data-testid="refused-lines">
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.job.line')}</TableCell>
            <TableCell>{translate('app.job.cdr_id')}</TableCell>
            <TableCell>{translate('app.job.reason')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {lines.map((l) => (
            <TableRow key={l.line}>
              <TableCell>{l.line}</TableCell>
              <TableCell>{l.cdrId ?? ''}</TableCell>
              <TableCell>{l.reason}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {count > lines.length && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {translate('app.job.more_refused', { count: count - lines.length })}
        </Typography>
      )}
    </Box>
  );
};
