import { describe, expect, it } from 'vitest';
import { formatDate, formatDecimal, formatMoney, formatMonth, formatVatRate, parseAmount } from '../src/shared/format';

const NB = '\u00a0';

describe('format', () => {
  it('prints money exactly, grouped the Russian way, with the rouble sign', () => {
    expect(formatMoney('1234567.89', 'ru')).toBe(`1${NB}234${NB}567,89${NB}₽`);
    expect(formatMoney('71.1', 'ru')).toBe(`71,10${NB}₽`);
    expect(formatMoney('-960.32', 'ru')).toBe(`−960,32${NB}₽`);
    expect(formatMoney('-0.00', 'ru')).toBe(`0,00${NB}₽`);
    // a value beyond double precision keeps every digit
    expect(formatMoney('90071992547409931.07', 'ru')).toBe(`90${NB}071${NB}992${NB}547${NB}409${NB}931,07${NB}₽`);
    expect(formatMoney('1234567.89', 'en')).toBe(`1,234,567.89${NB}₽`);
    expect(formatMoney(undefined, 'ru')).toBe('');
  });

  it('keeps the decimals a rate carries', () => {
    expect(formatDecimal('0.3800', 'ru')).toBe('0,3800');
    expect(formatDecimal('1.9', 'ru', 2)).toBe('1,90');
    expect(formatDecimal('12', 'ru', 0)).toBe('12');
  });

  it('prints VAT rates as percentages', () => {
    expect(formatVatRate('0.22')).toBe('22%');
    expect(formatVatRate('22')).toBe('22%');
    expect(formatVatRate('0.1')).toBe('10%');
    expect(formatVatRate(0)).toBe('0%');
  });

  it('prints dates and months the way each language reads them', () => {
    expect(formatDate('2026-03-31', 'ru')).toBe('31.03.2026');
    expect(formatDate('2026-03-31T23:00:00Z', 'ru')).toBe('31.03.2026');
    expect(formatDate('2026-03-31', 'en')).toBe('31/03/2026');
    expect(formatMonth('2026-03', 'ru')).toBe('март 2026');
    expect(formatMonth('2026-12', 'en')).toBe('December 2026');
  });

  it('reads amounts as people type them', () => {
    expect(parseAmount('100 000,50')).toBe('100000.50');
    expect(parseAmount(`1${NB}234,5 ₽`)).toBe('1234.5');
    expect(parseAmount('100000.50')).toBe('100000.50');
    expect(parseAmount('-15')).toBe('-15');
    expect(parseAmount('1,234.50')).toBeUndefined();
    expect(parseAmount('12,345')).toBeUndefined();
    expect(parseAmount('abc')).toBeUndefined();
    expect(parseAmount('')).toBeUndefined();
  });
});

describe('requisites', () => {
  it('checks INN check digits like the server', async () => {
    const { innValid, validateInn } = await import('../src/shared/requisites');
    expect(innValid('7707083893')).toBe(true);
    expect(innValid('500100732259')).toBe(true);
    expect(innValid('7707083894')).toBe(false);
    expect(innValid('500100732258')).toBe(false);
    expect(innValid('12345')).toBe(false);
    expect(validateInn('')).toBeUndefined();
    expect(validateInn('7701234567')).toBe('app.validation.inn');
  });
});
