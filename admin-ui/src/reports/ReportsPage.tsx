import { useEffect, useMemo, useState } from 'react';
import {
  Alert, Box, Button, Card, CardContent, Checkbox, Chip, Dialog, DialogActions, DialogContent, DialogTitle,
  FormControlLabel, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, ToggleButton,
  ToggleButtonGroup, Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { useFormat } from '../shared/format';
import {
  download, reportsApi, type ReportCallPage, type ReportCatalogue, type ReportCatalogueEntry, type ReportChart,
  type ReportQuery, type ReportResult, type SavedReport,
} from './api';
import { cellOf, chartData } from './pivot';
import { ReportChartView } from './ReportChartView';

type Dataset = 'CALLS' | 'LEDGER';
interface Filter { dimension: string; values: string }

/** first and last day of a month some months from now (0: this month), as yyyy-MM-dd */
function monthRange(back: number, months = 1): [string, string] {
  const now = new Date();
  const first = new Date(Date.UTC(now.getFullYear(), now.getMonth() - back - months + 1, 1));
  const last = new Date(Date.UTC(now.getFullYear(), now.getMonth() - back + 1, 0));
  return [first.toISOString().slice(0, 10), last.toISOString().slice(0, 10)];
}

/**
 * The report builder (issue 19): up to three dimensions, measures, filters and a time range; the table with its totals
 * and a chart beside it; a click on a row lists the calls behind it; saved and ready-made reports; CSV and XLSX.
 */
export const ReportsPage = () => {
  const translate = useTranslate();
  const fmt = useFormat();
  const [catalogue, setCatalogue] = useState<ReportCatalogue>();
  const [saved, setSaved] = useState<SavedReport[]>([]);
  const [savedId, setSavedId] = useState<number | ''>('');
  const [dataset, setDataset] = useState<Dataset>('CALLS');
  const [dimensions, setDimensions] = useState<string[]>(['month', '', '']);
  const [measures, setMeasures] = useState<string[]>(['calls', 'amountNet']);
  const [filters, setFilters] = useState<Filter[]>([]);
  const [[from, to], setRange] = useState<[string, string]>(monthRange(0, 3));
  const [chart, setChart] = useState<ReportChart>('BAR');
  const [top, setTop] = useState<{ sort?: string; limit?: number }>({});
  const [result, setResult] = useState<ReportResult>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [drill, setDrill] = useState<{ cell: Record<string, string>; page: number; calls?: ReportCallPage }>();
  const [saving, setSaving] = useState<{ name: string; shared: boolean; mailTo: string }>();

  const loadSaved = () => reportsApi.saved().then((o) => o.data && setSaved(o.data));
  useEffect(() => {
    reportsApi.catalogue().then((o) => (o.problem ? setProblem(o.problem.detail ?? o.problem.title) : setCatalogue(o.data)));
    loadSaved();
  }, []);

  const inDataset = (e: ReportCatalogueEntry) => e.datasets.includes(dataset);
  const dims = useMemo(() => (catalogue?.dimensions ?? []).filter(inDataset), [catalogue, dataset]);
  const meas = useMemo(() => (catalogue?.measures ?? []).filter(inDataset), [catalogue, dataset]);
  const label = (key: string) =>
    [...(catalogue?.dimensions ?? []), ...(catalogue?.measures ?? [])].find((e) => e.key === key)?.label ?? key;

  const query = (): ReportQuery => ({
    dataset,
    dimensions: dimensions.filter(Boolean),
    measures,
    filters: filters
      .filter((f) => f.dimension && f.values.trim())
      .map((f) => ({ dimension: f.dimension, values: f.values.split(',').map((v) => v.trim()).filter(Boolean) })),
    from,
    to,
    ...top,
  });

  const run = async (q: ReportQuery = query()) => {
    setBusy(true);
    setProblem(undefined);
    const o = await reportsApi.run(q);
    setBusy(false);
    if (o.problem) {
      setResult(undefined);
      setProblem(problemText(o.problem));
    } else {
      setResult(o.data);
      setRange([o.data.from, o.data.to]); // a saved report's relative period, as it was resolved
    }
  };

  const open = (report: SavedReport) => {
    const q = report.query;
    setDataset((q.dataset ?? 'CALLS') as Dataset);
    const d = [...(q.dimensions ?? [])];
    setDimensions([d[0] ?? '', d[1] ?? '', d[2] ?? '']);
    setMeasures(q.measures ?? []);
    setFilters((q.filters ?? []).map((f) => ({ dimension: f.dimension, values: f.values.join(', ') })));
    if (q.from && q.to) setRange([q.from, q.to]);
    setChart(report.chart);
    setTop({ sort: q.sort, limit: q.limit });
    run(q);
  };

  const openDrill = async (cell: Record<string, string>, page = 0) => {
    setDrill({ cell, page });
    const o = await reportsApi.calls(query(), cell, page);
    if (o.problem) setProblem(problemText(o.problem));
    else setDrill({ cell, page, calls: o.data });
  };

  const exportAs = async (format: 'csv' | 'xlsx') => {
    const o = await reportsApi.export(query(), format);
    if (o.problem) setProblem(problemText(o.problem));
    else download(o.data, `report-${from}-${to}.${format}`);
  };

  const save = async () => {
    if (!saving) return;
    const change = { name: saving.name, shared: saving.shared, mailTo: saving.mailTo || undefined, chart, query: query() };
    const current = saved.find((r) => r.id === savedId);
    const o = current && !current.shipped ? await reportsApi.update(current.id, change) : await reportsApi.save(change);
    if (o.problem) {
      setProblem(problemText(o.problem));
      return;
    }
    setSaving(undefined);
    setSavedId(o.data.id);
    loadSaved();
  };

  const formatValue = (v: unknown, unit?: string) => {
    if (v === null || v === undefined) return '—';
    if (unit === 'MONEY') return fmt.money(v as number);
    if (unit === 'COUNT') return fmt.decimal(v as number, 0);
    return fmt.decimal(v as number, unit === 'PERCENT' || unit === 'MINUTES' ? 2 : 1);
  };
  const firstMeasure = result?.columns.find((c) => c.kind === 'MEASURE');
  const data = result ? chartData(result) : undefined;

  return (
    <Card sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h5" gutterBottom>{translate('app.reports.title')}</Typography>
        <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
          <TextField select size="small" label={translate('app.reports.saved')} value={savedId} sx={{ minWidth: 320 }}
            onChange={(e) => {
              const id = Number(e.target.value);
              setSavedId(id);
              const r = saved.find((s) => s.id === id);
              if (r) open(r);
            }} slotProps={{ htmlInput: { 'data-testid': 'report-saved' } }}>
            {saved.map((r) => (
              <MenuItem key={r.id} value={r.id}>
                {r.name}{r.shipped ? ` · ${translate('app.reports.shipped')}` : r.shared ? ` · ${translate('app.reports.shared')}` : ''}
              </MenuItem>
            ))}
          </TextField>
          <TextField select size="small" label={translate('app.reports.dataset')} value={dataset}
            onChange={(e) => { setDataset(e.target.value as Dataset); setResult(undefined); }}>
            <MenuItem value="CALLS">{translate('app.reports.datasets.CALLS')}</MenuItem>
            <MenuItem value="LEDGER">{translate('app.reports.datasets.LEDGER')}</MenuItem>
          </TextField>
        </Stack>
        <Stack direction="row" spacing={2} sx={{ mb: 2, flexWrap: 'wrap' }} useFlexGap>
          {[0, 1, 2].map((i) => (
            <TextField key={i} select size="small" sx={{ minWidth: 200 }} value={dimensions[i]}
              label={translate('app.reports.dimension', { n: i + 1 })}
              slotProps={{ htmlInput: { 'data-testid': `report-dimension-${i}` } }}
              onChange={(e) => { setTop({}); setDimensions(dimensions.map((d, k) => (k === i ? e.target.value : d))); }}>
              <MenuItem value="">—</MenuItem>
              {dims.map((d) => <MenuItem key={d.key} value={d.key}>{d.label}</MenuItem>)}
            </TextField>
          ))}
          <TextField type="date" size="small" label={translate('app.reports.from')} value={from}
            onChange={(e) => setRange([e.target.value, to])} slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'report-from' } }} />
          <TextField type="date" size="small" label={translate('app.reports.to')} value={to}
            onChange={(e) => setRange([from, e.target.value])} slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'report-to' } }} />
          <Button size="small" onClick={() => setRange(monthRange(1))}>{translate('app.reports.lastMonth')}</Button>
          <Button size="small" onClick={() => setRange(monthRange(0, 12))}>{translate('app.reports.last12')}</Button>
        </Stack>
        <Box sx={{ mb: 2 }}>
          <Typography variant="subtitle2">{translate('app.reports.measures')}</Typography>
          {meas.map((m) => (
            <FormControlLabel key={m.key} label={m.label} control={
              <Checkbox size="small" checked={measures.includes(m.key)} slotProps={{ input: { 'aria-label': m.key } }}
                onChange={(e) => { setTop({}); setMeasures(e.target.checked ? [...measures, m.key] : measures.filter((k) => k !== m.key)); }} />
            } />
          ))}
        </Box>
        <Box sx={{ mb: 2 }}>
          <Typography variant="subtitle2">{translate('app.reports.filters')}</Typography>
          {filters.map((f, i) => (
            <Stack key={i} direction="row" spacing={1} sx={{ mb: 1 }}>
              <TextField select size="small" sx={{ minWidth: 200 }} value={f.dimension} label={translate('app.reports.filterBy')}
                onChange={(e) => setFilters(filters.map((x, k) => (k === i ? { ...x, dimension: e.target.value } : x)))}>
                {dims.map((d) => <MenuItem key={d.key} value={d.key}>{d.label}</MenuItem>)}
              </TextField>
              <TextField size="small" sx={{ minWidth: 280 }} value={f.values} label={translate('app.reports.values')}
                slotProps={{ htmlInput: { 'data-testid': `report-filter-values-${i}` } }}
                onChange={(e) => setFilters(filters.map((x, k) => (k === i ? { ...x, values: e.target.value } : x)))} />
              <Button size="small" onClick={() => setFilters(filters.filter((_, k) => k !== i))}>×</Button>
            </Stack>
          ))}
          <Button size="small" onClick={() => setFilters([...filters, { dimension: 'account', values: '' }])}
            data-testid="report-add-filter">{translate('app.reports.addFilter')}</Button>
        </Box>
        <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
          <Button variant="contained" disabled={busy || measures.length === 0} onClick={() => run()} data-testid="report-run">
            {translate('app.reports.run')}
          </Button>
          <ToggleButtonGroup size="small" exclusive value={chart} onChange={(_, v) => v && setChart(v)}>
            {(['BAR', 'LINE', 'STACKED', 'TABLE'] as ReportChart[]).map((k) => (
              <ToggleButton key={k} value={k}>{translate(`app.reports.charts.${k}`)}</ToggleButton>
            ))}
          </ToggleButtonGroup>
          <Button disabled={!result} onClick={() => exportAs('csv')} data-testid="report-export-csv">CSV</Button>
          <Button disabled={!result} onClick={() => exportAs('xlsx')} data-testid="report-export-xlsx">XLSX</Button>
          <Button disabled={!result} data-testid="report-save"
            onClick={() => setSaving({ name: saved.find((r) => r.id === savedId && !r.shipped)?.name ?? '', shared: false, mailTo: '' })}>
            {translate('app.reports.save')}
          </Button>
        </Stack>
        {problem && <Alert severity="error" sx={{ mb: 2 }} data-testid="report-problem">{problem}</Alert>}
        {result && (
          <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2}>
            <Box sx={{ flex: 1, overflowX: 'auto' }}>
              <Table size="small" data-testid="report-table">
                <TableHead>
                  <TableRow>
                    {result.columns.map((c) => (
                      <TableCell key={c.key} align={c.kind === 'MEASURE' ? 'right' : 'left'}>{c.label}</TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {result.rows.map((row, i) => (
                    <TableRow key={i} hover sx={{ cursor: dataset === 'CALLS' ? 'pointer' : undefined }} data-testid="report-row"
                      onClick={() => dataset === 'CALLS' && openDrill(cellOf(result, row))}>
                      {row.dimensions.map((d, k) => <TableCell key={k}>{d === '' ? '—' : d}</TableCell>)}
                      {row.measures.map((m, k) => (
                        <TableCell key={k} align="right">
                          {formatValue(m, result.columns.filter((c) => c.kind === 'MEASURE')[k]?.unit)}
                        </TableCell>
                      ))}
                    </TableRow>
                  ))}
                  <TableRow data-testid="report-totals">
                    {result.columns.filter((c) => c.kind === 'DIMENSION').map((c, k) => (
                      <TableCell key={c.key}><b>{k === 0 ? translate('app.reports.total') : ''}</b></TableCell>
                    ))}
                    {result.totals.map((t, k) => (
                      <TableCell key={k} align="right">
                        <b>{formatValue(t, result.columns.filter((c) => c.kind === 'MEASURE')[k]?.unit)}</b>
                      </TableCell>
                    ))}
                  </TableRow>
                </TableBody>
              </Table>
              <Typography variant="caption">
                {translate('app.reports.generated', { at: new Date(result.generatedAt).toLocaleString(fmt.locale) })}
              </Typography>
            </Box>
            {data && chart !== 'TABLE' && (
              <Box sx={{ flex: 1, minWidth: 320 }}>
                <ReportChartView data={data} kind={chart} format={(v) => formatValue(v, firstMeasure?.unit)} />
              </Box>
            )}
          </Stack>
        )}
        <Dialog open={!!drill} onClose={() => setDrill(undefined)} maxWidth="lg" fullWidth>
          <DialogTitle>
            {translate('app.reports.callsBehind')}{' '}
            {drill && Object.entries(drill.cell).map(([k, v]) => <Chip key={k} size="small" sx={{ mr: 1 }} label={`${label(k)}: ${v || '—'}`} />)}
          </DialogTitle>
          <DialogContent>
            <Typography variant="body2" data-testid="report-calls-total">
              {translate('app.reports.callsTotal', { n: drill?.calls?.total ?? '…' })}
            </Typography>
            <Table size="small" data-testid="report-calls">
              <TableHead>
                <TableRow>
                  {['startTime', 'source', 'cdrId', 'callType', 'caller', 'called', 'durationSec', 'account', 'status', 'total'].map((k) => (
                    <TableCell key={k}>{translate(`app.reports.call.${k}`)}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {(drill?.calls?.items ?? []).map((c) => (
                  <TableRow key={`${c.source}/${c.cdrId}`}>
                    <TableCell>{new Date(c.startTime).toLocaleString(fmt.locale)}</TableCell>
                    <TableCell>{c.source}</TableCell>
                    <TableCell>{c.cdrId}</TableCell>
                    <TableCell>{c.callType}</TableCell>
                    <TableCell>{c.caller}</TableCell>
                    <TableCell>{c.called}</TableCell>
                    <TableCell align="right">{c.durationSec}</TableCell>
                    <TableCell>{c.account}</TableCell>
                    <TableCell>{c.status}{c.reason ? ` (${c.reason})` : ''}</TableCell>
                    <TableCell align="right">{c.total ? fmt.money(c.total) : '—'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </DialogContent>
          <DialogActions>
            <Button disabled={!drill || drill.page === 0} onClick={() => drill && openDrill(drill.cell, drill.page - 1)}>
              {translate('app.reports.previous')}
            </Button>
            <Button disabled={!drill?.calls || (drill.page + 1) * 20 >= drill.calls.total}
              onClick={() => drill && openDrill(drill.cell, drill.page + 1)}>
              {translate('app.reports.next')}
            </Button>
            <Button onClick={() => setDrill(undefined)}>{translate('ra.action.close')}</Button>
          </DialogActions>
        </Dialog>
        <Dialog open={!!saving} onClose={() => setSaving(undefined)}>
          <DialogTitle>{translate('app.reports.save')}</DialogTitle>
          <DialogContent>
            <TextField fullWidth margin="dense" label={translate('app.reports.name')} value={saving?.name ?? ''}
              slotProps={{ htmlInput: { 'data-testid': 'report-save-name' } }}
              onChange={(e) => saving && setSaving({ ...saving, name: e.target.value })} />
            {catalogue?.canShare && (
              <>
                <FormControlLabel label={translate('app.reports.shareIt')} control={
                  <Checkbox checked={saving?.shared ?? false} onChange={(e) => saving && setSaving({ ...saving, shared: e.target.checked })} />
                } />
                <TextField fullWidth margin="dense" label={translate('app.reports.mailTo')} value={saving?.mailTo ?? ''}
                  helperText={translate('app.reports.mailToHelp')}
                  onChange={(e) => saving && setSaving({ ...saving, mailTo: e.target.value })} />
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setSaving(undefined)}>{translate('ra.action.cancel')}</Button>
            <Button variant="contained" disabled={!saving?.name.trim()} onClick={save} data-testid="report-save-confirm">
              {translate('ra.action.save')}
            </Button>
          </DialogActions>
        </Dialog>
      </CardContent>
    </Card>
  );
};

function problemText(p: { title?: string; detail?: string; errors?: { field?: string; message?: string }[] }): string {
  const fields = (p.errors ?? []).map((e) => `${e.field}: ${e.message}`).join('; ');
  return fields || p.detail || p.title || '';
}
