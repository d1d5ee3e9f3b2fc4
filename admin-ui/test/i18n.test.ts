import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en';
import { ru } from '../src/i18n/ru';
import { i18nProvider, messages } from '../src/i18n/i18nProvider';

/** Every leaf key of a message tree, dotted. */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('translations', () => {
  it('ru and en application messages have the same keys', () => {
    const ruKeys = keys(ru).sort();
    const enKeys = keys(en).sort();
    expect(ruKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
    expect(enKeys.filter((k) => !ruKeys.includes(k))).toEqual([]);
    expect(ruKeys.length).toBeGreaterThan(50);
  });

  it('no message is empty and Russian differs from English for labels', () => {
    const get = (tree: object, key: string) =>
      key.split('.').reduce<any>((node, part) => node[part], tree) as string;
    for (const key of keys(en)) {
      expect(get(en, key).trim(), key).not.toBe('');
      expect(get(ru, key).trim(), key).not.toBe('');
    }
    expect(get(ru, 'resources.cdrs.fields.startTime')).not.toBe(get(en, 'resources.cdrs.fields.startTime'));
  });

  it('the Russian bundle has every react-admin key of the English one', () => {
    const enAll = keys(messages.en);
    const ruAll = new Set(keys(messages.ru));
    expect(enAll.filter((k) => !ruAll.has(k))).toEqual([]);
  });

  it('Russian is the default locale and English can be chosen', async () => {
    expect(i18nProvider.getLocale()).toBe('ru');
    expect(i18nProvider.translate('app.title')).toBe('Биллинг КЦ');
    expect(i18nProvider.translate('resources.cdrs.name', { smart_count: 2 })).toBe('Записи CDR');
    expect(i18nProvider.translate('ra.action.save')).toBe('Сохранить');
    await i18nProvider.changeLocale('en');
    expect(i18nProvider.translate('app.title')).toBe('CC Billing');
    expect(i18nProvider.translate('resources.cdrs.name', { smart_count: 2 })).toBe('CDRs');
    expect(i18nProvider.getLocales!().map((l) => l.locale)).toEqual(['ru', 'en']);
    await i18nProvider.changeLocale('ru');
  });
});

describe('empty lists', () => {
  it('name what is missing in the right Russian case', () => {
    i18nProvider.changeLocale('ru');
    const name = i18nProvider.translate('resources.cdrs.forcedCaseName', { smart_count: 0 });
    expect(i18nProvider.translate('ra.page.empty', { name })).toBe('Нет записей CDR.');
  });
});
