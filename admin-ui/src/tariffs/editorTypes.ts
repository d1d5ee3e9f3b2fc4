import type { Ref } from 'react';
import type { TariffModel, ValidationMessage } from './api';

/** What the version page asks of a model editor. */
export interface ModelEditorHandle {
  /** the model's current text (DMN XML or DRL), unsaved edits included */
  content(): Promise<string>;
  /** the current text is now stored: no unsaved changes */
  markSaved(): void;
  /** scroll to and flash the place a message points at */
  reveal(message: ValidationMessage): void;
}

export interface ModelEditorProps {
  model: TariffModel;
  readOnly: boolean;
  /** validation messages of this model */
  messages: ValidationMessage[];
  onDirtyChange(dirty: boolean): void;
  /** the text after edits (DMN: shortly after), to keep unsaved work across re-mounts */
  onContentChange?(content: string): void;
  ref?: Ref<ModelEditorHandle>;
}
