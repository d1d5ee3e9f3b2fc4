import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Chip,
  FormControlLabel,
  Grid,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { Title, useNotify, useTranslate } from 'react-admin';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Problem } from '../api/problem';
import { ProblemAlert } from '../shared/ProblemAlert';
import { useAbilities } from '../shared/abilities';
import { useFormat } from '../shared/format';
import {
  NETWORK_KEYS,
  SERVICE_GROUPS,
  SITES,
  cellKey,
  emptyProfile,
  toProfile,
  type ProfileForm,
  discounted,
  salesApi,
  toAdjustments,
  toForm,
  type BuilderForm,
  type ClientTariff,
  type PriceCell,
  type Quote,
} from './api';

const StateChip = ({ state }: { state: ClientTariff['state'] }) => {
  const translate = useTranslate();
  const color = state === 'APPROVED' || state === 'PUBLISHED' ? 'success' : state === 'SUBMITTED' ? 'info'
    : state === 'RETURNED' ? 'warning' : 'default';
  return <Chip size="small" color={color} label={translate(`app.sales.state.${state}`)} data-testid="sales-state" />;
};

/**
 * The client tariffs built by sales: code, account, base version and whether the base has a newer one (rebase);
 * sales start a new one here. `inbox`: the tariff managers' approval inbox (the submitted ones).
 */
