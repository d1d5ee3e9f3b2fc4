import { api } from '../api/client';
import { attempt, type Outcome } from '../api/action';
import type { components } from '../api/schema';

/** Client tariffs built by sales (issue 17): a standard tariff plus adjustments, quoted, approved, published. */
export type ClientTariff = components['schemas']['ClientTariff'];
export type TariffAdjustments = components['schemas']['TariffAdjustments'];
export type PriceCell = components['schemas']['PriceCell'];
export type ServiceGroup = components['schemas']['ServiceGroup'];
export type Quote = components['schemas']['Quote'];
export type QuoteRequest = components['schemas']['QuoteRequest'];
export type ClientTariffRebase = components['schemas']['ClientTariffRebase'];

export const SERVICE_GROUPS: ServiceGroup[] = [
  'NETWORK',
  'OPERATOR',
  'IVR',
  'POST_PROCESSING',
  'OUTBOUND',
  'ONE_TIME',
  'MONTHLY_FEES',
];

const path = (code: string) => ({ params: { path: { code } } });

export const salesApi = {
  list: () => attempt(api.GET('/api/v1/sales/tariffs')),
  get: (code: string) => attempt(api.GET('/api/v1/sales/tariffs/{code}', path(code))),
  create: (body: components['schemas']['NewClientTariff']) => attempt(api.POST('/api/v1/sales/tariffs', { body })),
  update: (code: string, body: TariffAdjustments) =>
    attempt(api.PUT('/api/v1/sales/tariffs/{code}', { ...path(code), body })),
  submit: (code: string) => attempt(api.POST('/api/v1/sales/tariffs/{code}/submit', path(code))),
  approve: (code: string, acknowledgeBelowFloor: boolean, comment?: string) =>
    attempt(api.POST('/api/v1/sales/tariffs/{code}/approve', { ...path(code), body: { acknowledgeBelowFloor, comment } })),
  giveBack: (code: string, comment: string) =>
    attempt(api.POST('/api/v1/sales/tariffs/{code}/return', { ...path(code), body: { comment } })),
  publish: (code: string, account: string, from: string) =>
    attempt(api.POST('/api/v1/sales/tariffs/{code}/publish', { ...path(code), body: { account, from } })),
  rebase: (code: string) => attempt(api.POST('/api/v1/sales/tariffs/{code}/rebase', path(code))),
  quote: (code: string, body: QuoteRequest) =>
    attempt(api.POST('/api/v1/sales/tariffs/{code}/quote', { ...path(code), body })),
  setFloor: (body: components['schemas']['PriceFloor']) => attempt(api.PUT('/api/v1/sales/floors', { body })),
  /** the commercial offer PDF, as a Blob */
  offer: async (code: string, body: QuoteRequest): Promise<Outcome<Blob>> =>
    attempt(
      api.POST('/api/v1/sales/tariffs/{code}/offer', { ...path(code), body, parseAs: 'blob' }) as Promise<{
        data?: Blob;
        error?: unknown;
        response: Response;
      }>,
    ),
};

/** The adjustments as the builder form edits them: a percent per group, a price per overridden cell. */
export interface BuilderForm {
  discounts: Partial<Record<ServiceGroup, string>>;
  overrides: Record<string, string>;
  minimum: string;
}

export const cellKey = (c: { model: string; rule: string }) => `${c.model}#${c.rule}`;

export function toForm(t: ClientTariff): BuilderForm {
  const discounts: Partial<Record<ServiceGroup, string>> = {};
  (t.adjustments.discounts ?? []).forEach((d) => (discounts[d.group] = String(d.percent)));
  const overrides: Record<string, string> = {};
  (t.adjustments.overrides ?? []).forEach((o) => (overrides[cellKey(o)] = o.price));
  return { discounts, overrides, minimum: t.adjustments.minimumMonthlyPayment ?? '' };
}

/** The form as the API's adjustments; empty inputs are left out, the server validates the rest. */
export function toAdjustments(form: BuilderForm): TariffAdjustments {
  const discounts = SERVICE_GROUPS.filter((g) => (form.discounts[g] ?? '').trim() !== '').map((g) => ({
    group: g,
    percent: Number((form.discounts[g] ?? '').replace(',', '.')),
  }));
  const overrides = Object.entries(form.overrides)
    .filter(([, price]) => price.trim() !== '')
    .map(([key, price]) => {
      const [model, rule] = key.split('#');
      return { model, rule, price: price.trim().replace(',', '.') };
    });
  const minimum = form.minimum.trim().replace(',', '.');
  return { discounts, overrides, ...(minimum ? { minimumMonthlyPayment: minimum } : {}) };
}

/** round_half_up(r × (1 − p/100), 2), as the server compiles it: a preview of the client's price in the form */
export function discounted(rate: string, percent: string | undefined): string {
  const p = Number((percent ?? '').replace(',', '.'));
  if (!percent || Number.isNaN(p)) return rate;
  const kopecks = Math.round(Number(rate) * 100 * (100 - p));
  // kopecks × 100: integer arithmetic, then half up at the kopeck
  const value = Math.floor((kopecks + 50) / 100) / 100;
  return value.toFixed(2);
}

/** A month of expected traffic as the quote form edits it (text inputs; empty ones are left out). */
export interface ProfileForm {
  network: Record<string, string>;
  operators: Record<string, string>;
  ivr: string;
  post: string;
  numbers: string;
  seats: string;
}

export const NETWORK_KEYS = ['LOCAL/PEAK', 'LOCAL/OFF_PEAK', 'INTERCITY/PEAK', 'INTERCITY/OFF_PEAK', 'MOBILE/PEAK', 'MOBILE/OFF_PEAK'];
export const SITES = ['MSK', 'NSK', 'REMOTE'];

export const emptyProfile = (): ProfileForm => ({ network: {}, operators: {}, ivr: '', post: '', numbers: '', seats: '' });

const quantity = (text: string | undefined) => {
  const value = Number((text ?? '').trim().replace(',', '.'));
  return (text ?? '').trim() === '' || Number.isNaN(value) ? undefined : value;
};

export function toProfile(form: ProfileForm): components['schemas']['TrafficProfile'] {
  const networkMinutes = NETWORK_KEYS.filter((k) => quantity(form.network[k]) !== undefined).map((k) => {
    const [origin, band] = k.split('/');
    return { origin, band, minutes: quantity(form.network[k]) as number };
  });
  const operatorMinutes = SITES.filter((s) => quantity(form.operators[s]) !== undefined)
    .map((site) => ({ site, minutes: quantity(form.operators[site]) as number }));
  return {
    networkMinutes,
    operatorMinutes,
    ...(quantity(form.ivr) !== undefined ? { ivrMinutes: quantity(form.ivr) } : {}),
    ...(quantity(form.post) !== undefined ? { postProcessedCalls: quantity(form.post) } : {}),
    ...(quantity(form.numbers) !== undefined ? { numbers: Math.round(quantity(form.numbers) as number) } : {}),
    ...(quantity(form.seats) !== undefined ? { seats: Math.round(quantity(form.seats) as number) } : {}),
  };
}
