import { useEffect, useState } from 'react';
import { TextField, type TextFieldProps } from '@mui/material';
import { InputHelperText, useInput, useResourceContext, useTranslate, type InputProps } from 'react-admin';

/**
 * Dates typed the Russian way, dd.mm.yyyy (and dd.mm.yyyy hh:mm), whatever the browser's own locale: the browser's
 * date pickers show mm/dd/yyyy in an English browser. The value stays what the API takes (2026-03-31,
 * 2026-03-31T14:30); an ISO date typed or pasted is accepted too. One component for every date a person enters.
 */

const pad = (n: number) => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 2100 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** "31.03.2026" (or "31032026", or "2026-03-31") → "2026-03-31"; undefined when it is not a date */
export function parseRuDate(text: string): string | undefined {
  const t = text.trim();
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (m) return validDay(+m[3], +m[2], +m[1]) ? `${m[3]}-${pad(+m[2])}-${pad(+m[1])}` : undefined;
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return validDay(+m[1], +m[2], +m[3]) ? t : undefined;
  return undefined;
}

/** "31.03.2026 14:30" (or "2026-03-31T14:30") → "2026-03-31T14:30"; a date alone is its midnight */
export function parseRuDateTime(text: string): string | undefined {
  const t = text.trim();
  const m = /^(.+?)[ T](\d{1,2}):(\d{2})$/.exec(t);
  const day = parseRuDate(m ? m[1] : t);
  if (!day) return undefined;
  if (!m) return `${day}T00:00`;
  const [h, min] = [+m[2], +m[3]];
  return h < 24 && min < 60 ? `${day}T${pad(h)}:${pad(min)}` : undefined;
}

/** "2026-03-31" → "31.03.2026", "2026-03-31T14:30…" → "31.03.2026 14:30"; anything else as it is */
export function formatRuDate(value: string | undefined | null, withTime = false): string {
  if (!value) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!m) return value;
  const day = `${m[3]}.${m[2]}.${m[1]}`;
  return withTime ? `${day} ${m[4] ?? '00'}:${m[5] ?? '00'}` : day;
}

type FieldProps = Omit<TextFieldProps, 'value' | 'onChange' | 'type'> & {
  /** the ISO value: "2026-03-31", or "2026-03-31T14:30" with time */
  value: string | undefined | null;
  /** the ISO value once the text is a date, '' when emptied */
  onChange: (iso: string) => void;
  withTime?: boolean;
  testId?: string;
};

/** A text field that takes dd.mm.yyyy (hh:mm); says so under it while what is typed is not a date yet. */
export const RuDateField = ({ value, onChange, withTime = false, testId, error, helperText, slotProps, ...rest }: FieldProps) => {
  const translate = useTranslate();
  const [text, setText] = useState(formatRuDate(value, withTime));
  const parse = withTime ? parseRuDateTime : parseRuDate;
  // a value set from outside (a reset form, a chosen record) shows as typed the Russian way
  useEffect(() => {
    if ((parse(text) ?? '') !== (value ?? '')) setText(formatRuDate(value, withTime));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const invalid = text.trim() !== '' && !parse(text);
  return (
    <TextField
      {...rest}
      value={text}
      onChange={(e) => {
        const typed = e.target.value;
        setText(typed);
        const iso = parse(typed);
        if (iso) onChange(iso);
        else if (typed.trim() === '') onChange('');
      }}
      onBlur={() => {
        const iso = parse(text);
        if (iso) setText(formatRuDate(iso, withTime));
      }}
      error={error || invalid}
      helperText={invalid ? translate(withTime ? 'app.lists.time_invalid' : 'app.lists.date_invalid') : helperText}
      placeholder={translate(withTime ? 'app.lists.time_placeholder' : 'app.lists.date_placeholder')}
      slotProps={{
        ...slotProps,
        inputLabel: { shrink: true, ...(slotProps?.inputLabel as object) },
        htmlInput: { inputMode: 'numeric', 'data-testid': testId, ...(slotProps?.htmlInput as object) },
      }}
    />
  );
};

/** The react-admin input of a date (or date and time) typed dd.mm.yyyy; the form holds the ISO value. */
export const RuDateInput = (props: InputProps & { withTime?: boolean; readOnly?: boolean; alwaysOn?: boolean }) => {
  const { withTime, readOnly, label, alwaysOn: _alwaysOn, ...inputProps } = props;
  const translate = useTranslate();
  const resource = useResourceContext(props);
  const { field, fieldState, isRequired } = useInput(inputProps);
  const error = fieldState.error?.message;
  const name = typeof label === 'string' ? label : `resources.${resource ?? ''}.fields.${props.source}`;
  return (
    <RuDateField
      value={field.value}
      onChange={(iso) => field.onChange(iso === '' ? null : iso)}
      withTime={withTime}
      label={label === false ? undefined : translate(name, { _: props.source })}
      required={isRequired}
      error={!!error}
      helperText={error ? <InputHelperText error={error} /> : undefined}
      size="small"
      disabled={readOnly}
      testId={`date-${props.source}`}
      sx={{ minWidth: withTime ? 200 : 160 }}
    />
  );
};
