import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { EditorView } from '@codemirror/view';
import { AdminContext, type AuthProvider } from 'react-admin';
import { dataProvider } from '../src/dataProvider';
import { i18nProvider } from '../src/i18n/i18nProvider';
import { SimulationResult, TariffSimulationPage, EXAMPLE_RECORDS } from '../src/tariffs/TariffSimulationPage';
import { TariffDiffPage } from '../src/tariffs/TariffDiffPage';
import { TariffVersionPage } from '../src/tariffs/TariffVersionPage';
import { mockFetch } from './fetchMock';

const CODE = 'CC-STANDARD-2026';
const BASE = `/api/v1/tariffs/${CODE}`;

const MANAGER = ['tariffs.read', 'tariffs.edit', 'tariffs.editStandard', 'tariffs.publish', 'simulate'];
const SALES = ['tariffs.read', 'tariffs.create', 'tariffs.edit', 'simulate'];

/** signed in with these abilities (GET /api/v1/me) */
const signedIn = (abilities: string[]): AuthProvider => ({
  login: async () => undefined,
  logout: async () => undefined,
  checkAuth: async () => undefined,
  checkError: async () => undefined,
  getPermissions: async () => [],
  getIdentity: async () => ({ id: 'someone', abilities }),
});

/** GET /api/v1/tariffs: the standard tariff and one client tariff */
const TARIFFS = [
  { code: CODE, name: 'Стандартный', standard: true, versionInForce: 3, latestVersion: 5 },
  { code: 'CC-ROMASHKA', name: 'Ромашка', standard: false, versionInForce: 1, latestVersion: 2 },
];
const isTariffList = (url: URL) => url.pathname === '/api/v1/tariffs';

const renderAt = (path: string, pattern: string, element: React.ReactElement, abilities: string[] = MANAGER) =>
  render(
    <MemoryRouter initialEntries={[path]}>
      <AdminContext dataProvider={dataProvider} i18nProvider={i18nProvider} authProvider={signedIn(abilities)}>
        <Routes>
          <Route path={pattern} element={element} />
        </Routes>
      </AdminContext>
    </MemoryRouter>,
  );

const versions = [
  { tariff: CODE, version: 4, state: 'DRAFT', basedOn: 3 },
  { tariff: CODE, version: 3, state: 'PUBLISHED', effectiveFrom: '2026-01-01T00:00:00+03:00' },
];

describe('TariffDiffPage', () => {
  it('shows changed table rows with before -> after and rule changes as a line diff', async () => {
    const seen = mockFetch(({ url }) => {
      if (url.pathname.endsWith('/diff')) {
        return {
          body: {
            tariff: CODE,
            from: 3,
            to: 4,
            models: [
              {
                model: 'network-minute.dmn',
                change: 'CHANGED',
                rows: [
                  { change: 'CHANGED', decision: 'NetworkMinute', inputs: ['"MOBILE"', '"PEAK"'], before: ['2.90'], after: ['3.10'] },
                  { change: 'ADDED', decision: 'NetworkMinute', inputs: ['"SAT"', '-'], after: ['5.00'] },
                ],
              },
              {
                model: 'call-lines.drl',
                change: 'CHANGED',
                rules: [{ change: 'CHANGED', rule: 'NETWORK: free', before: 'when\n  d <= 3\nthen', after: 'when\n  d <= 5\nthen' }],
              },
              { model: 'ivr-minute.dmn', change: 'UNCHANGED' },
            ],
          },
        };
      }
      return { body: versions };
    });
    renderAt(`/tariffs/${CODE}/versions/4/diff`, '/tariffs/:code/versions/:version/diff', <TariffDiffPage />);

    const rows = await screen.findAllByTestId('row-change');
    expect(seen.some((s) => s.url.pathname === `${BASE}/versions/4/diff` && s.url.search === '')).toBe(true);
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('"MOBILE" | "PEAK"');
    expect(rows[0].textContent).toContain('2.90 → 3.10');
    expect(rows[1].textContent).toContain('Добавлено');
    const rule = screen.getByTestId('rule-change');
    expect(rule.textContent).toContain('NETWORK: free');
    const lines = [...rule.querySelectorAll('[data-kind]')].map((l) => `${l.getAttribute('data-kind')}:${l.textContent}`);
    expect(lines).toEqual(['same:  when', 'removed:-   d <= 3', 'added:+   d <= 5', 'same:  then']);
    expect(screen.getByTestId('diff-heading').textContent).toBe(`${CODE}: версия 3 → версия 4`);
    expect(screen.getByText('Без изменений: ivr-minute.dmn')).toBeTruthy();
  });
});

