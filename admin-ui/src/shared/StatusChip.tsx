import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

const COLORS: Record<string, 'success' | 'error' | 'warning' | 'default'> = {
  RATED: 'success',
  REJECTED: 'error',
  DUPLICATE: 'warning',
  REFUSED: 'error',
};

/** A translated, coloured status or outcome (RATED, REJECTED, DUPLICATE, REFUSED). */
export const StatusChip = ({ value, group = 'status' }: { value?: string; group?: 'status' | 'outcome' }) => {
  const translate = useTranslate();
  if (!value) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={COLORS[value] ?? 'default'}
      label={translate(`app.${group}.${value}`, { _: value })}
    />
  );
};

/** The record's `status` as a chip, for lists and show views. */
export const StatusField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<{ status?: string }>();
  return <StatusChip value={record?.status} />;
};
