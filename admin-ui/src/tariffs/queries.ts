import { useQuery } from '@tanstack/react-query';
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
