import {
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  LinearProgress,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Title, useTranslate } from 'react-admin';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { ModelDiff, RuleChange, TableRowChange } from './api';
import { TariffChip } from './chips';
import { lineDiff } from './lineDiff';
import { tariffPaths } from './paths';
import { ErrorAlert } from './problems';
import { useTariffDiff, useTariffVersions } from './queries';

/** What changed in a version against another one (default: the version it was based on). */
export const TariffDiffPage = () => {
  const params = useParams();
  const code = params.code ?? '';
  const version = Number(params.version);
  const [search, setSearch] = useSearchParams();
  const against = Number(search.get('against')) || undefined;
  const translate = useTranslate();
  const versions = useTariffVersions(code);
  const { data, error, isPending } = useTariffDiff(code, version, against);
  const others = (versions.data ?? []).filter((v) => v.version !== version);
  const changed = (data?.models ?? []).filter((m) => m.change !== 'UNCHANGED');
  const unchanged = (data?.models ?? []).filter((m) => m.change === 'UNCHANGED');

  return (
    <Box sx={{ mt: 2, width: 0, minWidth: '100%' }}>
      <Title title={translate('app.tariff.diff.title', { code, version })} />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap', rowGap: 1 }}>
        <Button component={Link} to={tariffPaths.version(code, version)} startIcon={<ArrowBackIcon />}>
          {translate('app.tariff.back_to_version', { version })}
        </Button>
        <TextField
          select
          size="small"
          sx={{ minWidth: 260 }}
          label={translate('app.tariff.diff.against')}
          value={against ?? data?.from ?? ''}
          onChange={(e) => setSearch(e.target.value ? { against: String(e.target.value) } : {})}
          slotProps={{ htmlInput: { 'data-testid': 'diff-against' } }}
        >
          {others.map((v) => (
            <MenuItem key={v.version} value={v.version}>
              {translate('app.tariff.diff.version_option', { version: v.version, state: translate(`app.tariff.state.${v.state}`) })}
            </MenuItem>
          ))}
        </TextField>
        {data && (
          <Typography variant="h6" data-testid="diff-heading">
            {translate('app.tariff.diff.heading', { code: data.tariff, from: data.from, to: data.to })}
          </Typography>
        )}
      </Stack>
      {isPending && <LinearProgress />}
      {error && <ErrorAlert error={error} />}
      {data && !changed.length && (
        <Typography variant="body1" data-testid="diff-empty">
          {translate('app.tariff.diff.no_changes')}
        </Typography>
      )}
      {changed.map((m) => (
        <ModelDiffCard key={m.model} diff={m} />
      ))}
      {unchanged.length > 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
          {translate('app.tariff.diff.unchanged_models', { models: unchanged.map((m) => m.model).join(', ') })}
        </Typography>
      )}
    </Box>
  );
};

const ModelDiffCard = ({ diff }: { diff: ModelDiff }) => {
  const translate = useTranslate();
  const rows = diff.rows ?? [];
  const rules = diff.rules ?? [];
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid="model-diff" data-model={diff.model}>
      <CardHeader
        title={
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <span>{diff.model}</span>
            <TariffChip kind="change" value={diff.change} />
          </Stack>
        }
        slotProps={{ title: { variant: 'subtitle1' } }}
      />
      <CardContent sx={{ pt: 0 }}>
        {rows.length > 0 && <RowChanges rows={rows} />}
        {rules.map((r, i) => (
          <RuleDiff key={i} change={r} />
        ))}
        {!rows.length && !rules.length && (
          <Typography variant="body2" color="text.secondary">
            {translate(diff.change === 'ADDED' || diff.change === 'REMOVED' ? 'app.tariff.diff.whole_model' : 'app.tariff.diff.no_details')}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
};

const Values = ({ values, kind }: { values?: string[]; kind: 'before' | 'after' }) => {
  if (!values?.length) return <>—</>;
  return (
    <Box
      component="span"
      sx={{
        fontFamily: 'monospace',
        color: kind === 'before' ? 'error.main' : 'success.dark',
        textDecoration: kind === 'before' ? 'line-through' : undefined,
      }}
    >
      {values.join(' | ')}
    </Box>
  );
};

const RowChanges = ({ rows }: { rows: TableRowChange[] }) => {
  const translate = useTranslate();
  return (
    <Table size="small" data-testid="row-changes" sx={{ mb: 2 }}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.tariff.diff.change')}</TableCell>
          <TableCell>{translate('app.tariff.diff.decision')}</TableCell>
          <TableCell>{translate('app.tariff.diff.inputs')}</TableCell>
          <TableCell>{translate('app.tariff.diff.before_after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r, i) => (
          <TableRow key={i} data-testid="row-change" data-change={r.change}>
            <TableCell>
              <TariffChip kind="change" value={r.change} />
            </TableCell>
            <TableCell>{r.decision ?? ''}</TableCell>
            <TableCell sx={{ fontFamily: 'monospace' }}>{(r.inputs ?? []).join(' | ')}</TableCell>
            <TableCell>
              {r.change !== 'ADDED' && <Values values={r.before} kind="before" />}
              {r.change === 'CHANGED' && ' → '}
              {r.change !== 'REMOVED' && <Values values={r.after} kind="after" />}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const LINE_STYLE = {
  same: { prefix: ' ', bg: 'transparent' },
  added: { prefix: '+', bg: 'rgba(46, 125, 50, 0.15)' },
  removed: { prefix: '-', bg: 'rgba(211, 47, 47, 0.15)' },
};

const RuleDiff = ({ change }: { change: RuleChange }) => (
  <Box sx={{ mb: 2 }} data-testid="rule-change" data-change={change.change}>
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
      <TariffChip kind="change" value={change.change} />
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {change.rule}
      </Typography>
    </Stack>
    <Box
      component="pre"
      sx={{ m: 0, p: 1, border: 1, borderColor: 'divider', borderRadius: 1, fontSize: 12, overflowX: 'auto' }}
    >
      {lineDiff(change.before, change.after).map((line, i) => (
        <Box key={i} component="div" sx={{ backgroundColor: LINE_STYLE[line.kind].bg }} data-kind={line.kind}>
          {LINE_STYLE[line.kind].prefix} {line.text}
        </Box>
      ))}
    </Box>
  </Box>
);
