import { describe, expect, it } from 'vitest';
import { discounted, toAdjustments, toForm, type ClientTariff } from '../src/sales/api';

describe('the sales builder form', () => {
  it('previews a discount as the server compiles it: round half up to the kopeck', () => {
    expect(discounted('18.00', '10')).toBe('16.20');
    expect(discounted('12.00', '10')).toBe('10.80');
    expect(discounted('0.45', '10')).toBe('0.41'); // 0.405 → 0.41
    expect(discounted('2.90', undefined)).toBe('2.90');
    expect(discounted('2.90', '')).toBe('2.90');
  });

  it('sends only what was filled in, overrides by model and rule', () => {
    const adjustments = toAdjustments({
      discounts: { OPERATOR: '10', IVR: '' },
      overrides: { 'operator-minute.dmn#OperatorMinute_r1': '16,00', 'network-minute.dmn#NetworkMinute_r1': '' },
      minimum: '20000.00',
    });
    expect(adjustments).toEqual({
      discounts: [{ group: 'OPERATOR', percent: 10 }],
      overrides: [{ model: 'operator-minute.dmn', rule: 'OperatorMinute_r1', price: '16.00' }],
      minimumMonthlyPayment: '20000.00',
    });
  });

  it('reads a tariff back into the form', () => {
    const tariff = {
      code: 'X', name: 'x', baseTariff: 'CC-STANDARD-2026', baseVersion: 1, state: 'DRAFT', workingVersion: 1,
      needsRebase: false,
      adjustments: {
        discounts: [{ group: 'NETWORK', percent: 5 }],
        overrides: [{ model: 'monthly-fees.dmn', rule: 'MonthlyFee_r1', price: '1000.00' }],
      },
    } as ClientTariff;
    expect(toForm(tariff)).toEqual({
      discounts: { NETWORK: '5' },
      overrides: { 'monthly-fees.dmn#MonthlyFee_r1': '1000.00' },
      minimum: '',
    });
  });
});
