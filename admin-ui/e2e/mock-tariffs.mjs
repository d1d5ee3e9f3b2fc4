// The `tariffs` endpoints of the mock backend (see mock-backend.mjs): versions, models, validate, publish,
// simulate, diff and audit, in memory. Version 1 of CC-STANDARD-2026 holds the models of ../../rules when they
// are there. Approximations: validation only checks that the models look well-formed; simulation prices the
// mock lines of mock-backend.mjs plus, for INBOUND_800 calls under a version other than 1, a NETWORK line
// (every started minute) at the rate the version's network-minute.dmn gives the caller's origin and time band.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const RULES = fileURLToPath(new URL('../../rules/src/main/resources/tariffs/cc-standard-2026/', import.meta.url));
const CODE = 'CC-STANDARD-2026';
const CLOSED_BEFORE = '2026-10-01T00:00:00+03:00';

function shippedModels() {
  if (!existsSync(RULES)) return [];
  return readdirSync(RULES)
    .filter((f) => f.endsWith('.dmn') || f.endsWith('.drl'))
    .sort()
    .map((name) => ({ name, kind: name.endsWith('.dmn') ? 'DMN' : 'DRL', content: readFileSync(`${RULES}${name}`, 'utf8') }));
}

const now = () => new Date().toISOString();
const tariff = {
  code: CODE,
  name: 'Стандартный тариф колл-центра 2026',
  versions: [
    {
      tariff: CODE,
      version: 1,
      state: 'PUBLISHED',
      effectiveFrom: '2025-12-31T21:00:00Z',
      createdBy: 'system',
      createdAt: now(),
      publishedBy: 'system',
      publishedAt: now(),
      models: shippedModels(),
    },
  ],
  audit: [{ version: 1, action: 'PUBLISHED', actor: 'system', at: now(), detail: 'the shipped reference tariff' }],
};

const summary = (v) => ({ ...v, models: [] });
const inForceAt = (instant) =>
  tariff.versions
    .filter((v) => v.state !== 'DRAFT' && v.effectiveFrom && new Date(v.effectiveFrom) <= instant)
    .sort((a, b) => new Date(b.effectiveFrom) - new Date(a.effectiveFrom))[0];
const audit = (version, action, actor, detail) => tariff.audit.unshift({ version, action, actor, at: now(), detail });

// ---- DMN and DRL, read the simple way the shipped models are written

/** The rules of a decision table: id, input entries and output entries. */
function dmnRules(xml) {
  const decision = /<decision [^>]*name="([^"]+)"/.exec(xml)?.[1] ?? '';
  return [...xml.matchAll(/<rule id="([^"]+)">([\s\S]*?)<\/rule>/g)].map(([, id, body]) => ({
    id,
    decision,
    inputs: [...body.matchAll(/<inputEntry[^>]*>\s*<text>([\s\S]*?)<\/text>/g)].map((m) => unescape(m[1])),
    outputs: [...body.matchAll(/<outputEntry[^>]*>\s*<text>([\s\S]*?)<\/text>/g)].map((m) => unescape(m[1])),
  }));
}
const unescape = (s) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').trim();

/** The rules of a DRL file by name, with their text. */
function drlRules(drl) {
  return Object.fromEntries(
    [...drl.matchAll(/^rule\s+"([^"]+)"[\s\S]*?^end\s*$/gm)].map((m) => [m[1], m[0]]),
  );
}

