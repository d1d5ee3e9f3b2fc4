import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

const COLORS: Record<string, 'success' | 'warning' | 'default'> = {
  OPEN: 'default',
  PARTIALLY_CLOSED: 'warning',
  CLOSED: 'success',
};

/** OPEN, PARTIALLY_CLOSED or CLOSED, translated and coloured. */
export const PeriodStateChip = ({ value }: { value?: string }) => {
  const translate = useTranslate();
  if (!value) return null;
  return (
    <Chip size="small" variant="outlined" color={COLORS[value] ?? 'default'} label={translate(`app.period.state.${value}`)} />
  );
};

export const PeriodStateField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<{ state?: string }>();
  return <PeriodStateChip value={record?.state} />;
};
