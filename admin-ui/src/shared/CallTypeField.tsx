import { useRecordContext } from 'react-admin';
import { useCodeLabel } from './codes';

/** The record's call type by name («Аудиоконференция»), for lists and show views. */
export const CallTypeField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<{ callType?: string }>();
  const label = useCodeLabel();
  return <>{label('callType', record?.callType) || '—'}</>;
};