function validate(version) {
  const messages = [];
  for (const m of version.models) {
    if (m.kind === 'DMN') {
      if (!/<definitions[\s>]/.test(m.content) || !/<\/definitions>\s*$/.test(m.content.trim())) {
        messages.push({ model: m.name, severity: 'ERROR', message: 'not a DMN document', location: 'line 1, column 1' });
      }
      for (const r of dmnRules(m.content)) {
        if (r.outputs.some((o) => o === '')) {
          messages.push({ model: m.name, severity: 'ERROR', message: 'empty output entry', location: r.id });
        }
      }
    } else {
      const lines = m.content.split('\n');
      const opened = [];
      lines.forEach((line, i) => {
        if (/^rule\s/.test(line)) opened.push(i + 1);
        if (/^end\s*$/.test(line) && !opened.pop()) {
          messages.push({ model: m.name, severity: 'ERROR', message: '"end" without a rule', location: `line ${i + 1}, column 1` });
        }
      });
      for (const line of opened) {
        messages.push({ model: m.name, severity: 'ERROR', message: 'rule without "end"', location: `line ${line}, column 1` });
      }
    }
  }
  return { valid: !messages.some((m) => m.severity === 'ERROR'), compileMillis: 5, messages };
}

// ---- pricing for simulations

const MOSCOW_MS = 3 * 3600 * 1000;
function band(startTime) {
  const wall = new Date(new Date(startTime).getTime() + MOSCOW_MS);
  const day = wall.getUTCDay();
  const hour = wall.getUTCHours();
  return day >= 1 && day <= 5 && hour >= 8 && hour < 20 ? 'PEAK' : 'OFF_PEAK';
}
const origin = (caller) => (/^79/.test(caller) ? 'MOBILE' : /^749[59]/.test(caller) ? 'LOCAL' : 'INTERCITY');

/** The NETWORK line of an inbound call under a version, or none. */
export function networkLine(version, record) {
  if (!version || version.version === 1 || record.callType !== 'INBOUND_800') return undefined;
  const model = version.models.find((m) => m.name === 'network-minute.dmn');
  if (!model) return undefined;
  const wanted = [`"${origin(record.caller)}"`, `"${band(record.startTime)}"`];
  const row = dmnRules(model.content).find((r) => r.inputs.every((input, i) => input === '-' || input === wanted[i]));
  if (!row) return undefined;
  const seconds = (record.stages || []).reduce((s, x) => s + (x.durationSec || 0), 0);
  const billed = seconds <= 3 ? 0 : Math.ceil(seconds / 60) * 60;
  const rate = Number(row.outputs[0]);
  return {
    component: 'NETWORK',
    billedSeconds: billed,
    rate: rate.toFixed(2),
    amount: ((billed / 60) * rate).toFixed(2),
    note: `every started minute (${row.decision}[${wanted.join(', ').replace(/"/g, '')}])`,
  };
}

export const tariffInForceAt = (instant) => inForceAt(instant);

function simulate(version, body, rate) {
  const records = Array.isArray(body.records) ? body.records : [];
  const totals = new Map();
  const sum = (lines) => lines.reduce((s, l) => s + Number(l.amount), 0);
  const priced = (v, record) => {
    const rated = rate(record);
    const network = networkLine(v, record);
    const lines = [...(network ? [network] : []), ...(rated.lines || [])];
    return { ...rated, lines, total: sum(lines).toFixed(2) };
  };
  const differences = records.map((record) => {
    const currentVersion = inForceAt(new Date(record.startTime));
    const current = priced(currentVersion, record);
    const candidate = priced(version, record);
    for (const [side, lines] of [['current', current.lines], ['candidate', candidate.lines]]) {
      for (const l of lines) {
        const key = `${current.account}|${l.component}`;
        const t = totals.get(key) || { account: current.account, component: l.component, current: 0, candidate: 0 };
        t[side] += Number(l.amount);
        totals.set(key, t);
      }
    }
    return {
      source: record.source,
      cdrId: record.cdrId,
      account: current.account,
      currentStatus: current.status,
      currentTotal: current.total,
      currentVersion: currentVersion?.version,
      candidateStatus: candidate.status,
      candidateTotal: candidate.total,
      delta: (Number(candidate.total) - Number(current.total)).toFixed(2),
      currentLines: current.lines,
      candidateLines: candidate.lines,
    };
  });
  const currentTotal = differences.reduce((s, d) => s + Number(d.currentTotal), 0);
  const candidateTotal = differences.reduce((s, d) => s + Number(d.candidateTotal), 0);
  return {
    recordCount: records.length,
    changedCount: differences.filter((d) => d.delta !== '0.00').length,
    currentTotal: currentTotal.toFixed(2),
    candidateTotal: candidateTotal.toFixed(2),
    delta: (candidateTotal - currentTotal).toFixed(2),
    totals: [...totals.values()].map((t) => ({
      ...t,
      current: t.current.toFixed(2),
      candidate: t.candidate.toFixed(2),
      delta: (t.candidate - t.current).toFixed(2),
    })),
    records: differences,
  };
}

