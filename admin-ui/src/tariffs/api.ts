import { api } from '../api/client';
import { unwrap } from '../api/unwrap';
import type { components } from '../api/schema';

type Schemas = components['schemas'];
export type Tariff = Schemas['Tariff'];
export type TariffVersion = Schemas['TariffVersion'];
export type TariffVersionState = Schemas['TariffVersionState'];
export type TariffModel = Schemas['TariffModel'];
export type TariffModelKind = Schemas['TariffModelKind'];
export type Validation = Schemas['Validation'];
export type ValidationMessage = Schemas['ValidationMessage'];
/** `limit` has a server default: optional here, whatever the generator says. */
export type ChangeSimulationRequest = Omit<Schemas['ChangeSimulationRequest'], 'limit'> & { limit?: number };
export type ChangeSimulation = Schemas['ChangeSimulation'];
export type RecordDifference = Schemas['RecordDifference'];
export type ComponentTotal = Schemas['ComponentTotal'];
export type TariffDiff = Schemas['TariffDiff'];
export type ModelDiff = Schemas['ModelDiff'];
export type TableRowChange = Schemas['TableRowChange'];
export type RuleChange = Schemas['RuleChange'];
export type TariffAuditEntry = Schemas['TariffAuditEntry'];

const versionPath = (code: string, version: number) => ({ path: { code, version } });

/**
 * The `tariffs` tag of the API. Every call resolves with the body of a 2xx answer and rejects
 * with a react-admin HttpError otherwise (its `body` is the problem+json document).
 */
export const tariffApi = {
  list: () => unwrap(api.GET('/api/v1/tariffs')),

  versions: (code: string) =>
    unwrap(api.GET('/api/v1/tariffs/{code}/versions', { params: { path: { code } } })),

  version: (code: string, version: number) =>
    unwrap(api.GET('/api/v1/tariffs/{code}/versions/{version}', { params: versionPath(code, version) })),

  /** A new draft, a copy of version `basedOn`. */
  createDraft: (code: string, basedOn: number) =>
    unwrap(api.POST('/api/v1/tariffs/{code}/versions', { params: { path: { code } }, body: { basedOn } })),

  saveModel: (code: string, version: number, model: TariffModel) =>
    unwrap(
      api.PUT('/api/v1/tariffs/{code}/versions/{version}/models/{name}', {
        params: { path: { code, version, name: model.name } },
        body: { kind: model.kind, content: model.content },
      }),
    ),

  /** Deletes a draft (the server refuses a published version with 409). */
  deleteDraft: async (code: string, version: number): Promise<void> => {
    await unwrap(api.DELETE('/api/v1/tariffs/{code}/versions/{version}', { params: versionPath(code, version) }));
  },

  deleteModel: async (code: string, version: number, name: string): Promise<void> => {
    await unwrap(
      api.DELETE('/api/v1/tariffs/{code}/versions/{version}/models/{name}', {
        params: { path: { code, version, name } },
      }),
    );
  },

  validate: (code: string, version: number) =>
    unwrap(api.POST('/api/v1/tariffs/{code}/versions/{version}/validate', { params: versionPath(code, version) })),

  /** `effectiveFrom`: ISO-8601 with offset, e.g. 2026-12-01T00:00:00+03:00. */
  publish: (code: string, version: number, effectiveFrom: string) =>
    unwrap(
      api.POST('/api/v1/tariffs/{code}/versions/{version}/publish', {
        params: versionPath(code, version),
        body: { effectiveFrom },
      }),
    ),

  simulate: (code: string, version: number, body: ChangeSimulationRequest) =>
    unwrap(
      api.POST('/api/v1/tariffs/{code}/versions/{version}/simulate', {
        params: versionPath(code, version),
        body: body as Schemas['ChangeSimulationRequest'],
      }),
    ),

  /** What changed from version `against` (default: the version this one was based on). */
  diff: (code: string, version: number, against?: number) =>
    unwrap(
      api.GET('/api/v1/tariffs/{code}/versions/{version}/diff', {
        params: { path: { code, version }, query: against ? { against } : {} },
      }),
    ),

  audit: (code: string) => unwrap(api.GET('/api/v1/tariffs/{code}/audit', { params: { path: { code } } })),
};
