import { useGetIdentity } from 'react-admin';

/**
 * What the signed-in person may do, as the server's role matrix answers it (`abilities` of GET /api/v1/me, e.g.
 * `tariffs.publish`, `periods.close`). Menus and buttons show only what is listed, so a 403 is never how a user
 * learns it; the server still enforces every request.
 */
export type Ability =
  | 'cdrs.read'
  | 'cdrs.submit'
  | 'cdrs.import'
  | 'rejects.read'
  | 'rejects.reprocess'
  | 'mappings.read'
  | 'mappings.edit'
  | 'jobs.read'
  | 'simulate'
  | 'tariffs.read'
  | 'tariffs.create'
  | 'tariffs.edit'
  | 'tariffs.editStandard'
  | 'tariffs.publish'
  | 'reference.read'
  | 'reference.edit'
  | 'accounts.read'
  | 'accounts.edit'
  | 'accounts.create'
  | 'accounts.delete'
  | 'accounts.client'
  | 'accounts.numbers'
  | 'accounts.salesManager'
  | 'ledger.read'
  | 'ledger.post'
  | 'documentSettings.edit'
  | 'periods.read'
  | 'periods.close'
  | 'documents.read'
  | 'documents.issue'
  | 'users.manage'
  | 'inventory.read'
  | 'inventory.reserve'
  | 'inventory.manage'
  | 'reports.read'
  | 'sales.read'
  | 'sales.build'
  | 'sales.approve';

/** `can(ability)`: false while the identity is loading, so nothing forbidden flashes up. */
export function useAbilities(): { can: (ability: Ability) => boolean; loaded: boolean } {
  const { identity, isPending } = useGetIdentity();
  const granted = new Set<string>((identity?.abilities as string[] | undefined) ?? []);
  return { can: (ability) => granted.has(ability), loaded: !isPending };
}

/** May this person change the versions of the tariff (sales: client tariffs only)? */
export function canEditTariff(can: (ability: Ability) => boolean, standard: boolean | undefined): boolean {
  return standard ? can('tariffs.editStandard') : can('tariffs.edit');
}
