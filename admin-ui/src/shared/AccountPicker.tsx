import { useEffect, useState } from 'react';
import { Autocomplete, TextField } from '@mui/material';
import { attempt } from '../api/action';
import { api } from '../api/client';

interface AccountOption {
  account: string;
  client?: string;
}

/** The accounts to choose from (code — client), asked once per page. */
function useAccountOptions(): AccountOption[] {
  const [options, setOptions] = useState<AccountOption[]>([]);
  useEffect(() => {
    let current = true;
    void attempt(api.GET('/api/v1/accounts')).then((outcome) => {
      if (current) setOptions((outcome.data ?? []).map((a) => ({ account: a.account, client: a.client })));
    });
    return () => {
      current = false;
    };
  }, []);
  return options;
}

const label = (o: AccountOption) => (o.client ? `${o.account} — ${o.client}` : o.account);

/** One account, picked from the accounts that exist (searchable by code or client), never typed free. */
export const AccountPicker = (props: { label: string; value: string; onChange: (account: string) => void; testId?: string }) => {
  const options = useAccountOptions();
  const selected = options.find((o) => o.account === props.value) ?? null;
  return (
    <Autocomplete
      options={options}
      value={selected}
      onChange={(_e, v) => props.onChange(v?.account ?? '')}
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
  const options = useAccountOptions();
  const selected = options.filter((o) => props.value.includes(o.account));
  return (
    <Autocomplete
      multiple
      options={options}
      value={selected}
      onChange={(_e, v) => props.onChange(v.map((o) => o.account))}
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
