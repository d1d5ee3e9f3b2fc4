import { HttpError, type DataProvider } from 'react-admin';
import { api } from '../api/client';
import { listLocally, noResourceProvider, withIds } from '../api/arrayResource';
import { unwrap } from '../api/unwrap';
import type { components } from '../api/schema';
import { hasClientRole } from './roles';

type Schemas = components['schemas'];
export type PlatformUser = Schemas['PlatformUser'];
export type ApiKeyInfo = Schemas['ApiKeyInfo'];
export type SignIn = Schemas['SignIn'];

/**
 * Administration (ADMIN only): `users` keyed by username (create: `POST`, whose answer may carry a temporary
 * password shown once; update: `PUT` of roles and enabled), `api-keys` keyed by name (create: `POST`, whose answer
 * carries the secret shown once; revoking is a button, `api.ts`), `sign-ins` (the audit, filtered by the server by
 * username and outcome, the last 1000; read-only). Lists are paged and sorted in the browser.
 */
const listUsers = async () => withIds(await unwrap(api.GET('/api/v1/admin/users')), 'username');
const listKeys = async () => withIds(await unwrap(api.GET('/api/v1/admin/api-keys')), 'name');

async function listSignIns(filter: Record<string, string | undefined>) {
  const signIns = await unwrap(api.GET('/api/v1/admin/sign-ins', {
    params: {
      query: {
        username: filter.username || undefined,
        outcome: (filter.outcome || undefined) as Schemas['SignInOutcome'] | undefined,
        limit: 1000,
      },
    },
  }));
  return signIns.map((signIn, i) => ({ ...signIn, id: `${signIn.at}#${i}` }));
}

export const userDataProvider: DataProvider = {
  ...noResourceProvider,

  async getList(resource, params) {
    if (resource === 'users') return listLocally(await listUsers(), params) as any;
    if (resource === 'api-keys') return listLocally(await listKeys(), params) as any;
    if (resource === 'sign-ins') {
      const { username, outcome, ...rest } = params.filter ?? {};
      return listLocally(await listSignIns({ username, outcome }), { ...params, filter: rest }) as any;
    }
    return noResourceProvider.getList(resource, params);
  },

  async getOne(resource, params) {
    if (resource === 'users') {
      const user = await unwrap(api.GET('/api/v1/admin/users/{username}', {
        params: { path: { username: String(params.id) } },
      }));
      return { data: { ...user, id: user.username } as any };
    }
    if (resource === 'api-keys') {
      const key = (await listKeys()).find((k) => k.id === String(params.id));
      if (!key) throw new HttpError('ra.notification.item_doesnt_exist', 404);
      return { data: key as any };
    }
    return noResourceProvider.getOne(resource, params);
  },

  async create(resource, params) {
    if (resource === 'users') {
      const { username, password, roles, enabled, client, email } = params.data;
      const issued = await unwrap(api.POST('/api/v1/admin/users', {
        body: {
          username, password: password || undefined, roles: roles ?? [], enabled: enabled ?? true,
          client: hasClientRole(roles) ? client || undefined : undefined, email: email || undefined,
        },
      }));
      return { data: { ...issued.user, id: issued.user.username, temporaryPassword: issued.temporaryPassword } as any };
    }
    if (resource === 'api-keys') {
      const { name, roles, sources } = params.data;
      const created = await unwrap(api.POST('/api/v1/admin/api-keys', {
        body: { name, roles: roles ?? [], sources: sourcesOf(sources) },
      }));
      return { data: { ...created.key, id: created.key.name, secret: created.secret } as any };
    }
    return noResourceProvider.create(resource, params);
  },

  async update(resource, params) {
    if (resource === 'users') {
      const user = await unwrap(api.PUT('/api/v1/admin/users/{username}', {
        params: { path: { username: String(params.id) } },
        body: {
          roles: params.data.roles ?? [], enabled: Boolean(params.data.enabled),
          client: hasClientRole(params.data.roles) ? params.data.client || undefined : undefined,
        },
      }));
      return { data: { ...user, id: user.username } as any };
    }
    return noResourceProvider.update(resource, params);
  },
};

/** sources typed one per line or separated by commas or spaces */
export function sourcesOf(text: unknown): string[] {
  if (Array.isArray(text)) return text.map(String);
  return String(text ?? '').split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
}
