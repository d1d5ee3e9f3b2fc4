import { useTranslate } from 'react-admin';
import type { components } from '../api/schema';

/**
 * The contract's codes the UI shows (call types, priced components, services, stage types, participant directions,
 * number kinds) and their translated names: a user never sees a raw code where a name exists. The `Record<…, true>`
 * maps make `tsc` fail when the contract gains a value this list lacks (or loses one it has); each value's name is
 * `app.<group>.<CODE>` in `src/i18n/{ru,en}.ts`.
 */
type Schemas = components['schemas'];
export type CallType = Schemas['CallType'];
export type LineComponent = NonNullable<Schemas['ChargeLine']['component']>;
export type StageType = Schemas['StageType'];
export type ParticipantDirection = Schemas['ParticipantDirection'];
export type NumberKind = Schemas['NumberKind'];

const CALL_TYPE_SET: Record<CallType, true> = {
  INBOUND_800: true,
  OUTBOUND: true,
  FORWARD: true,
  VIRTUAL_OFFICE: true,
  CONFERENCE: true,
  SURVEY: true,
  INFORMING: true,
};
const LINE_COMPONENT_SET: Record<LineComponent, true> = {
  NETWORK: true,
  OUTBOUND: true,
  FORWARD_LEG: true,
  MARKING_FEE: true,
  IVR: true,
  OPERATOR: true,
  POST: true,
  VO_MINUTE: true,
  CONFERENCE_PORT: true,
  CONFERENCE_LEG: true,
  SURVEY_COMPLETED: true,
  INFORMING_ATTEMPT: true,
};
const STAGE_TYPE_SET: Record<StageType, true> = { IVR: true, OPERATOR: true, POST: true };
const DIRECTION_SET: Record<ParticipantDirection, true> = { DIAL_IN: true, DIAL_OUT: true };
const NUMBER_KIND_SET: Record<NumberKind, true> = { TOLL_FREE_800: true, VIRTUAL_OFFICE: true };

export const CALL_TYPES = Object.keys(CALL_TYPE_SET) as CallType[];
export const LINE_COMPONENTS = Object.keys(LINE_COMPONENT_SET) as LineComponent[];
export const STAGE_TYPES = Object.keys(STAGE_TYPE_SET) as StageType[];
export const DIRECTIONS = Object.keys(DIRECTION_SET) as ParticipantDirection[];
export const NUMBER_KINDS = Object.keys(NUMBER_KIND_SET) as NumberKind[];

/**
 * Components of usage, ledger and re-rating lines beyond the priced lines of a call (free strings in the contract:
 * one-time services and monthly fees, as billing writes them).
 */
export const OTHER_COMPONENTS = [
  'SMS',
  'EMAIL',
  'FAX',
  'NUMBER_RENTAL',
  'DEDICATED_SEAT',
  'VIRTUAL_OFFICE_NUMBER',
  'VIRTUAL_OFFICE_CHANNEL',
  'MINIMUM_TOPUP',
  'MINIMUM_MONTHLY_PAYMENT',
] as const;

/** Services of usage and ledger lines: the call types plus one-time services and monthly fees. */
export const SERVICES = [...CALL_TYPES, 'ONE_TIME', 'MONTHLY'] as const;

export type CodeGroup = 'callType' | 'component' | 'service' | 'stageType' | 'direction' | 'numberKind' | 'unit';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The name of a code in the UI's language; an unknown code (a newer server) shows as itself. */
export function codeLabel(translate: Translate, group: CodeGroup, code: string | undefined | null): string {
  if (code === undefined || code === null || code === '') return '';
  return translate(`app.${group}.${code}`, { _: code });
}

/** `label(group, code)` bound to the current language. */
export function useCodeLabel() {
  const translate = useTranslate();
  return (group: CodeGroup, code: string | undefined | null) => codeLabel(translate, group, code);
}

/**
 * Who did something, as a person reads it: the platform's own work ("system") and an API key ("api-key:demo") in
 * words; a user by their username.
 */
export function actorName(translate: Translate, actor: string | undefined | null): string {
  if (!actor) return '';
  if (actor === 'system') return translate('app.lists.actor_system');
  if (actor.startsWith('api-key:')) return translate('app.lists.actor_api_key', { name: actor.slice('api-key:'.length) });
  return actor;
}
