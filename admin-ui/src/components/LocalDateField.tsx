import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';

const BROWSER_LOCALES: Record<string, string> = { ru: 'ru-RU', en: 'en-GB' };

/** A DateField formatted for the UI language rather than the browser's. */
export const LocalDateField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField locales={BROWSER_LOCALES[locale] ?? locale} {...props} />;
};
