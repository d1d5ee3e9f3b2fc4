import { describe, expect, it } from 'vitest';
import { StringStream } from '@codemirror/language';
import { drlParser } from '../src/tariffs/drlLanguage';
import { lineDiff } from '../src/tariffs/lineDiff';
import { formatMoscow, moscowIso, moscowLocal, nextMoscowMidnight } from '../src/tariffs/moscowTime';
import { drlLine, isElementId, messagesOf } from '../src/tariffs/validationLocation';

describe('Moscow time', () => {
  it('the next midnight is the Moscow one, whatever the UTC date', () => {
    // 2026-11-26 23:30 UTC is already 2026-11-27 02:30 in Moscow
    expect(nextMoscowMidnight(new Date('2026-11-26T23:30:00Z'))).toBe('2026-11-28T00:00');
    expect(nextMoscowMidnight(new Date('2026-11-26T12:00:00Z'))).toBe('2026-11-27T00:00');
    // exactly midnight in Moscow: the next one
    expect(nextMoscowMidnight(new Date('2026-11-26T21:00:00Z'))).toBe('2026-11-28T00:00');
    // month and year ends
    expect(nextMoscowMidnight(new Date('2026-12-31T10:00:00+03:00'))).toBe('2027-01-01T00:00');
  });

  it('a datetime-local value is sent as ISO-8601 with +03:00', () => {
    expect(moscowIso('2026-11-27T00:00')).toBe('2026-11-27T00:00:00+03:00');
    expect(moscowIso('2026-12-01T10:30:15')).toBe('2026-12-01T10:30:15+03:00');
    expect(moscowIso('2026-13-01T10:30')).toBeUndefined();
    expect(moscowIso('')).toBeUndefined();
    expect(moscowIso('27.11.2026 00:00')).toBeUndefined();
  });

  it('an instant shows as Moscow wall-clock time', () => {
    expect(moscowLocal(new Date('2026-11-26T21:05:00Z'))).toBe('2026-11-27T00:05');
    expect(formatMoscow('2026-11-26T21:05:00Z', 'ru')).toBe('27.11.2026, 00:05');
    expect(formatMoscow(undefined, 'ru')).toBe('');
  });
});

describe('validation locations', () => {
  it('reads the DRL line from "line 12, column 4" and its variants', () => {
    expect(drlLine('line 12, column 4')).toBe(12);
    expect(drlLine('Line 7')).toBe(7);
    expect(drlLine('line: 3, col: 1')).toBe(3);
    expect(drlLine('12:4')).toBe(12);
    expect(drlLine('[12,4]')).toBe(12);
    expect(drlLine('30')).toBe(30);
    expect(drlLine('строка 5, столбец 2')).toBe(5);
  });

  it('falls back to "[line,column]" in the Drools message, else gives nothing', () => {
    expect(drlLine(undefined, '[ERR 102] Line 9:4 mismatched input')).toBe(9);
    expect(drlLine(undefined, 'Rule Compilation error [45,2]: x cannot be resolved')).toBe(45);
    expect(drlLine(undefined, 'no place')).toBeUndefined();
    expect(drlLine('NetworkMinute_r5_o')).toBeUndefined();
    expect(drlLine('line 0')).toBeUndefined();
  });

  it('tells DMN element ids from lines', () => {
    expect(isElementId('NetworkMinute_r5_o')).toBe(true);
    expect(isElementId('line 12, column 4')).toBe(false);
    expect(isElementId('12')).toBe(false);
    expect(isElementId(undefined)).toBe(false);
  });

  it('keeps the messages of one model, errors first', () => {
    const messages = [
      { model: 'a.dmn', severity: 'WARNING' as const, message: 'w' },
      { model: 'b.drl', severity: 'ERROR' as const, message: 'x' },
      { model: 'a.dmn', severity: 'ERROR' as const, message: 'e' },
    ];
    expect(messagesOf(messages, 'a.dmn').map((m) => m.message)).toEqual(['e', 'w']);
    expect(messagesOf(undefined, 'a.dmn')).toEqual([]);
  });
});

