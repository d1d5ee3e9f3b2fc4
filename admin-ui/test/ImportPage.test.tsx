import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AdminContext } from 'react-admin';
import { i18nProvider } from '../src/i18n/i18nProvider';
import { ImportPage } from '../src/imports/ImportPage';
import { mockFetch } from './fetchMock';

const renderPage = () =>
  render(
    <AdminContext i18nProvider={i18nProvider}>
      <ImportPage />
    </AdminContext>,
  );

const job = (state: string, done: number, counts: Record<string, number>, result?: unknown) => ({
  id: '7f0c1a2e-0000-4000-8000-000000000001',
  kind: 'CDR_IMPORT',
  state,
  done,
  total: 30,
  counts,
  result,
});

describe('ImportPage', () => {
  it('uploads the file as text/csv with mapping and source, then follows the job to its end', async () => {
    document.cookie = 'XSRF-TOKEN=imp-tok; path=/';
    let reads = 0;
    const seen = mockFetch((req) => {
      if (req.url.pathname === '/api/v1/cdr-mappings') {
        return { body: [{ name: 'asterisk-default', format: 'ASTERISK_CSV', definition: {} }] };
      }
      if (req.url.pathname === '/api/v1/cdrs/import') {
        return { status: 202, body: job('RUNNING', 0, {}) };
      }
      reads++;
      return {
        body:
          reads === 1
            ? job('RUNNING', 12, { RATED: 10, REFUSED: 2 })
            : job('SUCCEEDED', 30, { RATED: 21, REJECTED: 4, DUPLICATE: 1, REFUSED: 4 }, {
                refusedCount: 4,
                refused: [{ line: 19, reason: 'wrong field count: expected 16 to 21, found 8' }],
              }),
      };
    });
    renderPage();
    await waitFor(() => expect((screen.getByTestId('import-mapping') as HTMLInputElement).value).toBe('asterisk-default'));
    // a file as the platform's fetch can send it (jsdom's own File is not a body Node's fetch reads)
    const blob = await new Response('"","79161234567","78005553535"\n').blob();
    const file = Object.assign(blob, { name: 'Master.csv' }) as File;
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
    fireEvent.change(screen.getByTestId('import-source'), { target: { value: 'pbx-msk-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Импортировать' }));

    await waitFor(() => expect(screen.getByTestId('job-state').textContent).toBe('Завершено'), { timeout: 4000 });
    const upload = seen.find((r) => r.url.pathname === '/api/v1/cdrs/import')!;
    expect(upload.method).toBe('POST');
    expect(upload.url.searchParams.get('mapping')).toBe('asterisk-default');
    expect(upload.url.searchParams.get('source')).toBe('pbx-msk-1');
    expect(upload.headers.get('Content-Type')).toBe('text/csv');
    expect(upload.headers.get('X-XSRF-TOKEN')).toBe('imp-tok');
    expect(upload.body).toBe('"","79161234567","78005553535"\n');
    expect(seen.filter((r) => r.url.pathname.startsWith('/api/v1/jobs/'))).toHaveLength(2);

    expect(screen.getByTestId('job-done').textContent).toBe('30 из 30 строк');
    expect(screen.getByTestId('count-RATED').textContent).toBe('21');
    expect(screen.getByTestId('count-REFUSED').textContent).toBe('4');
    const refused = screen.getByTestId('refused-lines');
    expect(within(refused).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '19',
      '',
      'wrong field count: expected 16 to 21, found 8',
    ]);
  });

  it('shows the problem naming the field when the server refuses the import', async () => {
    mockFetch((req) => {
      if (req.url.pathname === '/api/v1/cdr-mappings') return { body: [{ name: 'freeswitch-default', format: 'FREESWITCH_CSV', definition: {} }] };
      return {
        status: 400,
        contentType: 'application/problem+json',
        body: { title: 'Invalid request', status: 400, detail: 'body: the file is empty', errors: [{ field: 'body', message: 'the file is empty' }] },
      };
    });
    renderPage();
    await waitFor(() => expect((screen.getByTestId('import-mapping') as HTMLInputElement).value).toBe('freeswitch-default'));
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [new File([' '], 'empty.csv')] } });
    fireEvent.change(screen.getByTestId('import-source'), { target: { value: 'fs-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Импортировать' }));
    const problem = await screen.findByTestId('problem');
    expect(within(problem).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['body: the file is empty']);
  });
});
