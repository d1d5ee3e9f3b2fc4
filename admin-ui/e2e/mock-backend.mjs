// A stand-in for the Spring Boot backend, for trying the built UI and e2e/run.mjs without it.
// Not used by the tests. Behaves like the backend is expected to:
//   - serves dist/ at "/" (signed-in users only, else 302 to /login);
//   - GET /login: a form with username/password; POST /login sets the session and XSRF-TOKEN cookies;
//   - /api/v1/**: session cookie or HTTP Basic, else 401 problem+json (no WWW-Authenticate);
//   - POST/PUT/DELETE from the browser need X-XSRF-TOKEN equal to the XSRF-TOKEN cookie;
//   - POST /logout;
//   - /api/v1/tariffs/**: see mock-tariffs.mjs (versions in CC-STANDARD-2026 after the first add a NETWORK line).
// Usage: npm run build && node e2e/mock-backend.mjs [port]   (default 8089; user manager/manager)
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { networkLine, tariffApi, tariffInForceAt } from './mock-tariffs.mjs';

const PORT = Number(process.argv[2] || process.env.PORT || 8089);
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const USERS = { manager: { password: 'manager', roles: ['TARIFF_MANAGER'] } };
const sessions = new Map(); // id -> { user, xsrf }

const cdrs = [];
const reference = {
  destinations: { key: 'prefix', items: [{ prefix: '7495', destinationClass: 'MOSCOW' }, { prefix: '79', destinationClass: 'RU_MOBILE' }] },
  origins: { key: 'prefix', items: [{ prefix: '79', origin: 'MOBILE' }, { prefix: '7', origin: 'FIXED' }] },
  holidays: { key: 'date', items: [{ date: '2026-01-01', name: 'Новый год' }] },
  operators: { key: 'operatorId', items: [{ operatorId: 'OP-102', site: 'MSK', name: 'Anna' }] },
  trunks: { key: 'trunk', items: [{ trunk: 'T1', description: 'main' }] },
};
const accounts = [{ account: 'ACC-800', client: 'Acme', tariff: 'INBOUND_STD', tariffFrom: '2026-01-01', numbers: ['78005553535'] }];

function rate(rec) {
  const problems = [];
  for (const f of ['source', 'cdrId', 'callType', 'startTime', 'caller', 'called']) {
    if (!rec[f]) problems.push({ field: f, message: 'must not be blank' });
  }
  if (!Array.isArray(rec.stages) || !rec.stages.length) problems.push({ field: 'stages', message: 'size must be between 1 and 4' });
  if (problems.length) return { source: rec.source, cdrId: rec.cdrId, outcome: 'REFUSED', errors: problems };
  const perMinute = { IVR: '1.20', OPERATOR: '21.60', POST: '18.98' };
  const lines = rec.stages.map((s, i) => {
    const billed = Math.ceil(s.durationSec / 60) * 60;
    const amount = s.type === 'OPERATOR' ? (s.durationSec / 60) * 21.6 : s.type === 'IVR' ? 0.7 : 18.98;
    return { component: s.type, stage: i, billedSeconds: billed, rate: perMinute[s.type], amount: amount.toFixed(2), note: `mock ${s.type}` };
  });
  const total = lines.reduce((sum, l) => sum + Number(l.amount), 0).toFixed(2);
  const durationSec = rec.stages.reduce((s, x) => s + (x.durationSec || 0), 0);
  return {
    source: rec.source, cdrId: rec.cdrId, status: 'RATED', outcome: 'RATED', callType: rec.callType,
    startTime: new Date(rec.startTime).toISOString(), caller: rec.caller, called: rec.called, durationSec,
    account: 'ACC-800', tariff: 'INBOUND_STD', tariffVersion: 1, total, currency: 'RUB', lines,
    receivedAt: new Date().toISOString(), record: rec,
  };
}

