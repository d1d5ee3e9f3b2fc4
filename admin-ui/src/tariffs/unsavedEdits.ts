/**
 * Unsaved model texts, kept in memory for the browser session: the version page re-mounts its editors when the
 * language changes (react-admin re-renders everything) or when the manager leaves and comes back, and must not
 * lose the edits. A model's entry is dropped when it is saved.
 */
const edits = new Map<string, string>();

const key = (code: string, version: number, model: string) => `${code}\u0000${version}\u0000${model}`;

export const unsavedEdits = {
  get: (code: string, version: number, model: string) => edits.get(key(code, version, model)),
  set: (code: string, version: number, model: string, content: string) => edits.set(key(code, version, model), content),
  drop: (code: string, version: number, model: string) => edits.delete(key(code, version, model)),
  clear: () => edits.clear(),
};