export const SalesTariffListPage = ({ inbox = false }: { inbox?: boolean }) => {
  const translate = useTranslate();
  const { can } = useAbilities();
  const navigate = useNavigate();
  const [tariffs, setTariffs] = useState<ClientTariff[]>([]);
  const [problem, setProblem] = useState<Problem>();
  const [form, setForm] = useState({ code: '', name: '', account: '' });

  useEffect(() => {
    salesApi.list().then((o) => (o.problem ? setProblem(o.problem) : setTariffs(o.data)));
  }, []);

  const shown = inbox ? tariffs.filter((t) => t.state === 'SUBMITTED') : tariffs;

  const create = async () => {
    const o = await salesApi.create({ code: form.code.trim(), name: form.name.trim(), baseTariff: 'CC-STANDARD-2026',
      ...(form.account.trim() ? { account: form.account.trim() } : {}) });
    if (o.problem) setProblem(o.problem);
    else navigate(`/sales/${encodeURIComponent(o.data.code)}`);
  };

  return (
    <Card>
      <Title title={translate(inbox ? 'app.sales.inbox' : 'app.sales.title')} />
      <CardContent>
        {problem && <ProblemAlert problem={problem} fallbackTitle={translate('app.sales.failed')} />}
        {!inbox && can('sales.build') && (
          <Stack direction="row" spacing={1} sx={{ mb: 2, alignItems: "center" }}>
            <TextField size="small" label={translate('app.sales.code')} value={form.code}
              onChange={(e) => setForm({ ...form, code: e.target.value.toUpperCase() })} slotProps={{ htmlInput: { 'data-testid': 'new-code' } }} />
            <TextField size="small" label={translate('app.sales.name')} value={form.name}
              onChange={(e) => setForm({ ...form, name: e.target.value })} slotProps={{ htmlInput: { 'data-testid': 'new-name' } }} />
            <TextField size="small" label={translate('app.sales.account')} value={form.account}
              onChange={(e) => setForm({ ...form, account: e.target.value })} slotProps={{ htmlInput: { 'data-testid': 'new-account' } }} />
            <Button variant="contained" onClick={create} disabled={!form.code || !form.name} data-testid="create-client-tariff">
              {translate('app.sales.create')}
            </Button>
          </Stack>
        )}
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.sales.code')}</TableCell>
              <TableCell>{translate('app.sales.name')}</TableCell>
              <TableCell>{translate('app.sales.account')}</TableCell>
              <TableCell>{translate('app.sales.base')}</TableCell>
              <TableCell>{translate('app.sales.state_label')}</TableCell>
              <TableCell>{translate('app.sales.rebase_label')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((t) => (
              <TableRow key={t.code} hover>
                <TableCell><Link to={`/sales/${encodeURIComponent(t.code)}`}>{t.code}</Link></TableCell>
                <TableCell>{t.name}</TableCell>
                <TableCell>{t.account ?? ''}</TableCell>
                <TableCell>{`${t.baseTariff} v${t.baseVersion}`}</TableCell>
                <TableCell><StateChip state={t.state} /></TableCell>
                <TableCell>{t.needsRebase ? <Chip size="small" color="warning" label={translate('app.sales.needs_rebase')} /> : ''}</TableCell>
              </TableRow>
            ))}
            {shown.length === 0 && (
              <TableRow><TableCell colSpan={6}>{translate('app.sales.none')}</TableCell></TableRow>
            )}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
};

/** a bar per line group: the standard tariff's amount beside the client's (SVG, no chart library) */
export const QuoteChart = ({ quote }: { quote: Quote }) => {
  const translate = useTranslate();
  const groups = new Map<string, [number, number]>();
  quote.lines.forEach((l) => {
    const g = groups.get(l.group) ?? [0, 0];
    groups.set(l.group, [g[0] + Number(l.standard), g[1] + Number(l.client)]);
  });
  const rows = [...groups.entries()].filter(([, v]) => v[0] !== 0 || v[1] !== 0);
  const max = Math.max(1, ...rows.flatMap(([, v]) => v.map(Math.abs)));
  const width = 360;
  return (
    <svg width={width + 200} height={rows.length * 34 + 30} role="img" aria-label={translate('app.sales.chart')} data-testid="quote-chart">
      {rows.map(([group, [standard, client]], i) => (
        <g key={group} transform={`translate(0, ${i * 34})`}>
          <text x={0} y={14} fontSize={11}>{translate(`app.sales.group.${group}`, { _: group })}</text>
          <rect x={180} y={2} height={12} width={(Math.abs(standard) / max) * width} fill="#9e9e9e" />
          <rect x={180} y={16} height={12} width={(Math.abs(client) / max) * width} fill="#1976d2" />
        </g>
      ))}
      <g transform={`translate(180, ${rows.length * 34 + 10})`}>
        <rect width={10} height={10} fill="#9e9e9e" /><text x={14} y={9} fontSize={11}>{translate('app.sales.standard')}</text>
        <rect x={150} width={10} height={10} fill="#1976d2" /><text x={164} y={9} fontSize={11}>{translate('app.sales.client')}</text>
      </g>
    </svg>
  );
};

/**
 * One client tariff: the builder (the base's prices beside the client's, a discount per group, overrides, the
 * minimum payment), the quote with its chart and the offer, and the workflow's buttons for who may press them.
 */
export const SalesTariffPage = () => {
  const { code = '' } = useParams();
  const translate = useTranslate();
  const notify = useNotify();
  const { can } = useAbilities();
  const { money, decimal } = useFormat();
  const [tariff, setTariff] = useState<ClientTariff>();
  const [form, setForm] = useState<BuilderForm>({ discounts: {}, overrides: {}, minimum: '' });
  const [problem, setProblem] = useState<Problem>();
  const [quote, setQuote] = useState<Quote>();
  const [quoteInput, setQuoteInput] = useState({ account: '', months: '' });
  const [byProfile, setByProfile] = useState(false);
  const [profile, setProfile] = useState<ProfileForm>(emptyProfile());
  const [floors, setFloors] = useState<Record<string, string>>({});
  const [ack, setAck] = useState(false);
  const [comment, setComment] = useState('');
  const [publication, setPublication] = useState({ account: '', from: '' });

  const show = useCallback((t: ClientTariff) => {
    setTariff(t);
    setForm(toForm(t));
    setQuoteInput((q) => ({ account: q.account || t.account || '', months: q.months }));
    setPublication((p) => ({ account: p.account || t.account || '', from: p.from }));
  }, []);

  useEffect(() => {
    salesApi.get(code).then((o) => (o.problem ? setProblem(o.problem) : show(o.data)));
  }, [code, show]);

  const run = async (call: Promise<{ data?: ClientTariff; problem?: Problem }>, done: string) => {
    const o = await call;
    if (o.problem) {
      setProblem(o.problem);
      return;
    }
    setProblem(undefined);
    show(o.data as ClientTariff);
    notify(translate(done), { type: 'success' });
  };

  const quoteRequest = () => (byProfile ? { profile: toProfile(profile) } : {
    account: quoteInput.account.trim(),
    months: quoteInput.months.split(/[\s,;]+/).filter(Boolean),
  });

  const setFloor = async (c: PriceCell) => {
    const text = (floors[cellKey(c)] ?? '').trim().replace(',', '.');
    const o = await salesApi.setFloor({ tariff: tariff?.baseTariff ?? '', model: c.model, rule: c.rule,
      ...(text ? { floor: text } : {}) });
    if (o.problem) {
      setProblem(o.problem);
      return;
    }
    const again = await salesApi.get(code);
    if (again.data) show(again.data);
    notify(translate('app.sales.floor_set'), { type: 'success' });
  };

  const runQuote = async () => {
    const o = await salesApi.quote(code, quoteRequest());
    if (o.problem) setProblem(o.problem);
    else {
      setProblem(undefined);
      setQuote(o.data);
    }
  };

  const downloadOffer = async () => {
    const body = byProfile || quoteInput.account.trim() ? quoteRequest() : {};
    const o = await salesApi.offer(code, body);
    if (o.problem) {
      setProblem(o.problem);
      return;
    }
    const url = URL.createObjectURL(o.data);
    const a = document.createElement('a');
    a.href = url;
    a.download = `offer-${code}.pdf`;
    a.click();
    URL.revokeObjectURL(url);
  };

  const editable = tariff && (tariff.state === 'DRAFT' || tariff.state === 'RETURNED') && can('sales.build');
  const byGroup = useMemo(() => {
    const out = new Map<string, PriceCell[]>();
    (tariff?.cells ?? []).forEach((c) => {
      const g = c.group ?? 'OTHER';
      out.set(g, [...(out.get(g) ?? []), c]);
    });
    // the service groups in their order, the services without a group discount last
    const rank = (g: string) => (SERVICE_GROUPS.indexOf(g as never) + 100) % 100;
    return new Map([...out.entries()].sort(([a], [b]) => rank(a === 'OTHER' ? 'z' : a) - rank(b === 'OTHER' ? 'z' : b)));
  }, [tariff]);

  if (!tariff) {
    return problem ? <ProblemAlert problem={problem} fallbackTitle={translate('app.sales.failed')} /> : null;
  }

  const preview = (c: PriceCell) => {
    const override = form.overrides[cellKey(c)];
    if (override && override.trim()) return override;
    return c.group ? discounted(c.basePrice, form.discounts[c.group]) : c.basePrice;
  };

  return (
    <Card>
      <Title title={`${translate('app.sales.title')}: ${tariff.code}`} />
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: "center" }}>
          <Typography variant="h6">{tariff.name}</Typography>
          <StateChip state={tariff.state} />
          <Typography variant="body2">
            {translate('app.sales.based_on', { base: tariff.baseTariff, version: tariff.baseVersion })}
          </Typography>
          {tariff.needsRebase && <Chip color="warning" size="small" label={translate('app.sales.needs_rebase')} />}
          {tariff.account && <Typography variant="body2">{translate('app.sales.account')}: {tariff.account}</Typography>}
        </Stack>
        {tariff.comment && <Alert severity={tariff.state === 'RETURNED' ? 'warning' : 'info'} sx={{ mb: 2 }}>{tariff.comment}</Alert>}
        {problem && <ProblemAlert problem={problem} fallbackTitle={translate('app.sales.failed')} />}

        <Typography variant="subtitle1" sx={{ mt: 2 }}>{translate('app.sales.discounts')}</Typography>
        <Grid container spacing={1} sx={{ mb: 2 }}>
          {SERVICE_GROUPS.map((g) => (
            <Grid key={g} size={{ xs: 6, md: 3 }}>
              <TextField size="small" fullWidth disabled={!editable} label={`${translate(`app.sales.group.${g}`)}, %`}
                value={form.discounts[g] ?? ''} slotProps={{ htmlInput: { 'data-testid': `discount-${g}`, inputMode: 'decimal' } }}
                onChange={(e) => setForm({ ...form, discounts: { ...form.discounts, [g]: e.target.value } })} />
            </Grid>
          ))}
          <Grid size={{ xs: 6, md: 3 }}>
            <TextField size="small" fullWidth disabled={!editable} label={translate('app.sales.minimum')}
              value={form.minimum} slotProps={{ htmlInput: { 'data-testid': 'minimum', inputMode: 'decimal' } }}
              onChange={(e) => setForm({ ...form, minimum: e.target.value })} />
          </Grid>
        </Grid>

        <Table size="small" data-testid="price-cells">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.sales.cell')}</TableCell>
              <TableCell align="right">{translate('app.sales.base_price')}</TableCell>
              <TableCell align="right">{translate('app.sales.client_price')}</TableCell>
              <TableCell>{translate('app.sales.override')}</TableCell>
              <TableCell align="right">{translate('app.sales.floor')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {[...byGroup.entries()].map(([group, cells]) => [
              <TableRow key={group}>
                <TableCell colSpan={5}><b>{translate(`app.sales.group.${group}`, { _: cells[0]?.decision ?? group })}</b></TableCell>
              </TableRow>,
              ...cells.map((c) => (
                <TableRow key={cellKey(c)} data-testid={`cell-${c.rule}`} sx={c.belowFloor ? { bgcolor: '#fff3e0' } : undefined}>
                  <TableCell>{c.description ?? c.inputs.join(', ')} <code style={{ opacity: 0.6 }}>{c.rule}</code></TableCell>
                  <TableCell align="right">{decimal(c.basePrice)}</TableCell>
                  <TableCell align="right" data-testid={`client-price-${c.rule}`}>{decimal(editable ? preview(c) : c.price)}</TableCell>
                  <TableCell>
                    <TextField size="small" disabled={!editable} value={form.overrides[cellKey(c)] ?? ''}
                      slotProps={{ htmlInput: { 'data-testid': `override-${c.rule}`, inputMode: 'decimal', style: { width: 90 } } }}
                      onChange={(e) => setForm({ ...form, overrides: { ...form.overrides, [cellKey(c)]: e.target.value } })} />
                  </TableCell>
                  <TableCell align="right">
                    {c.floor ? decimal(c.floor) : ''}
                    {c.belowFloor && <Chip size="small" color="warning" label={translate('app.sales.below_floor')} sx={{ ml: 1 }} />}
                    {can('sales.approve') && (
                      <span>
                        <TextField size="small" value={floors[cellKey(c)] ?? ''} placeholder={c.floor ?? ''}
                          onChange={(e) => setFloors({ ...floors, [cellKey(c)]: e.target.value })}
                          slotProps={{ htmlInput: { 'data-testid': `floor-${c.rule}`, inputMode: 'decimal', style: { width: 80 } } }} />
                        <Button size="small" onClick={() => setFloor(c)} data-testid={`set-floor-${c.rule}`}>
                          {translate('app.sales.set_floor')}
                        </Button>
                      </span>
                    )}
                  </TableCell>
                </TableRow>
              )),
            ])}
          </TableBody>
        </Table>

        <Stack direction="row" spacing={1} sx={{ my: 2, flexWrap: "wrap" }}>
          {editable && (
            <Button variant="contained" data-testid="save-adjustments"
              onClick={() => run(salesApi.update(code, toAdjustments(form)), 'app.sales.saved')}>
              {translate('app.sales.save')}
            </Button>
          )}
          {editable && (
            <Button variant="outlined" data-testid="submit" onClick={() => run(salesApi.submit(code), 'app.sales.submitted')}>
              {translate('app.sales.submit')}
            </Button>
          )}
          {can('sales.build') && tariff.needsRebase && (
            <Button variant="outlined" color="warning" data-testid="rebase" onClick={async () => {
              const o = await salesApi.rebase(code);
              if (o.problem) setProblem(o.problem);
              else {
                show(o.data.tariff);
                notify(translate('app.sales.rebased', { changes: o.data.diff.models.length }), { type: 'info' });
              }
            }}>
              {translate('app.sales.rebase')}
            </Button>
          )}
        </Stack>

        {can('sales.approve') && tariff.state === 'SUBMITTED' && (
          <Box sx={{ my: 2, p: 2, border: '1px solid #ddd' }} data-testid="approval">
            <Typography variant="subtitle1">{translate('app.sales.approval')}</Typography>
            {(tariff.belowFloor ?? 0) > 0 && (
              <FormControlLabel control={<Checkbox checked={ack} onChange={(e) => setAck(e.target.checked)} data-testid="ack-below-floor" />}
                label={translate('app.sales.acknowledge', { count: tariff.belowFloor ?? 0 })} />
            )}
            <TextField size="small" fullWidth label={translate('app.sales.comment')} value={comment}
              onChange={(e) => setComment(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'approval-comment' } }} sx={{ my: 1 }} />
            <Stack direction="row" spacing={1}>
              <Button variant="contained" color="success" data-testid="approve"
                onClick={() => run(salesApi.approve(code, ack, comment || undefined), 'app.sales.approved')}>
                {translate('app.sales.approve')}
              </Button>
              <Button variant="outlined" color="warning" data-testid="return"
                onClick={() => run(salesApi.giveBack(code, comment), 'app.sales.returned')}>
                {translate('app.sales.give_back')}
              </Button>
            </Stack>
          </Box>
        )}

        {can('sales.approve') && tariff.state === 'APPROVED' && (
          <Stack direction="row" spacing={1} sx={{ my: 2, alignItems: "center" }} data-testid="publication">
            <TextField size="small" label={translate('app.sales.account')} value={publication.account}
              onChange={(e) => setPublication({ ...publication, account: e.target.value })} slotProps={{ htmlInput: { 'data-testid': 'publish-account' } }} />
            <TextField size="small" type="date" label={translate('app.sales.from')} value={publication.from} onChange={(e) => setPublication({ ...publication, from: e.target.value })}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'publish-from' } }} />
            <Button variant="contained" data-testid="publish"
              onClick={() => run(salesApi.publish(code, publication.account.trim(), publication.from), 'app.sales.published')}>
              {translate('app.sales.publish')}
            </Button>
          </Stack>
        )}

        <Typography variant="subtitle1" sx={{ mt: 3 }}>{translate('app.sales.quote')}</Typography>
        <FormControlLabel control={<Checkbox checked={byProfile} onChange={(e) => setByProfile(e.target.checked)} data-testid="by-profile" />}
          label={translate('app.sales.by_profile')} />
        {byProfile && (
          <Grid container spacing={1} sx={{ my: 1 }} data-testid="profile">
            {NETWORK_KEYS.map((k) => (
              <Grid key={k} size={{ xs: 6, md: 2 }}>
                <TextField size="small" fullWidth label={`${translate('app.sales.network_minutes')} ${k}`} value={profile.network[k] ?? ''}
                  onChange={(e) => setProfile({ ...profile, network: { ...profile.network, [k]: e.target.value } })} />
              </Grid>
            ))}
            {SITES.map((site) => (
              <Grid key={site} size={{ xs: 6, md: 2 }}>
                <TextField size="small" fullWidth label={`${translate('app.sales.operator_minutes')} ${site}`} value={profile.operators[site] ?? ''}
                  onChange={(e) => setProfile({ ...profile, operators: { ...profile.operators, [site]: e.target.value } })} />
              </Grid>
            ))}
            {(['ivr', 'post', 'numbers', 'seats'] as const).map((f) => (
              <Grid key={f} size={{ xs: 6, md: 2 }}>
                <TextField size="small" fullWidth label={translate(`app.sales.profile_${f}`)} value={profile[f]}
                  onChange={(e) => setProfile({ ...profile, [f]: e.target.value })} />
              </Grid>
            ))}
          </Grid>
        )}
        <Stack direction="row" spacing={1} sx={{ my: 1, alignItems: "center" }}>
          {!byProfile && (<>
          <TextField size="small" label={translate('app.sales.account')} value={quoteInput.account}
            onChange={(e) => setQuoteInput({ ...quoteInput, account: e.target.value })} slotProps={{ htmlInput: { 'data-testid': 'quote-account' } }} />
          <TextField size="small" label={translate('app.sales.months')} placeholder="2026-03" value={quoteInput.months}
            onChange={(e) => setQuoteInput({ ...quoteInput, months: e.target.value })} slotProps={{ htmlInput: { 'data-testid': 'quote-months' } }} />
          </>)}
          <Button variant="outlined" onClick={runQuote} data-testid="run-quote">{translate('app.sales.run_quote')}</Button>
          <Button variant="outlined" onClick={downloadOffer} data-testid="offer">{translate('app.sales.offer')}</Button>
        </Stack>
        {quote && (
          <Box data-testid="quote">
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('app.sales.line')}</TableCell>
                  <TableCell align="right">{translate('app.sales.quantity')}</TableCell>
                  <TableCell align="right">{translate('app.sales.standard')}</TableCell>
                  <TableCell align="right">{translate('app.sales.client')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {quote.lines.map((l, i) => (
                  <TableRow key={i} data-testid={`quote-line-${l.group}`}>
                    <TableCell>{l.name}</TableCell>
                    <TableCell align="right">{l.quantity ? `${decimal(l.quantity, 0)} ${l.unit ?? ''}` : ''}</TableCell>
                    <TableCell align="right">{money(l.standard)}</TableCell>
                    <TableCell align="right">{money(l.client)}</TableCell>
                  </TableRow>
                ))}
                <TableRow>
                  <TableCell><b>{translate('app.sales.total')}</b></TableCell>
                  <TableCell />
                  <TableCell align="right" data-testid="quote-standard-total"><b>{money(quote.standardTotal)}</b></TableCell>
                  <TableCell align="right" data-testid="quote-client-total"><b>{money(quote.clientTotal)}</b></TableCell>
                </TableRow>
              </TableBody>
            </Table>
            <Typography sx={{ my: 1 }} data-testid="quote-difference">
              {translate('app.sales.difference')}: {money(quote.difference)}
            </Typography>
            <QuoteChart quote={quote} />
          </Box>
        )}
      </CardContent>
    </Card>
  );
};
