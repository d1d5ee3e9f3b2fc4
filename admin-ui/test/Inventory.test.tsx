import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AdminContext } from 'react-admin';
import { i18nProvider } from '../src/i18n/i18nProvider';
import { BulkActionDialog, CapacityPage, HistoryTimeline } from '../src/inventory/screens';
import { ResourceStatusChip } from '../src/inventory/ResourceStatusChip';
import { resourceQuery } from '../src/inventory/dataProvider';
import { mockFetch } from './fetchMock';

const inAdmin = (ui: React.ReactElement) => render(<AdminContext i18nProvider={i18nProvider}>{ui}</AdminContext>);

describe('network inventory', () => {
  it('shows the four statuses as Russian chips', () => {
    inAdmin(
      <>
        {['FREE', 'BUSY', 'RESERVED', 'QUARANTINE'].map((s) => (
          <ResourceStatusChip key={s} value={s} />
        ))}
      </>,
    );
    expect(screen.getAllByTestId('resource-status').map((c) => c.textContent)).toEqual([
      'Свободен',
      'Занят',
      'Резерв',
      'Отстойник',
    ]);
  });

  it('sends the list filters to the server, pages zero-based', () => {
    expect(
      resourceQuery({
        pagination: { page: 2, perPage: 25 },
        filter: { pool: '800-MSK', status: 'QUARANTINE', from: '78000000000', to: ' 78000000999 ', account: '' },
      }),
    ).toEqual({ page: 1, size: 25, pool: '800-MSK', status: 'QUARANTINE', from: '78000000000', to: '78000000999' });
  });

  it('shows the history as a timeline with who and why', () => {
    inAdmin(
      <HistoryTimeline
        history={[
          { status: 'BUSY', action: 'ASSIGNED', account: 'ACC-1001', from: '2026-01-01', actor: 'netops', at: '2026-01-01T09:00:00Z' },
          { status: 'QUARANTINE', action: 'RELEASED', account: 'ACC-1001', from: '2026-10-01', to: '2026-12-30', actor: 'netops', reason: 'расторжение', at: '2026-10-01T09:00:00Z' },
        ]}
      />,
    );
    const entries = screen.getAllByTestId('history-entry').map((e) => e.textContent);
    expect(entries[0]).toContain('Закреплён · ACC-1001');
    expect(entries[1]).toContain('Отстойник');
    expect(entries[1]).toContain('2026-10-01 — 2026-12-30 · netops · расторжение');
  });

  it('flags a pool below its low-water mark on the capacity dashboard', async () => {
    mockFetch(() => ({
      body: [
        { pool: '800-MSK', kind: 'TOLL_FREE_800', free: 1, busy: 2, reserved: 0, quarantine: 1, total: 4, lowWaterMark: 2, belowLowWater: true },
        { pool: 'LINES-MSK', kind: 'LINE', free: 40, busy: 0, reserved: 0, quarantine: 0, total: 40, lowWaterMark: 10, belowLowWater: false },
      ],
    }));
    inAdmin(<CapacityPage />);
    await waitFor(() => expect(screen.getAllByTestId('capacity-row')).toHaveLength(2));
    const [low, fine] = screen.getAllByTestId('capacity-row');
    expect(within(low).getByText('Меньше остатка 2')).toBeTruthy();
    expect(within(fine).queryByText(/Меньше остатка/)).toBeNull();
  });

  it('reserves a selection in bulk and shows what could not change', async () => {
    document.cookie = 'XSRF-TOKEN=inv-tok; path=/';
    const seen = mockFetch(() => ({
      status: 409,
      body: {
        title: 'Конфликт',
        status: 409,
        detail: 'не изменён ни один ресурс: 1 из 2 нельзя изменить',
        errors: [{ field: '78009990000', message: 'ресурс 78009990000 в статусе «Занят» (BUSY) за лицевым счётом ACC-1001: его можно только освободить' }],
      },
      contentType: 'application/problem+json',
    }));
    inAdmin(<BulkActionDialog action="RESERVE" resources={['78009990000', '78009990001']} onClose={() => {}} />);
    fireEvent.change(screen.getByTestId('bulk-reservedFor'), { target: { value: 'ООО «Перспектива»' } });
    fireEvent.change(screen.getByTestId('bulk-until'), { target: { value: '2027-01-10T12:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Применить' }));
    expect((await screen.findByTestId('bulk-problem')).textContent).toContain('78009990000: ресурс 78009990000 в статусе «Занят»');
    const post = seen.find((r) => r.method === 'POST')!;
    expect(post.url.pathname).toBe('/api/v1/inventory/resources/bulk');
    expect(post.body).toMatchObject({ action: 'RESERVE', resources: ['78009990000', '78009990001'], reservedFor: 'ООО «Перспектива»' });
  });
});