/** rate() under the tariff version in force at the call's start (a NETWORK line from version 2 on). */
function rateInForce(rec) {
  const rated = rate(rec);
  if (rated.outcome === 'REFUSED') return rated;
  const version = tariffInForceAt(new Date(rec.startTime));
  const network = networkLine(version, rec);
  if (!network) return rated;
  const lines = [network, ...rated.lines];
  const total = lines.reduce((sum, l) => sum + Number(l.amount), 0).toFixed(2);
  return { ...rated, lines, total, tariff: 'CC-STANDARD-2026', tariffVersion: version.version };
}

const cookies = (req) =>
  Object.fromEntries((req.headers.cookie || '').split(';').filter(Boolean).map((c) => {
    const i = c.indexOf('=');
    return [c.slice(0, i).trim(), decodeURIComponent(c.slice(i + 1).trim())];
  }));

function send(res, status, body, headers = {}) {
  const isJson = body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body);
  res.writeHead(status, { ...(isJson ? { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } : {}), ...headers });
  res.end(isJson ? JSON.stringify(body) : body);
}
const problem = (res, status, title, detail, errors) => send(res, status, { type: 'about:blank', title, status, detail, errors });

async function readBody(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  const text = Buffer.concat(chunks).toString('utf8');
  return text;
}

function principal(req) {
  const s = sessions.get(cookies(req).SESSION);
  if (s) return { user: s.user, session: s };
  const auth = req.headers.authorization || '';
  if (auth.startsWith('Basic ')) {
    const [u, p] = Buffer.from(auth.slice(6), 'base64').toString().split(':');
    if (USERS[u]?.password === p) return { user: u, basic: true };
  }
  return undefined;
}

const loginPage = (error, loggedOut) => `<!doctype html><html><head><meta charset="utf-8"><title>Please sign in</title></head>
<body style="font-family:sans-serif;max-width:360px;margin:80px auto"><h2>Please sign in (mock)</h2>
${error ? '<p style="color:red">Bad credentials</p>' : ''}${loggedOut ? '<p>You have been signed out</p>' : ''}
<form method="post" action="/login"><p><input name="username" placeholder="Username"></p>
<p><input name="password" type="password" placeholder="Password"></p><button type="submit">Sign in</button></form></body></html>`;

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon' };

