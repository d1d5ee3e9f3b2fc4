import { api } from '../api/client';
import { attempt } from '../api/action';

/** A new password for a user: the one given, or a temporary one the server answers once. */
export const resetPassword = (username: string, password?: string) =>
  attempt(api.POST('/api/v1/admin/users/{username}/password-reset', {
    params: { path: { username } },
    body: password ? { password } : {},
  }));

/** Revokes a key: its next request is refused. */
export const revokeApiKey = (name: string) =>
  attempt(api.POST('/api/v1/admin/api-keys/{name}/revoke', { params: { path: { name } } }));

/** The signed-in person's own password change. */
export const changeMyPassword = (currentPassword: string, newPassword: string) =>
  attempt(api.POST('/api/v1/me/password', { body: { currentPassword, newPassword } }));
