import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

const COLORS: Record<string, 'success' | 'warning' | 'error' | 'info' | 'default'> = {
  FREE: 'success',
  BUSY: 'info',
  RESERVED: 'warning',
  QUARANTINE: 'default',
};

/** Свободен, Занят, Резерв, Отстойник: the status of a resource, translated and coloured. */
export const ResourceStatusChip = ({ value }: { value?: string }) => {
  const translate = useTranslate();
  if (!value) return null;
  return (
    <Chip
      size="small"
      color={COLORS[value] ?? 'default'}
      label={translate(`app.inventory.status.${value}`)}
      data-testid="resource-status"
    />
  );
};

export const ResourceStatusField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<{ status?: string }>();
  return <ResourceStatusChip value={record?.status} />;
};
