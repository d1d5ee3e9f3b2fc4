import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AdminContext } from 'react-admin';
import { i18nProvider } from '../src/i18n/i18nProvider';
import { PublishDialog } from '../src/tariffs/PublishDialog';
import { mockFetch } from './fetchMock';

const CODE = 'CC-STANDARD-2026';

const renderDialog = (onPublished = vi.fn(), now = () => new Date('2026-11-26T12:00:00Z')) =>
  render(
    <AdminContext i18nProvider={i18nProvider}>
      <PublishDialog code={CODE} version={4} open onClose={() => {}} onPublished={onPublished} now={now} />
    </AdminContext>,
  );

describe('PublishDialog', () => {
  it('proposes the next Moscow midnight and posts it as ISO-8601 with +03:00', async () => {
    document.cookie = 'XSRF-TOKEN=pub-tok; path=/';
    const seen = mockFetch(({ body }) => ({ body: { tariff: CODE, version: 4, state: 'PUBLISHED', ...(body as object) } }));
    const onPublished = vi.fn();
    renderDialog(onPublished);

    const input = screen.getByTestId('effective-from') as HTMLInputElement;
    expect(input.value).toBe('27.11.2026 00:00'); // typed the Russian way (dd.mm.yyyy hh:mm)
    expect(screen.getByTestId('effective-from-iso').textContent).toBe('2026-11-27T00:00:00+03:00');
    expect(screen.getByText('Московское время (UTC+03:00)')).toBeTruthy();

    fireEvent.click(screen.getByTestId('publish-confirm'));
    await waitFor(() => expect(onPublished).toHaveBeenCalled());
    expect(seen).toHaveLength(1);
    expect(seen[0].method).toBe('POST');
    expect(seen[0].url.pathname).toBe(`/api/v1/tariffs/${CODE}/versions/4/publish`);
    expect(seen[0].body).toEqual({ effectiveFrom: '2026-11-27T00:00:00+03:00' });
    expect(seen[0].headers.get('X-XSRF-TOKEN')).toBe('pub-tok');
    expect(onPublished.mock.calls[0][0]).toMatchObject({ state: 'PUBLISHED' });
  });

  it('sends the date and time the manager typed, read as Moscow time', async () => {
    document.cookie = 'XSRF-TOKEN=pub-tok; path=/';
    const seen = mockFetch(() => ({ body: { tariff: CODE, version: 4, state: 'PUBLISHED' } }));
    const onPublished = vi.fn();
    renderDialog(onPublished);
    fireEvent.change(screen.getByTestId('effective-from'), { target: { value: '2026-12-01T10:30' } });
    expect(screen.getByTestId('effective-from-iso').textContent).toBe('2026-12-01T10:30:00+03:00');
    fireEvent.click(screen.getByTestId('publish-confirm'));
    await waitFor(() => expect(onPublished).toHaveBeenCalled());
    expect(seen[0].body).toEqual({ effectiveFrom: '2026-12-01T10:30:00+03:00' });
  });

  it('shows the errors of a 422 problem and stays open', async () => {
    mockFetch(() => ({
      status: 422,
      contentType: 'application/problem+json',
      body: {
        title: 'Unprocessable Entity',
        status: 422,
        detail: 'The version cannot be published',
        errors: [
          { field: 'effectiveFrom', message: 'falls in the closed period 2026-10' },
          { field: 'network-minute.dmn', message: 'does not compile' },
        ],
      },
    }));
    const onPublished = vi.fn();
    renderDialog(onPublished);
    fireEvent.click(screen.getByTestId('publish-confirm'));
    const problem = await screen.findByTestId('problem');
    expect(problem.textContent).toContain('Unprocessable Entity (422)');
    expect(problem.textContent).toContain('The version cannot be published');
    expect(within(problem).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'effectiveFrom: falls in the closed period 2026-10',
      'network-minute.dmn: does not compile',
    ]);
    expect(onPublished).not.toHaveBeenCalled();
    expect(screen.getByTestId('publish-dialog')).toBeTruthy();
  });

  it('refuses to send an empty date', () => {
    const seen = mockFetch(() => ({ body: {} }));
    renderDialog();
    fireEvent.change(screen.getByTestId('effective-from'), { target: { value: '' } });
    expect((screen.getByTestId('publish-confirm') as HTMLButtonElement).disabled).toBe(true);
    expect(seen).toHaveLength(0);
  });
});
