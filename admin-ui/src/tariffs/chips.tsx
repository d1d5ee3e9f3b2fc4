import { Chip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useFormat } from '../shared/format';

type Color = 'success' | 'error' | 'warning' | 'info' | 'default' | 'primary';

const STATE_COLORS: Record<string, Color> = {
  DRAFT: 'warning',
  PUBLISHED: 'success',
  SUPERSEDED: 'default',
  IN_FORCE: 'success',
  SCHEDULED: 'info',
};

/**
 * What a version is for the person reading it, one word that cannot contradict itself: a draft; the version in
 * force now; a published version whose date is still ahead ("вступит в силу"); or one replaced by a later version.
 */
export function versionStanding(
  v: { version: number; state: string; effectiveFrom?: string },
  versionInForce: number | undefined,
  now: Date = new Date(),
): 'DRAFT' | 'IN_FORCE' | 'SCHEDULED' | 'SUPERSEDED' {
  if (v.state === 'DRAFT') return 'DRAFT';
  if (v.version === versionInForce) return 'IN_FORCE';
  if (v.effectiveFrom && new Date(v.effectiveFrom).getTime() > now.getTime()) return 'SCHEDULED';
  return 'SUPERSEDED';
}
const CHANGE_COLORS: Record<string, Color> = { ADDED: 'success', REMOVED: 'error', CHANGED: 'warning', UNCHANGED: 'default' };
const SEVERITY_COLORS: Record<string, Color> = { ERROR: 'error', WARNING: 'warning', INFO: 'info' };
const ACTION_COLORS: Record<string, Color> = {
  CREATED: 'info',
  CHANGED: 'warning',
  VALIDATED: 'default',
  PUBLISHED: 'success',
  SUPERSEDED: 'default',
  DELETED: 'error',
};

const group = { state: STATE_COLORS, change: CHANGE_COLORS, severity: SEVERITY_COLORS, action: ACTION_COLORS };

/** A translated, coloured enum value: version state, change kind, message severity or audit action. */
export const TariffChip = ({ kind, value }: { kind: keyof typeof group; value?: string }) => {
  const translate = useTranslate();
  if (!value) return null;
  return (
    <Chip
      size="small"
      variant={kind === 'state' && (value === 'PUBLISHED' || value === 'IN_FORCE') ? 'filled' : 'outlined'}
      color={group[kind][value] ?? 'default'}
      label={translate(`app.tariff.${kind}.${value}`, { _: value })}
      data-testid={`${kind}-chip`}
      data-value={value}
    />
  );
};

/** A money difference: red when the client pays more, green when less, plain when zero. */
export const DeltaText = ({ value, bold }: { value?: string; bold?: boolean }) => {
  const fmt = useFormat();
  if (value === undefined || value === null || value === '') return <>—</>;
  const n = Number(value);
  const color = n > 0 ? 'error.main' : n < 0 ? 'success.main' : 'text.secondary';
  const money = fmt.money(value.replace(/^\+/, ''));
  const text = n > 0 ? `+${money}` : money;
  return (
    <Typography component="span" variant="body2" sx={{ color, fontWeight: bold ? 700 : undefined }} data-testid="delta">
      {text}
    </Typography>
  );
};
