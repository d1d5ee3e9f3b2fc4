import { useEffect, useId, useImperativeHandle, useRef, useState } from 'react';
import { Alert, Box, LinearProgress, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { DmnManager, DmnView } from 'dmn-js-types';
import type { ModelEditorProps } from './editorTypes';
import { isElementId } from './validationLocation';
import { dmnTranslateModule, fixTitles } from './dmnTranslate';

/** Views a tariff manager edits: the tables (and literal expressions), not the diagram. */
// a tariff decision is a decision table: the server refuses literal expressions (rules/DmnModelCheck)
const EDITABLE_VIEWS = ['decisionTable'];

const cssId = (id: string) => (typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(id) : id.replace(/"/g, '\\"'));

const FLAG_COLORS = { ERROR: ['211, 47, 47', '#d32f2f'], WARNING: ['237, 108, 2', '#ed6c02'] } as const;

/**
 * CSS that marks the cells, rows or columns whose id a validation message names (and the whole table when
 * asked); a style rule rather than classes, so it survives dmn-js re-rendering the table.
 */
export function flaggedCss(scope: string, ids: string[], wholeTable = false, severity: 'ERROR' | 'WARNING' = 'ERROR'): string {
  const selectors = ids.flatMap((id) => {
    const v = cssId(id);
    return [`[data-element-id="${v}"]`, `[data-row-id="${v}"]`, `[data-col-id="${v}"]`].map(
      (s) => `[data-dmn-scope="${scope}"] ${s}`,
    );
  });
  if (wholeTable) selectors.push(`[data-dmn-scope="${scope}"] .tjs-table`);
  if (!selectors.length) return '';
  const [rgb, solid] = FLAG_COLORS[severity];
  return `${selectors.join(',\n')} { background: rgba(${rgb}, 0.12) !important; outline: 2px solid ${solid}; outline-offset: -2px; }`;
}

/** The ids that stand for a whole decision: the decision's and its table's. */
function decisionIds(view: DmnView | undefined): string[] {
  const element = view?.element as { id: string; decisionLogic?: { id?: string } } | undefined;
  return element ? [element.id, element.decisionLogic?.id].filter((id): id is string => !!id) : [];
}

/**
 * A DMN model in dmn-js, opened directly on its decision table: the Modeler for drafts,
 * the Viewer for published versions. dmn-js is loaded on first use (a separate ~1 MB chunk).
 */
export const DmnModelEditor = ({ model, readOnly, messages, onDirtyChange, onContentChange, ref }: ModelEditorProps) => {
  const translate = useTranslate();
  const container = useRef<HTMLDivElement>(null);
  const instance = useRef<DmnManager | undefined>(undefined);
  const [views, setViews] = useState<DmnView[]>([]);
  const [activeView, setActiveView] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<string>();
  const onDirty = useRef(onDirtyChange);
  onDirty.current = onDirtyChange;
  const onContent = useRef(onContentChange);
  onContent.current = onContentChange;
  /** edits not yet saved, and the pending copy of the XML for onContentChange */
  const dirty = useRef(false);
  const snapshotTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const scope = `dmn${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const [locale] = useLocaleState();

  useEffect(() => {
    let disposed = false;
    let created: DmnManager | undefined;
    const snapshot = async () => {
      snapshotTimer.current = undefined;
      if (!created || !dirty.current || !onContent.current) return;
      const { xml } = await created.saveXML({ format: true });
      if (dirty.current) onContent.current?.(xml);
    };
    setLoading(true);
    setFailure(undefined);
    const stopFixingTitles = container.current ? fixTitles(container.current, locale) : () => undefined;
    import('./dmnJs')
      .then(async ({ DmnModeler, DmnViewer }) => {
        if (disposed || !container.current) return;
        const Editor = readOnly ? DmnViewer : DmnModeler;
        // every view of dmn-js (the decision table, the DRD) speaks the UI's language; each view's own options, as
        // dmn-js 17 replaces `common.additionalModules` by the view's (Manager._createViewer)
        const translated = { additionalModules: [dmnTranslateModule(locale)] };
        created = new Editor({
          container: container.current,
          common: translated,
          drd: translated,
          decisionTable: translated,
          literalExpression: translated,
          boxedExpression: translated,
        });
        instance.current = created;
        // every view (one per decision) gets its own viewer; any edit in any of them is unsaved work
        // (commands only: rendering a table also fires elements.changed)
        created.on('viewer.created', ({ viewer }) => {
          if (readOnly) return;
          viewer.on('commandStack.changed', () => {
            dirty.current = true;
            onDirty.current(true);
            clearTimeout(snapshotTimer.current);
            snapshotTimer.current = setTimeout(snapshot, 300);
          });
        });
        await created.importXML(model.content);
        if (disposed) return;
        const editable = created.getViews().filter((v) => EDITABLE_VIEWS.includes(v.type));
        setViews(editable);
        const first = editable.find((v) => v.type === 'decisionTable') ?? editable[0];
        if (first) {
          await created.open(first);
          setActiveView(first.id);
        }
      })
      .catch((e: unknown) => {
        if (!disposed) setFailure((e as Error)?.message ?? String(e));
      })
      .finally(() => {
        if (!disposed) setLoading(false);
      });
    return () => {
      disposed = true;
      stopFixingTitles();
      if (instance.current === created) instance.current = undefined;
      // keep the last edits before the editor goes
      const pending = snapshotTimer.current !== undefined;
      clearTimeout(snapshotTimer.current);
      const last = pending ? snapshot().catch(() => undefined) : Promise.resolve();
      void last.finally(() => created?.destroy());
    };
    // the editor owns the content once loaded: saving must not re-import it
  }, [model.name, readOnly]);

  useImperativeHandle(
    ref,
    () => ({
      async content() {
        if (!instance.current) return model.content;
        const { xml } = await instance.current.saveXML({ format: true });
        return xml;
      },
      markSaved() {
        dirty.current = false;
        clearTimeout(snapshotTimer.current);
        snapshotTimer.current = undefined;
        onDirty.current(false);
      },
      reveal(message) {
        const id = message.location?.trim();
        if (!id || !container.current) return;
        const target = container.current.querySelector(
          `[data-element-id="${cssId(id)}"], [data-row-id="${cssId(id)}"], [data-col-id="${cssId(id)}"]`,
        );
        target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      },
    }),
    [model.content],
  );

  // errors and warnings are marked where they point; a message about the whole table (its id, or the
  // decision's) outlines the table; information stays in the list above
  const tableIds = decisionIds(views.find((v) => v.id === activeView));
  const css = (['WARNING', 'ERROR'] as const)
    .map((severity) => {
      const locations = messages
        .filter((m) => m.severity === severity)
        .map((m) => m.location?.trim())
        .filter(isElementId);
      const wholeTable = locations.some((id) => tableIds.includes(id));
      return flaggedCss(scope, locations.filter((id) => !tableIds.includes(id)), wholeTable, severity);
    })
    .join('\n');

  const openView = async (id: string | null) => {
    const view = views.find((v) => v.id === id);
    if (!view || !instance.current) return;
    await instance.current.open(view);
    setActiveView(view.id);
  };

  return (
    <Box>
      {loading && <LinearProgress sx={{ mb: 1 }} aria-label={translate('app.tariff.editor.loading')} />}
      {failure && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {translate('app.tariff.editor.load_failed', { error: failure })}
        </Alert>
      )}
      {views.length > 1 && (
        <ToggleButtonGroup
          size="small"
          exclusive
          value={activeView ?? null}
          onChange={(_, id) => openView(id)}
          sx={{ mb: 1, flexWrap: 'wrap' }}
        >
          {views.map((v) => (
            <ToggleButton key={v.id} value={v.id}>
              {v.name || v.element.name || v.element.id}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      )}
      <style>{css}</style>
      <Box
        ref={container}
        data-dmn-scope={scope}
        data-testid="dmn-editor"
        data-model={model.name}
        data-readonly={readOnly ? 'true' : 'false'}
        sx={{
          minHeight: 160,
          overflowX: 'auto',
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
          p: 1,
          position: 'relative',
          // dmn-js styles assume its own fonts and colours; keep them readable inside MUI
          '& .dmn-decision-table-container': { fontSize: 14 },
          // tariff managers edit tables; the diagram view has no way back without our decision switcher
          '& .view-drd': { display: 'none' },
        }}
      />
    </Box>
  );
};

export default DmnModelEditor;
