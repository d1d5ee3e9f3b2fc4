import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import russianMessages from 'ra-language-russian';
import { mergeTranslations, type TranslationMessages } from 'react-admin';
import { en } from './en';
import { ru } from './ru';

export const DEFAULT_LOCALE = 'ru';

export const locales = [
  { locale: 'ru', name: 'Русский' },
  { locale: 'en', name: 'English' },
];

// ra-language-russian 5.4 lacks a few newer react-admin keys: English fills the gaps.
export const messages: Record<string, TranslationMessages> = {
  ru: mergeTranslations(englishMessages, russianMessages, ru) as TranslationMessages,
  en: mergeTranslations(englishMessages, en) as TranslationMessages,
};

export const i18nProvider = polyglotI18nProvider(
  (locale) => messages[locale] ?? messages[DEFAULT_LOCALE],
  DEFAULT_LOCALE,
  locales,
  { allowMissing: true },
);
