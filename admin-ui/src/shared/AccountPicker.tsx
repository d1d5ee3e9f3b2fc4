import { useEffect, useRef, useState } from 'react';
import { useTranslate } from 'react-admin';
import { Autocomplete, TextField } from '@mui/material';
import { attempt } from '../api/action';
import { api } from '../api/client';

interface AccountOption {
  account: string;
  client?: string;
}

/**
 * The accounts to choose from (code — client), searched by the server as the person types (code, client, INN or a
 * phone number; the first 50), so a picker never loads every account. Options seen stay known for their labels.
 */
function useAccountOptions(text: string): { options: AccountOption[]; known: Map<string, AccountOption> } {
  const [options, setOptions] = useState<AccountOption[]>([]);
  const known = useRef(new Map<string, AccountOption>());
  useEffect(() => {
    let current = true;
    const q = text.trim() || undefined;
    const timer = setTimeout(() => {
      void attempt(api.GET('/api/v1/accounts', { params: { query: { q, page: 0, size: 50 } } })).then((outcome) => {
        if (!current) return;
        const found = (outcome.data ?? []).map((a) => ({ account: a.account, client: a.client }));
        found.forEach((o) => known.current.set(o.account, o));
        setOptions(found);
      });
    }, q ? 250 : 0);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);
  return { options, known: known.current };
}

/** MUI's own texts of a picker (its buttons' titles, the empty list) in the UI's language */
export function usePickerTexts() {
  const translate = useTranslate();
  return {
    openText: translate('app.lists.picker_open'),
    closeText: translate('app.lists.picker_close'),
    clearText: translate('app.lists.picker_clear'),
    noOptionsText: translate('app.lists.picker_none'),
    loadingText: translate('app.lists.picker_loading'),
  };
}

const label = (o: AccountOption) => (o.client ? `${o.account} — ${o.client}` : o.account);

/** One account, picked from the accounts that exist (searchable by code or client), never typed free. */
export const AccountPicker = (props: { label: string; value: string; onChange: (account: string) => void; testId?: string }) => {
  const [text, setText] = useState('');
  const texts = usePickerTexts();
  const { options, known } = useAccountOptions(text);
  const selected = props.value ? (known.get(props.value) ?? { account: props.value }) : null;
  return (
    <Autocomplete
      {...texts}
      options={options}
      value={selected}
      filterOptions={(found) => found}
      onInputChange={(_e, v, reason) => reason === 'input' && setText(v)}
      onChange={(_e, v) => {
        setText('');
        props.onChange(v?.account ?? '');
      }}
      getOptionLabel={label}
      isOptionEqualToValue={(a, b) => a.account === b.account}
      size="small"
      sx={{ minWidth: 280 }}
      renderInput={(params) => (
        <TextField
          {...params}
          label={props.label}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': props.testId } }}
        />
      )}
    />
  );
};

/** Several accounts, picked from the accounts that exist. */
export const AccountsPicker = (props: { label: string; value: string[]; onChange: (accounts: string[]) => void; testId?: string }) => {
  const [text, setText] = useState('');
  const texts = usePickerTexts();
  const { options, known } = useAccountOptions(text);
  const selected = props.value.map((account) => known.get(account) ?? { account });
  return (
    <Autocomplete
      {...texts}
      multiple
      options={options}
      value={selected}
      filterOptions={(found) => found}
      onInputChange={(_e, v, reason) => reason === 'input' && setText(v)}
      onChange={(_e, v) => {
        setText('');
        props.onChange(v.map((o) => o.account));
      }}
      getOptionLabel={label}
      isOptionEqualToValue={(a, b) => a.account === b.account}
      size="small"
      fullWidth
      renderInput={(params) => (
        <TextField
          {...params}
          label={props.label}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': props.testId } }}
        />
      )}
    />
  );
};
