import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { useTranslate } from 'react-admin';

/** A secret (an API key, a temporary password) shown once, with a copy button and the warning that it is not kept. */
export const SecretDialog = ({ title, secret, onClose }: { title: string; secret: string; onClose: () => void }) => {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(secret);
    setCopied(true);
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>{translate('app.users.secret_once')}</Alert>
        <TextField value={secret} fullWidth slotProps={{ input: { readOnly: true }, htmlInput: { 'data-testid': 'secret' } }} />
      </DialogContent>
      <DialogActions>
        <Button startIcon={<ContentCopyIcon />} onClick={copy}>
          {translate(copied ? 'app.users.copied' : 'app.users.copy')}
        </Button>
        <Button onClick={onClose} variant="contained">{translate('app.users.secret_saved')}</Button>
      </DialogActions>
    </Dialog>
  );
};
