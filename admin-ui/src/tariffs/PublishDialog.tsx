import { useEffect, useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { tariffApi, type TariffVersion } from './api';
import { moscowIso, nextMoscowMidnight } from './moscowTime';
import { ErrorAlert } from './problems';
import { RuDateField } from '../shared/RuDateInput';

interface Props {
  code: string;
  version: number;
  open: boolean;
  onClose(): void;
  onPublished(version: TariffVersion): void;
  /** saves unsaved models first; resolves false when that failed */
  beforePublish?: () => Promise<boolean>;
  /** for tests: the clock */
  now?: () => Date;
}

/**
 * Asks for the Moscow date and time the version takes effect (default: the next midnight)
 * and publishes it; a 422 problem lists why the server refused (does not compile, closed period).
 */
export const PublishDialog = ({ code, version, open, onClose, onPublished, beforePublish, now }: Props) => {
  const translate = useTranslate();
  const [local, setLocal] = useState(() => nextMoscowMidnight(now?.() ?? new Date()));
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) {
      setLocal(nextMoscowMidnight(now?.() ?? new Date()));
      setError(undefined);
    }
  }, [open, now]);

  const iso = moscowIso(local);

  const publish = async () => {
    if (!iso) return;
    setBusy(true);
    setError(undefined);
    try {
      if (beforePublish && !(await beforePublish())) return;
      onPublished(await tariffApi.publish(code, version, iso));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth data-testid="publish-dialog">
      <DialogTitle>{translate('app.tariff.publish.title', { code, version })}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{translate('app.tariff.publish.intro')}</DialogContentText>
        <RuDateField
          withTime
          label={translate('app.tariff.publish.effective_from')}
          value={local}
          onChange={setLocal}
          error={!iso}
          helperText={translate(iso ? 'app.tariff.publish.moscow_time' : 'app.tariff.publish.bad_date')}
          fullWidth
          testId="effective-from"
        />
        {iso && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {translate('app.tariff.publish.will_send')} <code data-testid="effective-from-iso">{iso}</code>
          </Typography>
        )}
        {error !== undefined && (
          <div style={{ marginTop: 16 }}>
            <ErrorAlert error={error} fallback="app.tariff.publish.refused" />
          </div>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="contained" color="primary" onClick={publish} disabled={!iso || busy} data-testid="publish-confirm">
          {translate(busy ? 'app.tariff.publish.publishing' : 'app.tariff.publish.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