const server = createServer(async (req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`);
  const path = url.pathname;
  try {
    if (path === '/login' && req.method === 'GET') {
      return send(res, 200, loginPage(url.searchParams.has('error'), url.searchParams.has('logout')), { 'Content-Type': 'text/html; charset=utf-8' });
    }
    if (path === '/login' && req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      const user = form.get('username');
      if (USERS[user]?.password !== form.get('password')) return send(res, 302, '', { Location: '/login?error' });
      const id = randomUUID();
      const xsrf = randomUUID();
      sessions.set(id, { user, xsrf });
      return send(res, 302, '', {
        Location: '/',
        'Set-Cookie': [`SESSION=${id}; Path=/; HttpOnly; SameSite=Lax`, `XSRF-TOKEN=${xsrf}; Path=/`],
      });
    }
    const who = principal(req);
    if (path === '/logout' && req.method === 'POST') {
      if (who?.session && req.headers['x-xsrf-token'] !== who.session.xsrf) return send(res, 403, 'Forbidden');
      sessions.delete(cookies(req).SESSION);
      return send(res, 302, '', { Location: '/login?logout', 'Set-Cookie': ['SESSION=; Path=/; Max-Age=0', 'XSRF-TOKEN=; Path=/; Max-Age=0'] });
    }
    if (path.startsWith('/api/')) {
      if (!who) return problem(res, 401, 'Unauthorized', 'Full authentication is required');
      if (req.method !== 'GET' && who.session && req.headers['x-xsrf-token'] !== who.session.xsrf) {
        return problem(res, 403, 'Forbidden', 'Invalid CSRF token');
      }
      return await api(req, res, url, who);
    }
    // static UI: signed-in users only, like a Spring app that protects "/"
    if (!who) return send(res, 302, '', { Location: '/login' });
    const file = normalize(join(DIST, path === '/' ? 'index.html' : decodeURIComponent(path)));
    if (!file.startsWith(DIST)) return send(res, 404, 'not found');
    const content = await readFile(file).catch(() => undefined);
    if (!content) return send(res, 404, 'not found');
    return send(res, 200, content, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' });
  } catch (e) {
    console.error(e);
    return problem(res, 500, 'Internal Server Error', String(e));
  }
});

async function api(req, res, url, who) {
  const path = url.pathname;
  const m = req.method;
  const json = async () => JSON.parse((await readBody(req)) || '{}');
  if (path === '/api/v1/me') return send(res, 200, { username: who.user, roles: USERS[who.user].roles });
  if (path === '/api/v1/cdrs' && m === 'POST') {
    const { records = [] } = await json();
    const results = records.map((rec) => {
      const rated = rateInForce(rec);
      if (rated.outcome === 'REFUSED') return rated;
      if (cdrs.some((c) => c.source === rec.source && c.cdrId === rec.cdrId)) return { source: rec.source, cdrId: rec.cdrId, outcome: 'DUPLICATE' };
      cdrs.unshift(rated);
      return { source: rec.source, cdrId: rec.cdrId, outcome: 'RATED', total: rated.total };
    });
    return send(res, 200, { results });
  }
  if (path === '/api/v1/cdrs' && m === 'GET') {
    const q = url.searchParams;
    const page = Number(q.get('page') || 0);
    const size = Number(q.get('size') || 50);
    const items = cdrs.filter((c) =>
      ['status', 'account', 'source'].every((f) => !q.get(f) || c[f] === q.get(f)) &&
      (!q.get('from') || c.startTime >= new Date(q.get('from')).toISOString()) &&
      (!q.get('to') || c.startTime < new Date(q.get('to')).toISOString()));
    return send(res, 200, { items: items.slice(page * size, page * size + size), total: items.length, page, size });
  }
  const one = path.match(/^\/api\/v1\/cdrs\/([^/]+)\/([^/]+)$/);
  if (one && m === 'GET') {
    const [source, cdrId] = [decodeURIComponent(one[1]), decodeURIComponent(one[2])];
    const found = cdrs.find((c) => c.source === source && c.cdrId === cdrId);
    return found ? send(res, 200, found) : problem(res, 404, 'Not Found', `No CDR ${source}/${cdrId}`);
  }
  if (path === '/api/v1/rating/simulate' && m === 'POST') {
    const { records } = await json();
    if (!Array.isArray(records)) return problem(res, 400, 'Bad Request', 'Validation failed', [{ field: 'records', message: 'must not be null' }]);
    return send(res, 200, { results: records.map(rateInForce) });
  }
  if (path === '/api/v1/accounts' && m === 'GET') return send(res, 200, accounts);
  if (path.startsWith('/api/v1/tariffs')) return tariffApi(req, res, url, who, { json, send, problem, rate });
  const ref = path.match(/^\/api\/v1\/reference\/([a-z]+)(?:\/([^/]+))?$/);
  if (ref && reference[ref[1]]) {
    const table = reference[ref[1]];
    if (m === 'GET' && !ref[2]) return send(res, 200, table.items);
    if (m === 'PUT' && !ref[2]) {
      const item = await json();
      if (!item[table.key]) return problem(res, 400, 'Bad Request', 'Validation failed', [{ field: table.key, message: 'must not be blank' }]);
      table.items = table.items.filter((x) => x[table.key] !== item[table.key]).concat(item);
      return send(res, 200, item);
    }
    if (m === 'DELETE' && ref[2] && ['destinations', 'origins', 'holidays'].includes(ref[1])) {
      const key = decodeURIComponent(ref[2]);
      const before = table.items.length;
      table.items = table.items.filter((x) => x[table.key] !== key);
      return before === table.items.length ? problem(res, 404, 'Not Found', `No ${key}`) : send(res, 204, '');
    }
  }
  return problem(res, 404, 'Not Found', `${m} ${path}`);
}

server.listen(PORT, '127.0.0.1', () => console.log(`mock backend on http://127.0.0.1:${PORT}`));