describe('line diff', () => {
  it('marks removed and added lines between common ones', () => {
    const before = 'rule "A"\nwhen\n  Call(d > 3)\nthen\n  x();\nend';
    const after = 'rule "A"\nwhen\n  Call(d > 5)\nthen\n  x();\n  y();\nend';
    expect(lineDiff(before, after)).toEqual([
      { kind: 'same', text: 'rule "A"' },
      { kind: 'same', text: 'when' },
      { kind: 'removed', text: '  Call(d > 3)' },
      { kind: 'added', text: '  Call(d > 5)' },
      { kind: 'same', text: 'then' },
      { kind: 'same', text: '  x();' },
      { kind: 'added', text: '  y();' },
      { kind: 'same', text: 'end' },
    ]);
  });

  it('handles an added or a removed rule', () => {
    expect(lineDiff(undefined, 'a\nb')).toEqual([
      { kind: 'added', text: 'a' },
      { kind: 'added', text: 'b' },
    ]);
    expect(lineDiff('a', '')).toEqual([{ kind: 'removed', text: 'a' }]);
  });
});

describe('DRL highlighter', () => {
  const tokens = (line: string) => {
    const state = drlParser.startState!(2);
    const stream = new StringStream(line, 2, 2);
    const out: [string, string | null][] = [];
    while (!stream.eol()) {
      const style = drlParser.token(stream, state);
      const text = stream.current();
      if (text.trim()) out.push([text, style]);
      stream.start = stream.pos;
    }
    return out;
  };

  it('colours DRL keywords, strings, comments and numbers', () => {
    expect(tokens('rule "NETWORK: free" no-loop')).toEqual([
      ['rule', 'keyword'],
      ['"NETWORK: free"', 'string'],
      ['no-loop', 'keyword'],
    ]);
    expect(tokens('    $rate : Rate(component == "NETWORK", d <= 3) // cheap')).toEqual([
      ['$rate', 'variableName.special'],
      [':', 'operator'],
      ['Rate', 'className'],
      ['(', null],
      ['component', 'variableName'],
      ['==', 'operator'],
      ['"NETWORK"', 'string'],
      [',', null],
      ['d', 'variableName'],
      ['<=', 'operator'],
      ['3', 'number'],
      [')', null],
      ['// cheap', 'comment'],
    ]);
    for (const word of ['package', 'import', 'function', 'when', 'then', 'end']) {
      expect(tokens(word)).toEqual([[word, 'keyword']]);
    }
  });
});

describe('DMN validation marks', () => {
  it('marks the cell, row or column a message names, or the whole table', async () => {
    const { flaggedCss } = await import('../src/tariffs/DmnModelEditor');
    const css = flaggedCss('s1', ['NetworkMinute_r5_o']);
    expect(css).toContain('[data-dmn-scope="s1"] [data-element-id="NetworkMinute_r5_o"]');
    expect(css).toContain('[data-dmn-scope="s1"] [data-row-id="NetworkMinute_r5_o"]');
    expect(css).toContain('#d32f2f');
    expect(flaggedCss('s1', [], true, 'WARNING')).toContain('[data-dmn-scope="s1"] .tjs-table');
    expect(flaggedCss('s1', [], true, 'WARNING')).toContain('#ed6c02');
    expect(flaggedCss('s1', [])).toBe('');
  });
});

describe('versionStanding', () => {
  const now = new Date('2026-12-04T12:00:00Z');
  it('names each version with one word that cannot contradict itself', async () => {
    const { versionStanding } = await import('../src/tariffs/chips');
    expect(versionStanding({ version: 5, state: 'DRAFT' }, 3, now)).toBe('DRAFT');
    // the server marks 3 SUPERSEDED when 4 is published for a later date; until then 3 is the one in force
    expect(versionStanding({ version: 3, state: 'SUPERSEDED', effectiveFrom: '2026-01-01T00:00:00+03:00' }, 3, now)).toBe('IN_FORCE');
    expect(versionStanding({ version: 4, state: 'PUBLISHED', effectiveFrom: '2027-01-01T00:00:00+03:00' }, 3, now)).toBe('SCHEDULED');
    expect(versionStanding({ version: 2, state: 'SUPERSEDED', effectiveFrom: '2025-01-01T00:00:00+03:00' }, 3, now)).toBe('SUPERSEDED');
  });
});

describe('dmn-js in Russian', () => {
  it('translates the decision-table editor and fills placeholders', async () => {
    const { dmnTranslator } = await import('../src/tariffs/dmnTranslate');
    const ru = dmnTranslator('ru');
    expect(ru('When')).toBe('Если');
    expect(ru('Hit policy:')).toBe('Политика срабатывания:');
    expect(ru('Expression language: {expressionLanguageLabel}', { expressionLanguageLabel: 'FEEL' })).toBe('Язык выражений: FEEL');
    expect(ru('Something new')).toBe('Something new');
    expect(dmnTranslator('en')('When')).toBe('When');
  });
});
