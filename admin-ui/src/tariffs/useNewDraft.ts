import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNotify, useRefresh } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { tariffApi } from './api';
import { tariffPaths } from './paths';
import { problemOf } from './problems';
import { tariffKeys } from './queries';

/** "New draft from this version": POST versions {basedOn}, then open the draft. */
export function useNewDraft(code: string) {
  const notify = useNotify();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const refresh = useRefresh();
  const [creating, setCreating] = useState<number>();

  const create = async (basedOn: number) => {
    setCreating(basedOn);
    try {
      const draft = await tariffApi.createDraft(code, basedOn);
      await queryClient.invalidateQueries({ queryKey: tariffKeys.tariff(code) });
      refresh();
      notify('app.tariff.draft_created', { type: 'success', messageArgs: { version: draft.version, basedOn } });
      navigate(tariffPaths.version(code, draft.version));
    } catch (e) {
      const p = problemOf(e);
      notify('app.tariff.action_failed', { type: 'error', messageArgs: { error: p.detail || p.title || '' } });
    } finally {
      setCreating(undefined);
    }
  };
  return { create, creating };
}
