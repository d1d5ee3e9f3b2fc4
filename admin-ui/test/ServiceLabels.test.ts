import { describe, expect, it } from 'vitest';
import { i18nProvider } from '../src/i18n/i18nProvider';
import {
  CALL_TYPES,
  DIRECTIONS,
  LINE_COMPONENTS,
  NUMBER_KINDS,
  OTHER_COMPONENTS,
  SERVICES,
  STAGE_TYPES,
  codeLabel,
  type CodeGroup,
} from '../src/shared/codes';

// the contract itself, as text (the generated schema has its enums as types only); node's fs, typed loosely (this
// project has no @types/node)
const fsModule: string = 'node:fs';
const { readFileSync } = await import(/* @vite-ignore */ fsModule);
const cwd: string = (globalThis as unknown as { process: { cwd(): string } }).process.cwd(); // admin-ui
const contract: string = readFileSync(`${cwd}/../api-spec/openapi.yaml`, 'utf8');

/** The values of the first `enum: [...]` (one or several lines) after `anchor` in the contract. */
function contractEnum(anchor: string): string[] {
  const at = contract.indexOf(anchor);
  expect(at, anchor).toBeGreaterThan(-1);
  const open = contract.indexOf('enum: [', at);
  const close = contract.indexOf(']', open);
  return contract
    .slice(open + 'enum: ['.length, close)
    .split(',')
    .map((v: string) => v.trim())
    .filter(Boolean);
}

const translateIn = (locale: string) => {
  const t = (key: string, options?: Record<string, unknown>) => {
    // i18nProvider.translate follows the current locale
    return i18nProvider.translate(key, options);
  };
  return async () => {
    await i18nProvider.changeLocale(locale);
    return t;
  };
};

describe('codes have names in Russian and English', () => {
  it('the UI lists every value of the contract enums (and no other)', () => {
    expect([...CALL_TYPES].sort()).toEqual(contractEnum('\n    CallType:').sort());
    expect([...LINE_COMPONENTS].sort()).toEqual(contractEnum('\n    ChargeLine:').sort());
    expect([...STAGE_TYPES].sort()).toEqual(contractEnum('\n    StageType:').sort());
    expect([...DIRECTIONS].sort()).toEqual(contractEnum('\n    ParticipantDirection:').sort());
    expect([...NUMBER_KINDS].sort()).toEqual(contractEnum('\n    NumberKind:').sort());
    expect(CALL_TYPES).toEqual(expect.arrayContaining(['VIRTUAL_OFFICE', 'CONFERENCE', 'SURVEY', 'INFORMING']));
    expect(LINE_COMPONENTS).toEqual(
      expect.arrayContaining(['VO_MINUTE', 'CONFERENCE_PORT', 'CONFERENCE_LEG', 'SURVEY_COMPLETED', 'INFORMING_ATTEMPT']),
    );
  });

  const groups: [CodeGroup, readonly string[]][] = [
    ['callType', CALL_TYPES],
    ['component', [...LINE_COMPONENTS, ...OTHER_COMPONENTS]],
    ['service', SERVICES],
    ['stageType', STAGE_TYPES],
    ['direction', DIRECTIONS],
    ['numberKind', NUMBER_KINDS],
  ];

  for (const locale of ['ru', 'en']) {
    it(`no raw code is shown in ${locale}`, async () => {
      const t = await translateIn(locale)();
      try {
        for (const [group, codes] of groups) {
          for (const code of codes) {
            const label = codeLabel(t, group, code);
            expect(label, `${group}.${code}`).not.toBe(code);
            // the key exists (without a default, a missing key comes back as itself)
            expect(t(`app.${group}.${code}`), `${group}.${code}`).toBe(label);
            expect(label.trim(), `${group}.${code}`).not.toBe('');
            if (locale === 'ru' && group !== 'numberKind') {
              expect(label, `${group}.${code} in Russian`).toMatch(/[а-яё]/i);
            }
          }
        }
      } finally {
        await i18nProvider.changeLocale('ru');
      }
    });
  }

  it('names the new services as the tariff sheet does', () => {
    const t = (key: string, options?: Record<string, unknown>) => i18nProvider.translate(key, options);
    expect(CALL_TYPES.map((c) => codeLabel(t, 'callType', c)).slice(3)).toEqual([
      'Виртуальный офис',
      'Аудиоконференция',
      'Телефонный опрос',
      'Автоинформирование',
    ]);
    expect(LINE_COMPONENTS.slice(7).map((c) => codeLabel(t, 'component', c))).toEqual([
      'Минута виртуального офиса',
      'Порт конференции (участник-минута)',
      'Вызов участнику конференции',
      'Заполненная анкета',
      'Попытка информирования',
    ]);
    expect(codeLabel(t, 'direction', 'DIAL_IN')).toBe('Входящий');
    expect(codeLabel(t, 'direction', 'DIAL_OUT')).toBe('Исходящий');
    expect(codeLabel(t, 'numberKind', 'TOLL_FREE_800')).toBe('8-800');
    expect(codeLabel(t, 'numberKind', 'VIRTUAL_OFFICE')).toBe('Виртуальный офис');
    // a code a newer server sends shows as itself rather than as a key
    expect(codeLabel(t, 'component', 'SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });
});
