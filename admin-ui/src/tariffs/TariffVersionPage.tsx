import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  Grid,
  LinearProgress,
  Stack,
  Tab,
  Tabs,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import CodeIcon from '@mui/icons-material/Code';
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import PublishIcon from '@mui/icons-material/Publish';
import SaveIcon from '@mui/icons-material/Save';
import ScienceIcon from '@mui/icons-material/Science';
import TableChartIcon from '@mui/icons-material/TableChart';
import { useQueryClient } from '@tanstack/react-query';
import { Title, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { tariffApi, type TariffModel, type TariffVersion, type Validation, type ValidationMessage } from './api';
import { DmnModelEditor } from './DmnModelEditor';
import { TariffChip, versionStanding } from './chips';
import type { ModelEditorHandle, ModelEditorProps } from './editorTypes';
import { formatMoscow } from './moscowTime';
import { tariffPaths } from './paths';
import { PublishDialog } from './PublishDialog';
import { ErrorAlert, problemOf } from './problems';
import { tariffKeys, useTariffEditability, useTariffs, useTariffVersion } from './queries';
import { useAbilities } from '../shared/abilities';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import DeleteIcon from '@mui/icons-material/Delete';
import { useNewDraft } from './useNewDraft';
import { unsavedEdits } from './unsavedEdits';
import { ValidationPanel, ModelMessages } from './ValidationPanel';
import { messagesOf } from './validationLocation';
import { actorName } from '../shared/codes';

const DrlModelEditor = lazy(() => import('./DrlModelEditor'));

/** One version of a tariff: its models in editors, validation, publication, links to simulate and diff. */
export const TariffVersionPage = () => {
  const params = useParams();
  const code = params.code ?? '';
  const version = Number(params.version);
  const translate = useTranslate();
  const { data, error, isPending } = useTariffVersion(code, version);
  const { editable, known } = useTariffEditability(code);

  return (
    <Box sx={{ mt: 2, width: 0, minWidth: '100%' }}>
      <Title title={translate('app.tariff.version_title', { code, version })} />
      {(isPending || !known) && <LinearProgress />}
      {error && <ErrorAlert error={error} />}
      {data && known && (
        <VersionWorkspace key={`${code}/${version}/${data.state}/${editable}`} code={code} tariffVersion={data} editable={editable} />
      )}
    </Box>
  );
};

const VersionWorkspace = ({ code, tariffVersion, editable }: { code: string; tariffVersion: TariffVersion; editable: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const version = tariffVersion.version;
  const models = useMemo(() => orderModels(tariffVersion.models ?? []), [tariffVersion.models]);
  const { can } = useAbilities();
  const readOnly = tariffVersion.state !== 'DRAFT' || !editable;

  const [tab, setTab] = useState(0);
  const [opened, setOpened] = useState<Set<number>>(() => new Set([0]));
  // edits left unsaved when the page was last shown (see unsavedEdits) are still unsaved
  const [dirty, setDirty] = useState<Record<string, boolean>>(() =>
    readOnly
      ? {}
      : Object.fromEntries(
          models.filter((m) => unsavedEdits.get(code, version, m.name) !== undefined).map((m) => [m.name, true]),
        ),
  );
  const [saving, setSaving] = useState(false);
  const [validation, setValidation] = useState<Validation>();
  const [validating, setValidating] = useState(false);
  const [validationError, setValidationError] = useState<unknown>();
  const [publishOpen, setPublishOpen] = useState(false);
  const editors = useRef(new Map<string, ModelEditorHandle>());
  const { create: newDraft, creating } = useNewDraft(code);
  const [deleteAsked, setDeleteAsked] = useState(false);
  const navigate = useNavigate();

  const deleteDraft = async () => {
    try {
      await tariffApi.deleteDraft(code, version);
      for (const m of models) unsavedEdits.drop(code, version, m.name);
      notify('app.tariff.draft_deleted', { type: 'success', messageArgs: { version } });
      void queryClient.invalidateQueries({ queryKey: tariffKeys.tariff(code) });
      void queryClient.invalidateQueries({ queryKey: ['tariff-api', 'list'] });
      navigate(tariffPaths.tariff(code));
    } catch (e) {
      const p = problemOf(e);
      notify(p?.detail || p?.title || String(e), { type: 'error' });
    } finally {
      setDeleteAsked(false);
    }
  };

  const showTab = (index: number) => {
    setTab(index);
    setOpened((previous) => new Set(previous).add(index));
  };

  const refreshTariff = () => queryClient.invalidateQueries({ queryKey: tariffKeys.tariff(code) });

  /** Stores one model's editor text; false when the server refused it. */
  const saveModel = async (model: TariffModel): Promise<boolean> => {
    const editor = editors.current.get(model.name);
    if (!editor) return true;
    try {
      const content = await editor.content();
      await tariffApi.saveModel(code, version, { ...model, content });
      editor.markSaved();
      unsavedEdits.drop(code, version, model.name);
      return true;
    } catch (e) {
      const p = problemOf(e);
      notify('app.tariff.save_failed', { type: 'error', messageArgs: { model: model.name, error: p.detail || p.title || '' } });
      return false;
    }
  };

  /** Stores every model with unsaved changes; false when one was refused. */
  const saveAll = async (): Promise<boolean> => {
    const pending = models.filter((m) => dirty[m.name]);
    if (!pending.length || readOnly) return true;
    setSaving(true);
    try {
      for (const model of pending) {
        if (!(await saveModel(model))) return false;
      }
      notify('app.tariff.saved', { type: 'success', messageArgs: { smart_count: pending.length } });
      void refreshTariff();
      return true;
    } finally {
      setSaving(false);
    }
  };

  const saveCurrent = async () => {
    const model = models[tab];
    if (!model) return;
    setSaving(true);
    try {
      if (await saveModel(model)) {
        notify('app.tariff.saved', { type: 'success', messageArgs: { smart_count: 1 } });
        void refreshTariff();
      }
    } finally {
      setSaving(false);
    }
  };

  const validate = async () => {
    setValidating(true);
    setValidationError(undefined);
    try {
      if (!(await saveAll())) return;
      setValidation(await tariffApi.validate(code, version));
      void queryClient.invalidateQueries({ queryKey: tariffKeys.audit(code) });
    } catch (e) {
      setValidation(undefined);
      setValidationError(e);
    } finally {
      setValidating(false);
    }
  };

  const published = (result: TariffVersion) => {
    setPublishOpen(false);
    for (const m of models) unsavedEdits.drop(code, version, m.name);
    notify('app.tariff.publish.done', {
      type: 'success',
      messageArgs: { version: result.version, effectiveFrom: result.effectiveFrom ?? '' },
    });
    void queryClient.invalidateQueries({ queryKey: tariffKeys.tariff(code) });
    void queryClient.invalidateQueries({ queryKey: ['tariffs'] });
  };

  const revealMessage = (message: ValidationMessage) => {
    const index = models.findIndex((m) => m.name === message.model);
    if (index < 0) return;
    showTab(index);
    // the editor may mount with this tab: let it render first
    setTimeout(() => editors.current.get(message.model)?.reveal(message), 50);
  };

  const setModelDirty = useCallback(
    (name: string, value: boolean) => setDirty((previous) => (previous[name] === value ? previous : { ...previous, [name]: value })),
    [],
  );
  const anyDirty = Object.values(dirty).some(Boolean);

  // closing the tab or reloading with unsaved models: let the browser ask
  useEffect(() => {
    if (!anyDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [anyDirty]);
  const current = models[tab];

  return (
    <>
      <VersionHeader code={code} tariffVersion={tariffVersion} />
      <Stack direction="row" spacing={1} sx={{ my: 2, flexWrap: 'wrap', rowGap: 1 }}>
        <Button component={Link} to={tariffPaths.tariff(code)} startIcon={<ArrowBackIcon />}>
          {translate('app.tariff.back_to_tariff')}
        </Button>
        {!readOnly && (
          <Button
            variant="outlined"
            startIcon={<SaveIcon />}
            onClick={saveCurrent}
            disabled={saving || !current || !dirty[current.name]}
            data-testid="save-model"
          >
            {translate('app.tariff.save_model')}
          </Button>
        )}
        <Button variant="outlined" startIcon={<FactCheckIcon />} onClick={validate} disabled={validating || saving} data-testid="validate">
          {translate(validating ? 'app.tariff.validation.running' : 'app.tariff.validation.run')}
        </Button>
        {!readOnly && can('tariffs.publish') && (
          <Button variant="contained" startIcon={<PublishIcon />} onClick={() => setPublishOpen(true)} data-testid="publish">
            {translate('app.tariff.publish.button')}
          </Button>
        )}
        <Button component={Link} to={tariffPaths.simulate(code, version)} startIcon={<ScienceIcon />} data-testid="simulate-link">
          {translate('app.tariff.simulate')}
        </Button>
        <Button component={Link} to={tariffPaths.diff(code, version)} startIcon={<CompareArrowsIcon />} data-testid="diff-link">
          {translate('app.tariff.diff.link')}
        </Button>
        {!readOnly && (
          <Button color="warning" startIcon={<DeleteIcon />} onClick={() => setDeleteAsked(true)} data-testid="delete-draft">
            {translate('app.tariff.delete_draft')}
          </Button>
        )}
        {editable && (
          <Button startIcon={<AddIcon />} onClick={() => newDraft(version)} disabled={creating !== undefined} data-testid="new-draft">
            {translate('app.tariff.new_draft')}
          </Button>
        )}
      </Stack>
      <ConfirmDialog
        open={deleteAsked}
        title={translate('app.tariff.delete_draft')}
        consequence={translate('app.tariff.delete_draft_consequence', { version, code })}
        confirm={translate('app.tariff.delete_draft')}
        onCancel={() => setDeleteAsked(false)}
        onConfirm={deleteDraft}
      />
      {readOnly && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="read-only">
          {tariffVersion.state === 'DRAFT'
            ? translate('app.tariff.not_yours')
            : translate('app.tariff.read_only', { state: translate(`app.tariff.state.${tariffVersion.state}`) })}
        </Alert>
      )}
      {anyDirty && (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="unsaved">
          {translate('app.tariff.unsaved', { models: Object.keys(dirty).filter((k) => dirty[k]).join(', ') })}
        </Alert>
      )}
      {validationError !== undefined && <ErrorAlert error={validationError} fallback="app.tariff.validation.failed" />}
      {validation && <ValidationPanel validation={validation} onSelect={revealMessage} />}

      <Card variant="outlined">
        <Tabs value={Math.min(tab, Math.max(models.length - 1, 0))} onChange={(_, i) => showTab(i)} variant="scrollable" scrollButtons="auto">
          {models.map((m) => (
            <Tab key={m.name} label={<ModelTabLabel model={m} messages={messagesOf(validation?.messages, m.name)} dirty={!!dirty[m.name]} />} data-testid={`model-tab-${m.name}`} />
          ))}
        </Tabs>
        <CardContent>
          {!models.length && <Typography variant="body2">{translate('app.tariff.no_models')}</Typography>}
          {models.map((m, i) =>
            opened.has(i) ? (
              <Box key={m.name} hidden={i !== tab} data-testid={`model-panel-${m.name}`}>
                <ModelMessages messages={messagesOf(validation?.messages, m.name)} onSelect={revealMessage} />
                <ModelEditor
                  model={readOnly ? m : { ...m, content: unsavedEdits.get(code, version, m.name) ?? m.content }}
                  readOnly={readOnly}
                  messages={messagesOf(validation?.messages, m.name)}
                  onDirtyChange={(value) => setModelDirty(m.name, value)}
                  onContentChange={(content) => unsavedEdits.set(code, version, m.name, content)}
                  handle={(h) => {
                    if (h) editors.current.set(m.name, h);
                    else editors.current.delete(m.name);
                  }}
                />
              </Box>
            ) : null,
          )}
        </CardContent>
      </Card>

      <PublishDialog
        code={code}
        version={version}
        open={publishOpen}
        onClose={() => setPublishOpen(false)}
        onPublished={published}
        beforePublish={saveAll}
      />
    </>
  );
};

const ModelEditor = ({
  handle,
  ...props
}: Omit<ModelEditorProps, 'ref'> & { handle(h: ModelEditorHandle | null): void }) => {
  const { model } = props;
  const editorProps = { ...props, ref: handle };
  if (model.kind === 'DMN') return <DmnModelEditor {...editorProps} />;
  return (
    <Suspense fallback={<CircularProgress size={24} />}>
      <DrlModelEditor {...editorProps} />
    </Suspense>
  );
};

/**
 * The order a person reads a tariff in: the decision tables first, in the order of the tariff sheet (a model the
 * list does not know comes after them, by name), the rules (DRL) last. The version opens on the first table.
 */
const MODEL_ORDER = [
  'network-minute.dmn',
  'ivr-minute.dmn',
  'operator-minute.dmn',
  'post-processing-fee.dmn',
  'outbound-minute.dmn',
  'marking-fee.dmn',
  'virtual-office-minute.dmn',
  'conference-port-minute.dmn',
  'survey-completed-fee.dmn',
  'informing-attempt-fee.dmn',
  'one-time-services.dmn',
  'monthly-fees.dmn',
  'included-quantities.dmn',
  'volume-coefficient.dmn',
];

export function orderModels(models: TariffModel[]): TariffModel[] {
  const rank = (m: TariffModel) => {
    const known = MODEL_ORDER.indexOf(m.name);
    return (m.kind === 'DRL' ? 2000 : 0) + (known >= 0 ? known : 1000);
  };
  return [...models].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

const ModelTabLabel = ({ model, messages, dirty }: { model: TariffModel; messages: ValidationMessage[]; dirty: boolean }) => {
  const translate = useTranslate();
  const errors = messages.filter((m) => m.severity === 'ERROR').length;
  const icon = model.kind === 'DMN' ? <TableChartIcon fontSize="small" /> : <CodeIcon fontSize="small" />;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      {icon}
      <Badge
        color={errors ? 'error' : 'warning'}
        badgeContent={messages.length}
        invisible={!messages.length}
        data-testid={`model-tab-badge-${model.name}`}
      >
        <span style={{ paddingRight: messages.length ? 10 : 0, textTransform: 'none' }} title={model.name}>
          {translate(`app.model.${model.name.replace(/\.(dmn|drl)$/, '')}`, { _: model.name })}
          {dirty ? ' •' : ''}
        </span>
      </Badge>
    </Stack>
  );
};

const VersionHeader = ({ code, tariffVersion: v }: { code: string; tariffVersion: TariffVersion }) => {
  const translate = useTranslate();
  const { data: tariffs } = useTariffs();
  const inForce = Array.isArray(tariffs) ? tariffs.find((t) => t.code === code)?.versionInForce : undefined;
  const [locale] = useLocaleState();
  const field = (label: string, value: React.ReactNode, testId?: string) => (
    <Grid size={{ xs: 6, sm: 4, md: 3 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(`app.tariff.version_fields.${label}`)}
      </Typography>
      <Typography variant="body2" component="div" data-testid={testId}>
        {value || '—'}
      </Typography>
    </Grid>
  );
  return (
    <Card variant="outlined" data-testid="version-header" data-state={v.state}>
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
          <Typography variant="h5" data-testid="version-heading">
            {translate('app.tariff.version_title', { code, version: v.version })}
          </Typography>
          <TariffChip kind="state" value={versionStanding(v, inForce)} />
        </Stack>
        <Grid container spacing={2}>
          {field('effectiveFrom', formatMoscow(v.effectiveFrom, locale), 'effective-from-value')}
          {field(
            'basedOn',
            v.basedOn ? <Link to={tariffPaths.version(code, v.basedOn)}>{v.basedOn}</Link> : undefined,
          )}
          {field('createdBy', actorName(translate, v.createdBy))}
          {field('createdAt', formatMoscow(v.createdAt, locale))}
          {field('publishedBy', actorName(translate, v.publishedBy))}
          {field('publishedAt', formatMoscow(v.publishedAt, locale))}
        </Grid>
      </CardContent>
    </Card>
  );
};
