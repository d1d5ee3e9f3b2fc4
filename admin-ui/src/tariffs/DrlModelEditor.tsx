import { useEffect, useImperativeHandle, useRef } from 'react';
import { Box } from '@mui/material';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState, StateEffect, StateField, type Extension } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  type DecorationSet,
} from '@codemirror/view';
import type { ValidationMessage } from './api';
import { drl } from './drlLanguage';
import type { ModelEditorProps } from './editorTypes';
import { drlLine } from './validationLocation';

/** The lines validation messages point at, as a whole-line background. */
const setFlaggedLines = StateEffect.define<{ line: number; severity: string }[]>();
const flaggedLines = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    let next = value.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setFlaggedLines)) continue;
      const ranges = effect.value
        .filter((f) => f.line >= 1 && f.line <= tr.state.doc.lines)
        .sort((a, b) => a.line - b.line)
        .map((f) =>
          Decoration.line({ class: `cm-flagged-line cm-flagged-${f.severity.toLowerCase()}` }).range(
            tr.state.doc.line(f.line).from,
          ),
        );
      next = Decoration.set(ranges, true);
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

const theme = EditorView.theme({
  '&': { fontSize: '13px', border: '1px solid rgba(0,0,0,0.23)', borderRadius: '4px' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', minHeight: '240px', maxHeight: '70vh' },
  '.cm-flagged-error': { backgroundColor: 'rgba(211, 47, 47, 0.12)' },
  '.cm-flagged-warning': { backgroundColor: 'rgba(237, 108, 2, 0.12)' },
  '.cm-flagged-info': { backgroundColor: 'rgba(2, 136, 209, 0.08)' },
});

const SEVERITY: Record<string, Diagnostic['severity']> = { ERROR: 'error', WARNING: 'warning', INFO: 'info' };

/** Diagnostics for CodeMirror's lint gutter: each message that names a line marks that whole line. */
export function diagnosticsFor(state: EditorState, messages: ValidationMessage[]): Diagnostic[] {
  return messages.flatMap((m) => {
    const line = drlLine(m.location, m.message);
    if (!line || line > state.doc.lines) return [];
    const { from, to } = state.doc.line(line);
    return [{ from, to, severity: SEVERITY[m.severity] ?? 'info', message: m.message, source: m.location }];
  });
}

function extensions(readOnly: boolean, onDocChanged: (doc: string) => void): Extension[] {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    highlightActiveLine(),
    keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
    drl(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    lintGutter(),
    flaggedLines,
    theme,
    EditorState.readOnly.of(readOnly),
    EditorView.editable.of(!readOnly),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) onDocChanged(update.state.doc.toString());
    }),
  ];
}

/** A DRL model in CodeMirror 6 with DRL colouring; validation messages marked on their lines. */
export const DrlModelEditor = ({ model, readOnly, messages, onDirtyChange, onContentChange, ref }: ModelEditorProps) => {
  const container = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | undefined>(undefined);
  const onDirty = useRef(onDirtyChange);
  onDirty.current = onDirtyChange;
  const onContent = useRef(onContentChange);
  onContent.current = onContentChange;

  useEffect(() => {
    const created = new EditorView({
      parent: container.current!,
      state: EditorState.create({
        doc: model.content,
        extensions: extensions(readOnly, (doc) => {
          onDirty.current(true);
          onContent.current?.(doc);
        }),
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      if (view.current === created) view.current = undefined;
    };
    // the editor owns the text once created: saving must not reset it
  }, [model.name, readOnly]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const flagged = messages
      .map((m) => ({ line: drlLine(m.location, m.message) ?? 0, severity: m.severity }))
      .filter((f) => f.line > 0);
    v.dispatch(setDiagnostics(v.state, diagnosticsFor(v.state, messages)));
    v.dispatch({ effects: setFlaggedLines.of(flagged) });
  }, [messages, model.name, readOnly]);

  useImperativeHandle(
    ref,
    () => ({
      async content() {
        return view.current?.state.doc.toString() ?? model.content;
      },
      markSaved() {
        onDirty.current(false);
      },
      reveal(message) {
        const v = view.current;
        const line = drlLine(message.location, message.message);
        if (!v || !line || line > v.state.doc.lines) return;
        const at = v.state.doc.line(line).from;
        v.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'center' }) });
        v.focus();
      },
    }),
    [model.content],
  );

  return <Box ref={container} data-testid="drl-editor" data-model={model.name} data-readonly={readOnly ? 'true' : 'false'} />;
};

export default DrlModelEditor;
