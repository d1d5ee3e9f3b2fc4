import { useRecordContext } from 'react-admin';
import { useFormat } from './format';

/** A money field of the record in the one format (1 234 567,89 ₽); "—" when absent. */
export const MoneyField = ({ source }: { source: string; label?: string; sortable?: boolean }) => {
  const record = useRecordContext<Record<string, unknown>>();
  const fmt = useFormat();
  const value = record?.[source] as string | undefined;
  return <span data-testid={`money-${source}`}>{value === undefined || value === null ? '—' : fmt.money(value)}</span>;
};

/** A VAT rate field of the record as "22%". */
export const VatRateField = ({ source }: { source: string; label?: string }) => {
  const record = useRecordContext<Record<string, unknown>>();
  const fmt = useFormat();
  return <span>{fmt.vatRate(record?.[source] as string | undefined)}</span>;
};

/** A month field ("2026-03") of the record as «март 2026». */
export const MonthField = ({ source }: { source: string; label?: string }) => {
  const record = useRecordContext<Record<string, unknown>>();
  const fmt = useFormat();
  return <span>{fmt.month(record?.[source] as string | undefined)}</span>;
};