function diff(to, from) {
  const models = [];
  const names = [...new Set([...from.models.map((m) => m.name), ...to.models.map((m) => m.name)])].sort();
  for (const name of names) {
    const a = from.models.find((m) => m.name === name);
    const b = to.models.find((m) => m.name === name);
    if (!a || !b) {
      models.push({ model: name, change: a ? 'REMOVED' : 'ADDED' });
      continue;
    }
    if (a.content === b.content) {
      models.push({ model: name, change: 'UNCHANGED' });
      continue;
    }
    if (b.kind === 'DMN') {
      const before = Object.fromEntries(dmnRules(a.content).map((r) => [r.id, r]));
      const after = Object.fromEntries(dmnRules(b.content).map((r) => [r.id, r]));
      const rows = [];
      for (const id of new Set([...Object.keys(before), ...Object.keys(after)])) {
        const x = before[id];
        const y = after[id];
        if (x && y && JSON.stringify(x) === JSON.stringify(y)) continue;
        const change = !x ? 'ADDED' : !y ? 'REMOVED' : 'CHANGED';
        rows.push({ change, decision: (y || x).decision, inputs: (y || x).inputs, before: x?.outputs, after: y?.outputs });
      }
      models.push({ model: name, change: 'CHANGED', rows });
    } else {
      const before = drlRules(a.content);
      const after = drlRules(b.content);
      const rules = [];
      for (const rule of new Set([...Object.keys(before), ...Object.keys(after)])) {
        if (before[rule] === after[rule]) continue;
        const change = !before[rule] ? 'ADDED' : !after[rule] ? 'REMOVED' : 'CHANGED';
        rules.push({ change, rule, before: before[rule], after: after[rule] });
      }
      models.push({ model: name, change: 'CHANGED', rules });
    }
  }
  return { tariff: CODE, from: from.version, to: to.version, models };
}

/**
 * Answers /api/v1/tariffs/**; returns false for other paths.
 * `rate(record)` is the mock rating of mock-backend.mjs.
 */