describe('tariff simulation', () => {
  it('prefills two example records from the tariff sheet and posts them', async () => {
    document.cookie = 'XSRF-TOKEN=sim; path=/';
    const seen = mockFetch(({ url }) =>
      url.pathname.endsWith('/simulate')
        ? { body: { recordCount: 2, changedCount: 0, currentTotal: '111.18', candidateTotal: '111.18', delta: '0.00', totals: [], records: [] } }
        : { body: [] },
    );
    renderAt(`/tariffs/${CODE}/versions/4/simulate`, '/tariffs/:code/versions/:version/simulate', <TariffSimulationPage />);
    const text = screen.getByTestId('simulation-records') as HTMLTextAreaElement;
    const records = JSON.parse(text.value);
    expect(records).toEqual(EXAMPLE_RECORDS);
    expect(records[0]).toMatchObject({ callType: 'INBOUND_800', caller: '79161234567' });
    expect(records[0].stages.map((s: { durationSec: number }) => s.durationSec)).toEqual([35, 200, 60]);
    expect(records[1]).toMatchObject({ callType: 'OUTBOUND', called: '79261234567', trunk: 'TRUNK-B' });

    fireEvent.click(screen.getByTestId('simulation-run'));
    await screen.findByTestId('simulation-result');
    const post = seen.find((s) => s.method === 'POST')!;
    expect(post.url.pathname).toBe(`${BASE}/versions/4/simulate`);
    expect(post.body).toEqual({ records: EXAMPLE_RECORDS });
    expect(post.headers.get('X-XSRF-TOKEN')).toBe('sim');
  });

  it('shows totals per account and component with signed deltas, and each record with its lines', () => {
    const line = (amount: string, rate: string) => ({ component: 'NETWORK' as const, amount, rate, billedSeconds: 300 });
    render(
      <AdminContext i18nProvider={i18nProvider}>
        <SimulationResult
          result={{
            recordCount: 3,
            changedCount: 1,
            currentTotal: '100.00',
            candidateTotal: '101.00',
            delta: '1.00',
            totals: [
              { account: 'ACC-1001', component: 'NETWORK', current: '14.50', candidate: '15.50', delta: '1.00' },
              { account: 'ACC-1002', component: 'OPERATOR', current: '18.00', candidate: '17.50', delta: '-0.50' },
            ],
            records: [
              {
                source: 'pbx',
                cdrId: 'g01',
                account: 'ACC-1001',
                currentStatus: 'RATED',
                currentTotal: '91.68',
                currentVersion: 3,
                candidateStatus: 'RATED',
                candidateTotal: '92.68',
                delta: '1.00',
                currentLines: [line('14.50', '2.90')],
                candidateLines: [line('15.50', '3.10')],
              },
            ],
          }}
        />
      </AdminContext>,
    );
    const totals = screen.getAllByTestId('simulation-total').map((tr) =>
      within(tr).getAllByRole('cell').map((c) => c.textContent),
    );
    expect(totals).toEqual([
      ['ACC-1001', 'Сетевая минута', '14,50\u00a0₽', '15,50\u00a0₽', '+1,00\u00a0₽'],
      ['ACC-1002', 'Работа оператора', '18,00\u00a0₽', '17,50\u00a0₽', '−0,50\u00a0₽'],
    ]);
    expect(screen.getByTestId('simulation-delta').textContent).toBe('+1,00\u00a0₽');
    const candidate = within(screen.getByTestId('candidate-lines')).getByTestId('charge-line');
    expect(within(candidate).getAllByRole('cell')[3].textContent).toBe('3,10');
    expect(within(screen.getByTestId('record-difference')).getByText(/v3/)).toBeTruthy();
  });
});

