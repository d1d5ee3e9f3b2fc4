import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { AdminContext } from 'react-admin';
import { i18nProvider } from '../src/i18n/i18nProvider';
import { RuDateField, formatRuDate, parseRuDate, parseRuDateTime } from '../src/shared/RuDateInput';

describe('dates typed the Russian way', () => {
  it('reads dd.mm.yyyy (and an ISO date) and writes it back as dd.mm.yyyy', () => {
    expect(parseRuDate('31.03.2026')).toBe('2026-03-31');
    expect(parseRuDate('1.4.2026')).toBe('2026-04-01');
    expect(parseRuDate('31032026')).toBe('2026-03-31');
    expect(parseRuDate('2026-03-31')).toBe('2026-03-31');
    expect(parseRuDate('31.02.2026')).toBeUndefined();
    expect(parseRuDate('03/31/2026')).toBeUndefined();
    expect(parseRuDateTime('31.03.2026 14:30')).toBe('2026-03-31T14:30');
    expect(parseRuDateTime('31.03.2026')).toBe('2026-03-31T00:00');
    expect(parseRuDateTime('31.03.2026 24:00')).toBeUndefined();
    expect(formatRuDate('2026-03-31')).toBe('31.03.2026');
    expect(formatRuDate('2026-03-31T14:30', true)).toBe('31.03.2026 14:30');
  });

  it('shows the ISO value as dd.mm.yyyy, passes on what is typed once it is a date, and says how to type it', () => {
    const seen: string[] = [];
    const Form = () => {
      const [value, setValue] = useState('2026-03-01');
      return <RuDateField label="С" value={value} onChange={(v) => { seen.push(v); setValue(v); }} testId="d" />;
    };
    render(
      <AdminContext i18nProvider={i18nProvider}>
        <Form />
      </AdminContext>,
    );
    const input = screen.getByTestId('d') as HTMLInputElement;
    expect(input.value).toBe('01.03.2026');
    expect(input.placeholder).toBe('дд.мм.гггг');
    fireEvent.change(input, { target: { value: '15.04' } });
    expect(seen).toEqual([]);
    expect(screen.getByText('Дата в виде дд.мм.гггг, например 31.03.2026')).toBeTruthy();
    fireEvent.change(input, { target: { value: '15.04.2026' } });
    expect(seen).toEqual(['2026-04-15']);
  });
});
