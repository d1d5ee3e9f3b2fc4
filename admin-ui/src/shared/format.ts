import { useLocaleState } from 'react-admin';

/**
 * The one place that turns money, rates, dates and months into text and reads amounts typed by people.
 * Money stays a decimal string end to end (the server's exact value): it is never a JavaScript number, so no
 * kopeck is lost to floating point. Russian: 1 234 567,89 ₽, 31.03.2026, «март 2026»; English: 1,234,567.89 ₽,
 * 31/03/2026, "March 2026".
 */

const NBSP = '\u00a0';
const NARROW_NBSP = '\u202f';

const SEPARATORS: Record<string, { group: string; decimal: string }> = {
  ru: { group: NBSP, decimal: ',' },
  en: { group: ',', decimal: '.' },
};

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/**
 * A decimal string ("-1234567.8", "0.3800") with grouped thousands and at least `minDecimals` decimals (extra
 * decimals the value carries, e.g. a per-second rate of 4, are kept). Anything that is not a decimal is shown as it is.
 */
export function formatDecimal(value: string | number | undefined | null, locale: string, minDecimals = 2): string {
  if (value === undefined || value === null || value === '') return '';
  const text = typeof value === 'number' ? String(value) : value.trim();
  const m = DECIMAL.exec(text);
  if (!m) return text;
  const { group, decimal } = SEPARATORS[locale] ?? SEPARATORS.ru;
  const [, sign, whole, fraction = ''] = m;
  const digits = whole.replace(/^0+(?=\d)/, '');
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const decimals = fraction.length >= minDecimals ? fraction : fraction.padEnd(minDecimals, '0');
  const minus = sign === '-' && /[1-9]/.test(digits + decimals) ? '−' : '';
  return `${minus}${grouped}${decimals ? decimal + decimals : ''}`;
}

/** An amount of money in roubles: "1 234 567,89 ₽". */
export function formatMoney(value: string | number | undefined | null, locale: string): string {
  const text = formatDecimal(value, locale, 2);
  return text ? `${text}${NBSP}₽` : '';
}

/** A VAT rate given as a percentage ("22") or a fraction ("0.22"): "22%". */
export function formatVatRate(rate: string | number | undefined | null): string {
  if (rate === undefined || rate === null || rate === '') return '';
  const n = Number(rate);
  if (Number.isNaN(n)) return String(rate);
  const percent = n > 0 && n < 1 ? Math.round(n * 10000) / 100 : n;
  return `${String(percent).replace('.', ',')}%`;
}

/** A calendar date "2026-03-31" (or the date of an ISO instant's first 10 characters) as 31.03.2026 / 31/03/2026. */
export function formatDate(iso: string | undefined | null, locale: string): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return locale === 'en' ? `${m[3]}/${m[2]}/${m[1]}` : `${m[3]}.${m[2]}.${m[1]}`;
}

const MONTHS_RU = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь',
  'ноябрь', 'декабрь'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

/** A month "2026-03" as «март 2026» / "March 2026". */
export function formatMonth(month: string | undefined | null, locale: string): string {
  if (!month) return '';
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const names = locale === 'en' ? MONTHS_EN : MONTHS_RU;
  return `${names[Number(m[2]) - 1]} ${m[1]}`;
}

/**
 * Reads an amount as people type it: "100 000,50", "100000.50", "1 234,5" (spaces, non-breaking spaces, a decimal
 * comma or point, an optional minus and "₽"). Answers the decimal string the API takes ("100000.50"), or undefined
 * when it is not an amount with at most `maxDecimals` decimals.
 */
export function parseAmount(input: string, maxDecimals = 2): string | undefined {
  const compact = input.replace(/[\s\u00a0\u202f]/g, '').replace(/₽$|руб\.?$/i, '').replace('−', '-');
  const m = /^([+-]?)(\d+)(?:[.,](\d+))?$/.exec(compact);
  if (!m || (m[3] ?? '').length > maxDecimals) return undefined;
  return `${m[1] === '-' ? '-' : ''}${m[2]}${m[3] ? `.${m[3]}` : ''}`;
}

/** The formatters bound to the UI language. */
export function useFormat() {
  const [locale] = useLocaleState();
  return {
    locale,
    money: (v: string | number | undefined | null) => formatMoney(v, locale),
    decimal: (v: string | number | undefined | null, minDecimals = 2) => formatDecimal(v, locale, minDecimals),
    vatRate: formatVatRate,
    date: (iso: string | undefined | null) => formatDate(iso, locale),
    month: (m: string | undefined | null) => formatMonth(m, locale),
  };
}

export { NBSP, NARROW_NBSP };
