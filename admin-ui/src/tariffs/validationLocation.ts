import type { ValidationMessage } from './api';

/**
 * The line a DRL message points at: "line 12, column 4", "12:4", "[12,4]" or "12" give 12.
 * Drools also puts "[12,4]" in the message text; that is used when `location` says nothing.
 */
export function drlLine(location?: string, message?: string): number | undefined {
  const fromText = (text: string | undefined, patterns: RegExp[]) => {
    if (!text) return undefined;
    for (const pattern of patterns) {
      const m = pattern.exec(text);
      if (m) {
        const line = Number(m[1]);
        if (line > 0) return line;
      }
    }
    return undefined;
  };
  return (
    fromText(location, [/line\s*:?\s*(\d+)/i, /строк[аеи]\s*(\d+)/i, /^\s*\[?(\d+)\s*(?:[:,]\s*\d+)?\]?\s*$/]) ??
    fromText(message, [/\[(\d+)\s*,\s*\d+\]/, /\bline\s*:?\s*(\d+)/i, /строк[аеи]\s*(\d+)/i])
  );
}

/** True when the location names a DMN element (an id), not a line. */
export function isElementId(location?: string): location is string {
  return !!location && /^[A-Za-z_][\w.-]*$/.test(location.trim()) && drlLine(location) === undefined;
}

export type Severity = ValidationMessage['severity'];

/** Messages of one model, errors first. */
export function messagesOf(messages: ValidationMessage[] | undefined, model: string): ValidationMessage[] {
  const order: Record<string, number> = { ERROR: 0, WARNING: 1, INFO: 2 };
  return (messages ?? []).filter((m) => m.model === model).sort((a, b) => order[a.severity] - order[b.severity]);
}
