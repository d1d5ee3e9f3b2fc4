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
