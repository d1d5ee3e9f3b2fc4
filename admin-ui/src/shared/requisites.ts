/**
 * Check digits of Russian requisites, the same rule the server applies (billing-core `account.Inn`), so a mistyped
 * number is caught while it is typed.
 */
const weights10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const weights11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const weights12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

const check = (digits: number[], weights: number[]) => (weights.reduce((sum, w, i) => sum + w * digits[i], 0) % 11) % 10;

/** ИНН: 10 digits (a company) or 12 (an individual entrepreneur) with matching check digits. */
export function innValid(inn: string): boolean {
  if (!/^(\d{10}|\d{12})$/.test(inn)) return false;
  const d = [...inn].map(Number);
  if (d.length === 10) return check(d, weights10) === d[9];
  return check(d, weights11) === d[10] && check(d, weights12) === d[11];
}

/** A react-admin validator: empty passes (the field is optional), a wrong INN names the reason. */
export const validateInn = (value: unknown) =>
  value === undefined || value === null || value === '' || innValid(String(value).trim())
    ? undefined
    : 'app.validation.inn';

// ---- КПП, ОГРН/ОГРНИП, БИК and the settlement account: the server's account.Kpp, account.Ogrn, account.Bik

/** КПП: 9 digits, a tax office (not 0000) and a reason of registration (not 00). */
export function kppValid(kpp: string): boolean {
  return /^\d{9}$/.test(kpp) && !kpp.startsWith('0000') && kpp.slice(4, 6) !== '00';
}

/** ОГРН (13 digits, the first 12 mod 11) or ОГРНИП (15, the first 14 mod 13), the last digit of the rest. */
export function ogrnValid(ogrn: string): boolean {
  if (!/^(\d{13}|\d{15})$/.test(ogrn)) return false;
  const body = BigInt(ogrn.slice(0, -1));
  const divisor = BigInt(ogrn.length === 13 ? 11 : 13);
  return Number((body % divisor) % 10n) === Number(ogrn[ogrn.length - 1]);
}

/** БИК of a Russian bank: 9 digits starting with 04. */
export function bikValid(bik: string): boolean {
  return /^04\d{7}$/.test(bik);
}

/** The settlement account's control key against the bank's БИК (weights 7, 1, 3; the sum ends in 0). */
export function settlementAccountValid(bik: string, account: string): boolean {
  if (!bikValid(bik) || !/^\d{20}$/.test(account)) return false;
  const digits = bik.slice(6) + account;
  const weights = [7, 1, 3];
  return [...digits].reduce((sum, d, i) => sum + Number(d) * weights[i % 3], 0) % 10 === 0;
}

const empty = (value: unknown) => value === undefined || value === null || String(value).trim() === '';

/** react-admin validators: empty passes (the fields are optional), a wrong number names the reason. */
export const validateKpp = (value: unknown) => (empty(value) || kppValid(String(value).trim()) ? undefined : 'app.validation.kpp');
export const validateOgrn = (value: unknown) => (empty(value) || ogrnValid(String(value).trim()) ? undefined : 'app.validation.ogrn');
export const validateBik = (value: unknown) => (empty(value) || bikValid(String(value).trim()) ? undefined : 'app.validation.bik');
export const validateSettlementAccount = (value: unknown, values: { bik?: string }) => {
  if (empty(value)) return undefined;
  if (empty(values?.bik)) return 'app.validation.bik_first';
  return settlementAccountValid(String(values.bik).trim(), String(value).trim()) ? undefined : 'app.validation.settlement_account';
};
