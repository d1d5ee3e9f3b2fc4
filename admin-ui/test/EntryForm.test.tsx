import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AdminContext } from 'react-admin';
import { i18nProvider } from '../src/i18n/i18nProvider';
import { EntryForm } from '../src/ledger/EntryForm';
import { mockFetch } from './fetchMock';

const renderForm = (onSaved = vi.fn()) => {
  render(
    <AdminContext i18nProvider={i18nProvider}>
      <EntryForm account="ACC-1001" onSaved={onSaved} />
    </AdminContext>,
  );
  return onSaved;
};

const choose = async (kind: string) => {
  fireEvent.mouseDown(screen.getByRole('combobox'));
  fireEvent.click(await screen.findByRole('option', { name: kind }));
};

beforeEach(() => {
  document.cookie = 'XSRF-TOKEN=tok; path=/';
});

describe('EntryForm', () => {
  it('enters a one-time charge with its reason', async () => {
    const seen = mockFetch(() => ({ status: 201, body: { id: 7, amount: '1200.00' } }));
    const onSaved = renderForm();
    const save = screen.getByTestId('entry-save') as HTMLButtonElement;
    fireEvent.change(screen.getByTestId('entry-amount'), { target: { value: '1 200,00' } });
    expect(save.disabled).toBe(true); // a charge needs its reason
    fireEvent.change(screen.getByTestId('entry-reason'), { target: { value: 'Настройка IVR' } });
    fireEvent.click(save);
    // nothing is entered before the person confirms the amount and the account
    expect((await screen.findByTestId('confirm-consequence')).textContent).toContain('на 1\u00a0200,00\u00a0₽ будет проведена по счёту ACC-1001');
    expect(seen).toHaveLength(0);
    fireEvent.click(screen.getByTestId('confirm-action'));
    expect(await screen.findByText(/Проводка 7 на 1.200,00.₽ выполнена/)).toBeTruthy();
    expect(seen[0].url.pathname).toBe('/api/v1/accounts/ACC-1001/charges');
    expect(seen[0].body).toEqual({ kind: 'ONE_TIME_CHARGE', amount: '1200.00', reason: 'Настройка IVR' });
    expect(onSaved).toHaveBeenCalled();
  });

  it('shows the refusal of a deduction over the limit', async () => {
    mockFetch(() => ({
      status: 422,
      contentType: 'application/problem+json',
      body: {
        title: 'Unprocessable', status: 422, detail: 'a deduction may be at most 100000.00',
        errors: [{ field: 'amount', message: 'a deduction may be at most 100000.00' }],
      },
    }));
    const onSaved = renderForm();
    await choose('Вычет');
    fireEvent.change(screen.getByTestId('entry-amount'), { target: { value: '100000.01' } });
    fireEvent.change(screen.getByTestId('entry-reason'), { target: { value: 'компенсация' } });
    fireEvent.click(screen.getByTestId('entry-save'));
    fireEvent.click(await screen.findByTestId('confirm-action'));
    const problem = await screen.findByTestId('problem');
    expect(problem.textContent).toContain('Unprocessable (422)');
    expect(problem.textContent).toContain('amount: a deduction may be at most 100000.00');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('registers a payment with its payment order', async () => {
    const seen = mockFetch(() => ({ status: 201, body: { id: 8, amount: '-5000.00' } }));
    renderForm();
    await choose('Оплата');
    fireEvent.change(screen.getByTestId('entry-amount'), { target: { value: '5000.00' } });
    fireEvent.change(screen.getByLabelText('Платёжное поручение'), { target: { value: 'ПП-17' } });
    fireEvent.click(screen.getByTestId('entry-save'));
    fireEvent.click(await screen.findByTestId('confirm-action'));
    await waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0].url.pathname).toBe('/api/v1/accounts/ACC-1001/payments');
    expect(seen[0].body).toEqual({ amount: '5000.00', reference: 'ПП-17' });
  });

  it('refuses an amount that is not one before anything is sent', async () => {
    const seen = mockFetch(() => ({ status: 201, body: { id: 9, amount: '1.00' } }));
    renderForm();
    await choose('Оплата');
    fireEvent.change(screen.getByTestId('entry-amount'), { target: { value: '12,345' } });
    expect(await screen.findByText('Введите сумму цифрами, например 100 000,50')).toBeTruthy();
    expect((screen.getByTestId('entry-save') as HTMLButtonElement).disabled).toBe(true);
    expect(seen).toHaveLength(0);
  });
});
