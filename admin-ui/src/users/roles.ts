/** Roles of people and of API keys, as the server names them; labels in app.roles.* */
export const PERSON_ROLES = ['TARIFF_MANAGER', 'SALES', 'FINANCE', 'ADMIN', 'CLIENT', 'CLIENT_ADMIN', 'NETWORK_OPS'] as const;
/** a client's people: they belong to a client (an account of it) and see the portal only */
export const CLIENT_ROLES: readonly string[] = ['CLIENT', 'CLIENT_ADMIN'];
export const hasClientRole = (roles: unknown) => Array.isArray(roles) && roles.some((r) => CLIENT_ROLES.includes(r));
export const KEY_ROLES = ['API_CLIENT', 'ADMIN'] as const;

export const roleChoices = (roles: readonly string[], translate: (key: string) => string) =>
  roles.map((id) => ({ id, name: translate(`app.roles.${id}`) }));
