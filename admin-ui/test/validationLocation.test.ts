import { describe, expect, it } from 'vitest';
import { drlLine, isElementId } from '../src/tariffs/validationLocation';

describe('the line a validation message points at', () => {
  it('reads the location first, in English or Russian', () => {
    expect(drlLine('line 12, column 4')).toBe(12);
    expect(drlLine('строка 7')).toBe(7);
  });

  it('reads the message when the location says nothing: the engine\'s [line,column] or a Russian "в строке"', () => {
    expect(drlLine(undefined, 'Сообщение движка KIE (как его написал движок): [ERR 102] [5,3]: mismatched input')).toBe(5);
    expect(drlLine(undefined, 'в модели тарифа нельзя: элемент foo в строке 31 (выражения пишутся на FEEL)')).toBe(31);
    expect(drlLine(undefined, 'в тарифе нет решения MarkingFee')).toBeUndefined();
  });

  it('tells a DMN element id from a line', () => {
    expect(isElementId('MarkingFee_r1_o')).toBe(true);
    expect(isElementId('line 3, column 1')).toBe(false);
  });
});
