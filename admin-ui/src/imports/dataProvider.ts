import type { DataProvider } from 'react-admin';
import { api } from '../api/client';
import { arrayDataProvider, arrayResource } from '../api/arrayResource';
import { withFormErrors } from '../api/problem';
import { unwrap } from '../api/unwrap';
import type { components } from '../api/schema';

/** `cdr-mappings`: how a line of an equipment file becomes a CDR; a plain array keyed by name. */

type Schemas = components['schemas'];

/** A JSON object given as text (from a text area) or already parsed. */
export function jsonObject(value: unknown): Record<string, unknown> {
  return typeof value === 'string' ? JSON.parse(value) : (value as Record<string, unknown>);
}

export const cdrMappingDataProvider: DataProvider = arrayDataProvider({
  'cdr-mappings': arrayResource<Schemas['CdrMapping']>({
    key: 'name',
    fields: ['name', 'format', 'description', 'definition'],
    list: () => unwrap(api.GET('/api/v1/cdr-mappings')),
    // the form edits the definition as text
    put: async (body) => {
      try {
        const definition = jsonObject(body.definition) as Schemas['CdrMappingDefinition'];
        return await unwrap(api.PUT('/api/v1/cdr-mappings', { body: { ...body, definition } }));
      } catch (e) {
        // the server names fields inside the definition: show them under its text area
        throw withFormErrors(e, ['name', 'format', 'description', 'definition'], 'definition');
      }
    },
    remove: async (name) => {
      await unwrap(api.DELETE('/api/v1/cdr-mappings/{name}', { params: { path: { name } } }));
    },
  }),
});