describe('TariffVersionPage', () => {
  const drl = 'package x;\n\nrule "A"\nwhen\n  Call()\nthen\nend\n';

  it('opens a published version read-only: no save, no publish, and validates on request', async () => {
    const seen = mockFetch(({ url }) => {
      if (isTariffList(url)) return { body: TARIFFS };
      if (url.pathname.endsWith('/validate')) {
        return {
          body: {
            valid: false,
            messages: [{ model: 'call-lines.drl', severity: 'ERROR', message: 'bad rule', location: 'line 5, column 3' }],
          },
        };
      }
      return {
        body: {
          tariff: CODE,
          version: 3,
          state: 'PUBLISHED',
          effectiveFrom: '2026-01-01T00:00:00+03:00',
          models: [{ name: 'call-lines.drl', kind: 'DRL', content: drl }],
        },
      };
    });
    renderAt(`/tariffs/${CODE}/versions/3`, '/tariffs/:code/versions/:version', <TariffVersionPage />);

    await screen.findByTestId('read-only');
    expect(screen.getByTestId('version-header').getAttribute('data-state')).toBe('PUBLISHED');
    expect(screen.queryByTestId('save-model')).toBeNull();
    expect(screen.queryByTestId('publish')).toBeNull();
    const editor = await screen.findByTestId('drl-editor');
    await waitFor(() => expect(editor.querySelector('.cm-content')?.textContent).toContain('rule "A"'));
    expect(editor.getAttribute('data-readonly')).toBe('true');

    fireEvent.click(screen.getByTestId('validate'));
    const result = await screen.findByTestId('validation-result');
    expect(result.getAttribute('data-valid')).toBe('false');
    expect(seen.find((s) => s.method === 'POST')!.url.pathname).toBe(`${BASE}/versions/3/validate`);
    expect(screen.getByTestId('validation-messages').textContent).toContain('bad rule');
    // the message is named at its line above the editor, and the line is marked in the editor
    expect(screen.getByTestId('model-messages').textContent).toContain('Строка 5: bad rule');
    await waitFor(() => expect(editor.querySelectorAll('.cm-flagged-error')).toHaveLength(1));
    expect(editor.querySelector('.cm-flagged-error')?.textContent).toBe('  Call()');
  });

  it('keeps unsaved DRL edits across a re-mount and saves them with PUT', async () => {
    document.cookie = 'XSRF-TOKEN=save-tok; path=/';
    const seen = mockFetch(({ method, body, url }) =>
      isTariffList(url)
        ? { body: TARIFFS }
        : method === 'PUT'
        ? { body: { name: 'call-lines.drl', ...(body as object) } }
        : {
            body: {
              tariff: CODE,
              version: 5,
              state: 'DRAFT',
              basedOn: 3,
              models: [{ name: 'call-lines.drl', kind: 'DRL', content: drl }],
            },
          },
    );
    const page = () => renderAt(`/tariffs/${CODE}/versions/5`, '/tariffs/:code/versions/:version', <TariffVersionPage />);
    const first = page();
    const editor = await screen.findByTestId('drl-editor');
    await waitFor(() => expect(editor.querySelector('.cm-content')).toBeTruthy());
    const view = EditorView.findFromDOM(editor.querySelector('.cm-editor') as HTMLElement)!;
    view.dispatch({ changes: { from: 0, insert: '// edited\n' } });
    await screen.findByTestId('unsaved');
    first.unmount();

    page();
    await screen.findByTestId('unsaved');
    const again = await screen.findByTestId('drl-editor');
    await waitFor(() => expect(again.querySelector('.cm-content')?.textContent).toContain('// edited'));

    fireEvent.click(screen.getByTestId('save-model'));
    await waitFor(() => expect(screen.queryByTestId('unsaved')).toBeNull());
    const put = seen.find((s) => s.method === 'PUT')!;
    expect(put.url.pathname).toBe(`${BASE}/versions/5/models/call-lines.drl`);
    expect(put.body).toEqual({ kind: 'DRL', content: `// edited\n${drl}` });
    expect(put.headers.get('X-XSRF-TOKEN')).toBe('save-tok');
  });

  it('shows sales a draft of the standard tariff read-only, and lets them edit a client tariff but not publish it', async () => {
    const draft = (tariff: string) => ({
      tariff,
      version: 5,
      state: 'DRAFT',
      basedOn: 3,
      models: [{ name: 'call-lines.drl', kind: 'DRL', content: drl }],
    });
    mockFetch(({ url }) =>
      isTariffList(url) ? { body: TARIFFS } : { body: draft(url.pathname.includes('ROMASHKA') ? 'CC-ROMASHKA' : CODE) },
    );
    const standard = renderAt(`/tariffs/${CODE}/versions/5`, '/tariffs/:code/versions/:version', <TariffVersionPage />, SALES);
    const notYours = await screen.findByTestId('read-only');
    expect(notYours.textContent).toContain('менеджер по тарифам');
    expect(screen.queryByTestId('save-model')).toBeNull();
    expect(screen.queryByTestId('publish')).toBeNull();
    expect(screen.queryByTestId('new-draft')).toBeNull();
    standard.unmount();

    renderAt('/tariffs/CC-ROMASHKA/versions/5', '/tariffs/:code/versions/:version', <TariffVersionPage />, SALES);
    await screen.findByTestId('save-model');
    expect(screen.queryByTestId('read-only')).toBeNull();
    expect(screen.queryByTestId('publish')).toBeNull();
    expect(screen.getByTestId('new-draft')).toBeTruthy();
  });

  it('opens on the decision tables, named by what they price, with the rules last', async () => {
    mockFetch(({ url }) =>
      isTariffList(url)
        ? { body: TARIFFS }
        : {
            body: {
              tariff: CODE,
              version: 3,
              state: 'PUBLISHED',
              models: [
                { name: 'call-lines.drl', kind: 'DRL', content: drl },
                { name: 'operator-minute.dmn', kind: 'DMN', content: '<definitions/>' },
                { name: 'network-minute.dmn', kind: 'DMN', content: '<definitions/>' },
              ],
            },
          },
    );
    renderAt(`/tariffs/${CODE}/versions/3`, '/tariffs/:code/versions/:version', <TariffVersionPage />);
    await screen.findByTestId('model-tab-network-minute.dmn');
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.querySelector('span[title]')?.textContent)).toEqual(['Минута сети 8-800', 'Работа операторов', 'Правила: строки звонка']);
    expect(tabs[0].getAttribute('aria-selected')).toBe('true');
  });

  it('deletes a draft after saying what goes', async () => {
    document.cookie = 'XSRF-TOKEN=del; path=/';
    const seen = mockFetch(({ url, method }) =>
      isTariffList(url)
        ? { body: TARIFFS }
        : method === 'DELETE'
        ? { status: 204 }
        : { body: { tariff: CODE, version: 5, state: 'DRAFT', basedOn: 3, models: [{ name: 'call-lines.drl', kind: 'DRL', content: drl }] } },
    );
    renderAt(`/tariffs/${CODE}/versions/5`, '/tariffs/:code/versions/:version', <TariffVersionPage />);
    fireEvent.click(await screen.findByTestId('delete-draft'));
    expect((await screen.findByTestId('confirm-consequence')).textContent).toContain('Черновик 5 тарифа CC-STANDARD-2026');
    expect(seen.some((r) => r.method === 'DELETE')).toBe(false);
    fireEvent.click(screen.getByTestId('confirm-action'));
    await waitFor(() => expect(seen.some((r) => r.method === 'DELETE')).toBe(true));
    expect(seen.find((r) => r.method === 'DELETE')!.url.pathname).toBe(`${BASE}/versions/5`);
  });
});
