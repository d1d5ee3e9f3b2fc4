/** Roles of people and of API keys, as the server names them; labels in app.roles.* */
export const PERSON_ROLES = ['TARIFF_MANAGER', 'SALES', 'FINANCE', 'ADMIN', 'NETWORK_OPS'] as const;
export const KEY_ROLES = ['API_CLIENT', 'ADMIN'] as const;

export const roleChoices = (roles: readonly string[], translate: (key: string) => string) =>
  roles.map((id) => ({ id, name: translate(`app.roles.${id}`) }));
