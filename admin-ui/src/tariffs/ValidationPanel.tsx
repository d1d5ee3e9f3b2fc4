import { Alert, AlertTitle, Box, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Validation, ValidationMessage } from './api';
import { TariffChip } from './chips';
import { drlLine } from './validationLocation';

/** The result of "Validate": valid or not, and every message as a table row that leads to its place. */
export const ValidationPanel = ({
  validation,
  onSelect,
}: {
  validation: Validation;
  onSelect(message: ValidationMessage): void;
}) => {
  const translate = useTranslate();
  const errors = validation.messages.filter((m) => m.severity === 'ERROR').length;
  return (
    <Box sx={{ mb: 2 }} data-testid="validation">
      <Alert severity={validation.valid ? 'success' : 'error'} data-testid="validation-result" data-valid={String(validation.valid)}>
        <AlertTitle>{translate(validation.valid ? 'app.tariff.validation.valid' : 'app.tariff.validation.invalid')}</AlertTitle>
        {translate('app.tariff.validation.summary', {
          errors,
          messages: validation.messages.length,
          millis: validation.compileMillis ?? '—',
        })}
      </Alert>
      {validation.messages.length > 0 && (
        <Table size="small" data-testid="validation-messages">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.tariff.validation.model')}</TableCell>
              <TableCell>{translate('app.tariff.validation.severity')}</TableCell>
              <TableCell>{translate('app.tariff.validation.message')}</TableCell>
              <TableCell>{translate('app.tariff.validation.location')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {validation.messages.map((m, i) => (
              <TableRow key={i} hover sx={{ cursor: 'pointer' }} onClick={() => onSelect(m)} data-testid="validation-message">
                <TableCell>
                  <Link component="button" type="button">
                    {m.model}
                  </Link>
                </TableCell>
                <TableCell>
                  <TariffChip kind="severity" value={m.severity} />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{m.message}</TableCell>
                <TableCell>{m.location ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

/** The messages of one model, above its editor; a DMN element id or a DRL line is named. */
export const ModelMessages = ({
  messages,
  onSelect,
}: {
  messages: ValidationMessage[];
  onSelect(message: ValidationMessage): void;
}) => {
  const translate = useTranslate();
  if (!messages.length) return null;
  return (
    <Stack spacing={1} sx={{ mb: 2 }} data-testid="model-messages">
      {messages.map((m, i) => {
        const line = drlLine(m.location, m.message);
        const where = line
          ? translate('app.tariff.validation.at_line', { line })
          : m.location
            ? translate('app.tariff.validation.at_element', { location: m.location })
            : '';
        return (
          <Alert
            key={i}
            severity={m.severity === 'ERROR' ? 'error' : m.severity === 'WARNING' ? 'warning' : 'info'}
            onClick={() => onSelect(m)}
            sx={{ cursor: m.location ? 'pointer' : undefined }}
          >
            {where && <strong>{where}: </strong>}
            {m.message}
          </Alert>
        );
      })}
    </Stack>
  );
};
