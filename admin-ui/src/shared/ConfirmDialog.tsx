import type { ReactNode } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/**
 * Asks before an irreversible or mass action, naming its consequence ("Закрыть март 2026 для всех 12 счетов…").
 * `warning` adds what the person should know first (e.g. documents already issued for the month).
 */
export const ConfirmDialog = (props: {
  open: boolean;
  title: string;
  consequence: ReactNode;
  warning?: ReactNode;
  confirm: string;
  busy?: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) => {
  const translate = useTranslate();
  return (
    <Dialog open={props.open} onClose={props.onCancel} fullWidth maxWidth="sm" data-testid="confirm-dialog">
      <DialogTitle>{props.title}</DialogTitle>
      <DialogContent>
        {props.warning && (
          <Alert severity="warning" sx={{ mb: 2 }} data-testid="confirm-warning">
            {props.warning}
          </Alert>
        )}
        <Typography variant="body2" data-testid="confirm-consequence">
          {props.consequence}
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" color="warning" disabled={props.busy} onClick={props.onConfirm} data-testid="confirm-action">
          {props.confirm}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