export async function tariffApi(req, res, url, who, { json, send, problem, rate }) {
  const path = url.pathname;
  const m = req.method;
  if (!path.startsWith('/api/v1/tariffs')) return false;
  if (path === '/api/v1/tariffs' && m === 'GET') {
    const inForce = inForceAt(new Date());
    return send(res, 200, [
      { code: CODE, name: tariff.name, versionInForce: inForce?.version, latestVersion: tariff.versions[0].version },
    ]);
  }
  const match = /^\/api\/v1\/tariffs\/([^/]+)(?:\/(versions|audit)(?:\/(\d+)(?:\/(models|validate|publish|simulate|diff)(?:\/([^/]+))?)?)?)?$/.exec(path);
  if (!match || decodeURIComponent(match[1]) !== CODE) return problem(res, 404, 'Not Found', `No tariff ${match?.[1] ?? path}`);
  const [, , part, versionText, action, modelName] = match;
  if (part === 'audit' && m === 'GET') return send(res, 200, tariff.audit);
  if (part === 'versions' && !versionText) {
    if (m === 'GET') return send(res, 200, tariff.versions.map(summary));
    if (m === 'POST') {
      const { basedOn } = await json();
      const base = tariff.versions.find((v) => v.version === basedOn);
      if (!base) return problem(res, 400, 'Bad Request', 'Validation failed', [{ field: 'basedOn', message: `no version ${basedOn}` }]);
      const draft = {
        tariff: CODE,
        version: tariff.versions[0].version + 1,
        state: 'DRAFT',
        basedOn,
        createdBy: who.user,
        createdAt: now(),
        models: base.models.map((x) => ({ ...x })),
      };
      tariff.versions.unshift(draft);
      audit(draft.version, 'CREATED', who.user, `draft copied from version ${basedOn}`);
      return send(res, 201, draft);
    }
  }
  const version = tariff.versions.find((v) => v.version === Number(versionText));
  if (!version) return problem(res, 404, 'Not Found', `No version ${versionText}`);
  if (!action && m === 'GET') return send(res, 200, version);
  if (action === 'models' && modelName && (m === 'PUT' || m === 'DELETE')) {
    const name = decodeURIComponent(modelName);
    if (version.state !== 'DRAFT') return problem(res, 409, 'Conflict', `Version ${version.version} is ${version.state}`);
    if (m === 'DELETE') {
      version.models = version.models.filter((x) => x.name !== name);
      audit(version.version, 'CHANGED', who.user, `model ${name} removed`);
      return send(res, 204, '');
    }
    const { kind, content } = await json();
    if (!kind || typeof content !== 'string') {
      return problem(res, 400, 'Bad Request', 'Validation failed', [{ field: 'content', message: 'must not be null' }]);
    }
    const model = { name, kind, content };
    version.models = version.models.filter((x) => x.name !== name).concat(model).sort((a, b) => a.name.localeCompare(b.name));
    audit(version.version, 'CHANGED', who.user, `model ${name} replaced`);
    return send(res, 200, model);
  }
  if (action === 'validate' && m === 'POST') {
    const result = validate(version);
    audit(version.version, 'VALIDATED', who.user, result.valid ? 'valid' : 'invalid');
    return send(res, 200, result);
  }
  if (action === 'publish' && m === 'POST') {
    if (version.state !== 'DRAFT') return problem(res, 409, 'Conflict', `Version ${version.version} is ${version.state}`);
    const { effectiveFrom } = await json();
    const at = new Date(effectiveFrom ?? '');
    const errors = [];
    if (!effectiveFrom || Number.isNaN(at.getTime())) errors.push({ field: 'effectiveFrom', message: 'must be a date-time with offset' });
    else if (at < new Date(CLOSED_BEFORE)) errors.push({ field: 'effectiveFrom', message: `falls in a closed period (before ${CLOSED_BEFORE})` });
    const validation = validate(version);
    for (const msg of validation.messages.filter((x) => x.severity === 'ERROR')) {
      errors.push({ field: msg.model, message: `${msg.message} (${msg.location})` });
    }
    if (errors.length) return problem(res, 422, 'Unprocessable Entity', 'The version cannot be published', errors);
    const previous = inForceAt(at);
    Object.assign(version, { state: 'PUBLISHED', effectiveFrom: at.toISOString(), publishedBy: who.user, publishedAt: now() });
    if (previous) {
      previous.state = 'SUPERSEDED';
      audit(previous.version, 'SUPERSEDED', who.user, `by version ${version.version} from ${effectiveFrom}`);
    }
    audit(version.version, 'PUBLISHED', who.user, `in force from ${effectiveFrom}`);
    return send(res, 200, version);
  }
  if (action === 'simulate' && m === 'POST') {
    const body = await json();
    if (!Array.isArray(body.records)) {
      return problem(res, 422, 'Unprocessable Entity', 'The mock simulates records only', [{ field: 'records', message: 'must not be empty' }]);
    }
    return send(res, 200, simulate(version, body, rate));
  }
  if (action === 'diff' && m === 'GET') {
    const against = Number(url.searchParams.get('against')) || version.basedOn || version.version - 1;
    const from = tariff.versions.find((v) => v.version === against);
    if (!from) return problem(res, 404, 'Not Found', `No version ${against}`);
    return send(res, 200, diff(version, from));
  }
  return problem(res, 404, 'Not Found', `${m} ${path}`);
}
