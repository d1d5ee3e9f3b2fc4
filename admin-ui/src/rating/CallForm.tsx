import {
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  FormHelperText,
  IconButton,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { useTranslate } from 'react-admin';
import type { components } from '../api/schema';
import {
  CALL_TYPES,
  DIRECTIONS,
  STAGE_TYPES,
  codeLabel,
  type CallType,
  type ParticipantDirection,
  type StageType,
} from '../shared/codes';

type CdrRecord = components['schemas']['CdrRecord'];

export const MAX_PARTICIPANTS = 50;
export const MAX_STAGES = 4;

/** One stage as typed: durations stay text until the record is built. */
export interface StageRow {
  type: StageType;
  durationSec: string;
  operatorId: string;
}

export interface ParticipantRow {
  number: string;
  direction: ParticipantDirection;
  durationSec: string;
  trunk: string;
}

/** One call as the form holds it; `buildRecord` makes the CDR the API takes. */
export interface CallFormState {
  callType: CallType;
  startTime: string;
  accountCode: string;
  caller: string;
  called: string;
  trunk: string;
  forwardedTo: string;
  stages: StageRow[];
  participants: ParticipantRow[];
  surveyCompleted: boolean;
}

/** Which inputs each call type has (tariff sheet sections 2 and 7.2). */
export const CALL_FIELDS: Record<
  CallType,
  { accountCode?: boolean; called?: boolean; trunk?: boolean; forwardedTo?: 'required' | 'optional'; stages?: boolean; participants?: boolean; surveyCompleted?: boolean }
> = {
  INBOUND_800: { called: true, stages: true },
  OUTBOUND: { accountCode: true, called: true, trunk: true, stages: true },
  FORWARD: { called: true, trunk: true, forwardedTo: 'required', stages: true },
  VIRTUAL_OFFICE: { called: true, trunk: true, forwardedTo: 'optional', stages: true },
  CONFERENCE: { accountCode: true, participants: true },
  SURVEY: { accountCode: true, called: true, trunk: true, stages: true, surveyCompleted: true },
  INFORMING: { accountCode: true, called: true, trunk: true, stages: true },
};

const START = '2026-03-10T10:15:00+03:00';
const stage = (type: StageType, durationSec: number, operatorId = ''): StageRow => ({
  type,
  durationSec: String(durationSec),
  operatorId,
});
const blank = (callType: CallType): CallFormState => ({
  callType,
  startTime: START,
  accountCode: '',
  caller: '',
  called: '',
  trunk: '',
  forwardedTo: '',
  stages: [],
  participants: [],
  surveyCompleted: false,
});

/** A call of each type on the demo data (tariff sheet sections 1 and 7.1), to start from. */
export function exampleCall(callType: CallType): CallFormState {
  const base = blank(callType);
  switch (callType) {
    case 'INBOUND_800':
      return { ...base, caller: '79161234567', called: '78005553535',
        stages: [stage('IVR', 35), stage('OPERATOR', 200, 'OP-102'), stage('POST', 60)] };
    case 'OUTBOUND':
      return { ...base, accountCode: 'ACC-1001', caller: '78005553535', called: '79161234567', trunk: 'TRUNK-A',
        stages: [stage('OPERATOR', 120, 'OP-101')] };
    case 'FORWARD':
      return { ...base, caller: '79161234567', called: '78005553535', forwardedTo: '79031234567', trunk: 'TRUNK-A',
        stages: [stage('IVR', 20)] };
    case 'VIRTUAL_OFFICE':
      return { ...base, caller: '79161234567', called: '74951230000',
        stages: [stage('IVR', 20), stage('OPERATOR', 120, 'OP-102')] };
    case 'CONFERENCE':
      return { ...base, accountCode: 'ACC-1001', caller: '74951230001',
        participants: [
          { number: '74951112233', direction: 'DIAL_IN', durationSec: '600', trunk: '' },
          { number: '79161234567', direction: 'DIAL_OUT', durationSec: '540', trunk: 'TRUNK-A' },
        ] };
    case 'SURVEY':
      return { ...base, accountCode: 'ACC-1001', caller: '74951230001', called: '79161234567', trunk: 'TRUNK-A',
        stages: [stage('OPERATOR', 180, 'OP-101')], surveyCompleted: true };
    case 'INFORMING':
      return { ...base, accountCode: 'ACC-1001', caller: '74951230001', called: '79161234567', trunk: 'TRUNK-A',
        stages: [stage('IVR', 30)] };
  }
}

/** Whole seconds as a number; text that is no number goes as it is, for the server to name the field. */
const seconds = (text: string): number | undefined => {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : (t as unknown as number);
};
const text = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

/**
 * The CDR of the form: only the fields of its call type (a CONFERENCE has participants, no stages and no called; a
 * participant's trunk only for DIAL_OUT; surveyCompleted only on SURVEY); empty inputs are left out, so the server
 * names what is missing.
 */
export function buildRecord(form: CallFormState, source = 'admin-ui', cdrId = 'simulate-1'): CdrRecord {
  const f = CALL_FIELDS[form.callType];
  const record: Record<string, unknown> = {
    source,
    cdrId,
    callType: form.callType,
    startTime: text(form.startTime),
    caller: text(form.caller),
  };
  if (f.accountCode) record.accountCode = text(form.accountCode);
  if (f.called) record.called = text(form.called);
  if (f.forwardedTo) record.forwardedTo = text(form.forwardedTo);
  if (f.trunk) record.trunk = text(form.trunk);
  if (f.stages) {
    record.stages = form.stages.map((s) => ({
      type: s.type,
      durationSec: seconds(s.durationSec),
      ...(s.type === 'OPERATOR' && text(s.operatorId) ? { operatorId: text(s.operatorId) } : {}),
    }));
  }
  if (f.participants) {
    record.participants = form.participants.map((p) => ({
      number: text(p.number),
      direction: p.direction,
      durationSec: seconds(p.durationSec),
      ...(p.direction === 'DIAL_OUT' && text(p.trunk) ? { trunk: text(p.trunk) } : {}),
    }));
  }
  if (f.surveyCompleted) record.surveyCompleted = form.surveyCompleted;
  return JSON.parse(JSON.stringify(record)) as CdrRecord; // drops the undefined ones
}

interface Props {
  value: CallFormState;
  onChange: (value: CallFormState) => void;
  /** the server's refusals, by field path */
  errors: Record<string, string>;
}

/** The inputs of one call of any type; the server's refusal of a field shows under it. */
export const CallForm = ({ value, onChange, errors }: Props) => {
  const translate = useTranslate();
  const f = CALL_FIELDS[value.callType];
  const set = (patch: Partial<CallFormState>) => onChange({ ...value, ...patch });
  const input = (name: keyof CallFormState & string, label: string, extra: { required?: boolean } = {}) => (
    <TextField
      label={translate(label)}
      value={value[name] as string}
      onChange={(e) => set({ [name]: e.target.value } as Partial<CallFormState>)}
      error={!!errors[name]}
      helperText={errors[name]}
      required={extra.required}
      size="small"
      slotProps={{ htmlInput: { 'data-testid': `call-${name}` } }}
    />
  );
  const setStage = (i: number, patch: Partial<StageRow>) =>
    set({ stages: value.stages.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const setParticipant = (i: number, patch: Partial<ParticipantRow>) =>
    set({ participants: value.participants.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const vo = value.callType === 'VIRTUAL_OFFICE';
  const conference = value.callType === 'CONFERENCE';
  return (
    <Box data-testid="call-form">
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
        <TextField
          select
          label={translate('app.simulate.call_type')}
          value={value.callType}
          onChange={(e) => onChange(exampleCall(e.target.value as CallType))}
          size="small"
          sx={{ minWidth: 240 }}
          slotProps={{ htmlInput: { 'data-testid': 'call-callType' } }}
          error={!!errors.callType}
          helperText={errors.callType}
        >
          {CALL_TYPES.map((t) => (
            <MenuItem key={t} value={t}>
              {codeLabel(translate, 'callType', t)}
            </MenuItem>
          ))}
        </TextField>
        {input('startTime', 'app.simulate.start_time', { required: true })}
        {f.accountCode && input('accountCode', 'app.simulate.account_code', { required: true })}
        {input('caller', conference ? 'app.simulate.caller_organiser' : 'app.simulate.caller', { required: true })}
        {f.called && input('called', vo ? 'app.simulate.called_vo' : 'app.simulate.called', { required: true })}
        {f.forwardedTo &&
          input('forwardedTo', f.forwardedTo === 'optional' ? 'app.simulate.forwarded_to_optional' : 'app.simulate.forwarded_to', {
            required: f.forwardedTo === 'required',
          })}
        {f.trunk && input('trunk', vo ? 'app.simulate.trunk_vo' : 'app.simulate.trunk', { required: !vo })}
      </Stack>
      {f.surveyCompleted && (
        <Box sx={{ mb: 2 }}>
          <FormControlLabel
            control={
              <Checkbox
                checked={value.surveyCompleted}
                onChange={(e) => set({ surveyCompleted: e.target.checked })}
                slotProps={{ input: { 'data-testid': 'call-surveyCompleted' } as object }}
              />
            }
            label={translate('app.simulate.survey_completed')}
          />
          {errors.surveyCompleted && <FormHelperText error>{errors.surveyCompleted}</FormHelperText>}
        </Box>
      )}
      {f.stages && (
        <Box sx={{ mb: 2 }}>
          <Typography variant="subtitle2">{translate('app.simulate.stages')}</Typography>
          {errors.stages && <FormHelperText error>{errors.stages}</FormHelperText>}
          {value.stages.map((s, i) => (
            <Stack key={i} direction="row" spacing={1} sx={{ mt: 1, alignItems: 'flex-start' }} data-testid="call-stage">
              <TextField
                select
                label={translate('app.simulate.stage_type')}
                value={s.type}
                onChange={(e) => setStage(i, { type: e.target.value as StageType })}
                size="small"
                sx={{ minWidth: 200 }}
                error={!!errors[`stages[${i}].type`]}
                helperText={errors[`stages[${i}].type`]}
              >
                {STAGE_TYPES.map((t) => (
                  <MenuItem key={t} value={t}>
                    {codeLabel(translate, 'stageType', t)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                label={translate('app.simulate.duration')}
                type="number"
                value={s.durationSec}
                onChange={(e) => setStage(i, { durationSec: e.target.value })}
                size="small"
                error={!!errors[`stages[${i}].durationSec`]}
                helperText={errors[`stages[${i}].durationSec`]}
                slotProps={{ htmlInput: { min: 0, 'data-testid': `stage-${i}-durationSec` } }}
              />
              {s.type === 'OPERATOR' && (
                <TextField
                  label={translate('app.simulate.operator_id')}
                  value={s.operatorId}
                  onChange={(e) => setStage(i, { operatorId: e.target.value })}
                  size="small"
                  error={!!errors[`stages[${i}].operatorId`]}
                  helperText={errors[`stages[${i}].operatorId`]}
                  slotProps={{ htmlInput: { 'data-testid': `stage-${i}-operatorId` } }}
                />
              )}
              <IconButton
                aria-label={translate('app.simulate.remove')}
                disabled={value.stages.length <= 1}
                onClick={() => set({ stages: value.stages.filter((_, j) => j !== i) })}
              >
                <DeleteIcon fontSize="small" />
              </IconButton>
            </Stack>
          ))}
          <Button
            size="small"
            startIcon={<AddIcon />}
            sx={{ mt: 1 }}
            disabled={value.stages.length >= MAX_STAGES}
            onClick={() => set({ stages: [...value.stages, stage('IVR', 0)] })}
          >
            {translate('app.simulate.add_stage')}
          </Button>
        </Box>
      )}
      {f.participants && (
        <Box sx={{ mb: 2 }}>
          <Typography variant="subtitle2">{translate('app.simulate.participants')}</Typography>
          {errors.participants && (
            <FormHelperText error data-testid="participants-error">
              {errors.participants}
            </FormHelperText>
          )}
          {value.participants.map((p, i) => (
            <Stack key={i} direction="row" spacing={1} sx={{ mt: 1, alignItems: 'flex-start' }} data-testid="call-participant">
              <Typography variant="body2" sx={{ minWidth: 28, pt: 1 }}>
                {i + 1}.
              </Typography>
              <TextField
                label={translate('app.simulate.number')}
                value={p.number}
                onChange={(e) => setParticipant(i, { number: e.target.value })}
                size="small"
                error={!!errors[`participants[${i}].number`]}
                helperText={errors[`participants[${i}].number`]}
                slotProps={{ htmlInput: { 'data-testid': `participant-${i}-number` } }}
              />
              <TextField
                select
                label={translate('app.simulate.direction')}
                value={p.direction}
                onChange={(e) => setParticipant(i, { direction: e.target.value as ParticipantDirection })}
                size="small"
                sx={{ minWidth: 160 }}
                error={!!errors[`participants[${i}].direction`]}
                helperText={errors[`participants[${i}].direction`]}
                slotProps={{ htmlInput: { 'data-testid': `participant-${i}-direction` } }}
              >
                {DIRECTIONS.map((d) => (
                  <MenuItem key={d} value={d}>
                    {codeLabel(translate, 'direction', d)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                label={translate('app.simulate.duration')}
                type="number"
                value={p.durationSec}
                onChange={(e) => setParticipant(i, { durationSec: e.target.value })}
                size="small"
                error={!!errors[`participants[${i}].durationSec`]}
                helperText={errors[`participants[${i}].durationSec`]}
                slotProps={{ htmlInput: { min: 0, 'data-testid': `participant-${i}-durationSec` } }}
              />
              {p.direction === 'DIAL_OUT' && (
                <TextField
                  label={translate('app.simulate.trunk')}
                  value={p.trunk}
                  onChange={(e) => setParticipant(i, { trunk: e.target.value })}
                  size="small"
                  required
                  error={!!errors[`participants[${i}].trunk`]}
                  helperText={errors[`participants[${i}].trunk`]}
                  slotProps={{ htmlInput: { 'data-testid': `participant-${i}-trunk` } }}
                />
              )}
              <IconButton
                aria-label={translate('app.simulate.remove')}
                disabled={value.participants.length <= 1}
                onClick={() => set({ participants: value.participants.filter((_, j) => j !== i) })}
              >
                <DeleteIcon fontSize="small" />
              </IconButton>
            </Stack>
          ))}
          <Button
            size="small"
            startIcon={<AddIcon />}
            sx={{ mt: 1 }}
            disabled={value.participants.length >= MAX_PARTICIPANTS}
            onClick={() =>
              set({ participants: [...value.participants, { number: '', direction: 'DIAL_IN', durationSec: '0', trunk: '' }] })
            }
          >
            {translate('app.simulate.add_participant')}
          </Button>
        </Box>
      )}
    </Box>
  );
};
