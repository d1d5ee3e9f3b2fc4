import { useQuery } from '@tanstack/react-query';
import { canEditTariff, useAbilities } from '../shared/abilities';
import { tariffApi } from './api';

/** react-query keys of the tariff pages, so a change can refresh what it affects. */
export const tariffKeys = {
  all: ['tariff-api'] as const,
  tariff: (code: string) => ['tariff-api', code] as const,
  versions: (code: string) => ['tariff-api', code, 'versions'] as const,
  version: (code: string, version: number) => ['tariff-api', code, 'version', version] as const,
  audit: (code: string) => ['tariff-api', code, 'audit'] as const,
  diff: (code: string, version: number, against?: number) => ['tariff-api', code, 'diff', version, against ?? 0] as const,
};

export const useTariffVersions = (code: string) =>
  useQuery({ queryKey: tariffKeys.versions(code), queryFn: () => tariffApi.versions(code), enabled: !!code });

export const useTariffVersion = (code: string, version: number) =>
  useQuery({
    queryKey: tariffKeys.version(code, version),
    queryFn: () => tariffApi.version(code, version),
    enabled: !!code && version > 0,
    // the editors hold unsaved work: do not reload the models behind their back
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });

export const useTariffAudit = (code: string) =>
  useQuery({ queryKey: tariffKeys.audit(code), queryFn: () => tariffApi.audit(code), enabled: !!code });

export const useTariffDiff = (code: string, version: number, against?: number) =>
  useQuery({
    queryKey: tariffKeys.diff(code, version, against),
    queryFn: () => tariffApi.diff(code, version, against),
    enabled: !!code && version > 0,
  });

/** The tariffs (code, name, whether standard): shared by the pages that need one tariff's facts. */
export const useTariffs = () => useQuery({ queryKey: ['tariff-api', 'list'], queryFn: () => tariffApi.list() });

/**
 * May the signed-in person draft and edit versions of this tariff? Tariff managers and admins: every tariff;
 * sales: client tariffs only (the server's role matrix decides both, see shared/abilities).
 */
export function useTariffEditable(code: string): boolean {
  return useTariffEditability(code).editable;
}

/** Like useTariffEditable, and whether the answer is known yet (the tariffs and the abilities have loaded). */
export function useTariffEditability(code: string): { editable: boolean; known: boolean } {
  const { can, loaded } = useAbilities();
  const { data, isPending } = useTariffs();
  const tariff = Array.isArray(data) ? data.find((t) => t.code === code) : undefined;
  return { editable: tariff !== undefined && canEditTariff(can, tariff.standard), known: loaded && !isPending };
}
