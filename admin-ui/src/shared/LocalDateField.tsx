import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';

const BROWSER_LOCALES: Record<string, string> = { ru: 'ru-RU', en: 'en-GB' };

/** A DateField formatted for the UI language rather than the browser's. */
export const LocalDateField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField locales={BROWSER_LOCALES[locale] ?? locale} {...props} />;
};

/** Formats an ISO date-time for the UI language, for tables built outside react-admin fields. */
export const useDateTimeText = () => {
  const [locale] = useLocaleState();
  return (iso?: string) => (iso ? new Date(iso).toLocaleString(BROWSER_LOCALES[locale] ?? locale) : '');
};
