import { describe, expect, it } from 'vitest';
import {
  bikValid,
  innValid,
  kppValid,
  ogrnValid,
  settlementAccountValid,
  validateSettlementAccount,
} from '../src/shared/requisites';

/** The same numbers as the server's RequisitesTest: typed checks agree with the server's. */
describe('requisites', () => {
  it('checks КПП, ОГРН/ОГРНИП, БИК and the settlement account key like the server', () => {
    expect(innValid('7707083893')).toBe(true);
    expect(kppValid('770101001')).toBe(true);
    expect(kppValid('000001001')).toBe(false);
    expect(kppValid('770100001')).toBe(false);
    expect(ogrnValid('1027700132195')).toBe(true);
    expect(ogrnValid('1027700132196')).toBe(false);
    expect(ogrnValid('304500116000157')).toBe(true);
    expect(ogrnValid('304500116000158')).toBe(false);
    expect(bikValid('044525225')).toBe(true);
    expect(bikValid('144525225')).toBe(false);
    expect(settlementAccountValid('044525225', '40702810938000012345')).toBe(true);
    expect(settlementAccountValid('044525225', '40702810938000012346')).toBe(false);
    expect(settlementAccountValid('044525593', '40702810938000012345')).toBe(false);
    expect(validateSettlementAccount('40702810938000012345', {})).toBe('app.validation.bik_first');
    expect(validateSettlementAccount('40702810938000012345', { bik: '044525225' })).toBeUndefined();
  });
});
