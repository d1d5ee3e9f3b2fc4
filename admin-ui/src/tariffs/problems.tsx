import { useEffect } from 'react';
import { useLogoutIfAccessDenied, useTranslate } from 'react-admin';
import { isProblem, type Problem } from '../api/problem';
import { ProblemAlert } from '../shared/ProblemAlert';

/** The problem+json document behind an HttpError (or a plain one made from its message). */
export function problemOf(error: unknown): Problem {
  const e = error as { body?: unknown; message?: string; status?: number } | undefined;
  if (e && isProblem(e.body)) return { ...e.body, status: e.body.status ?? e.status };
  return { title: e?.message ?? String(error), status: e?.status };
}

/** A failed call shown as a problem; a 401 sends the browser to the sign-in page. */
export const ErrorAlert = ({ error, fallback = 'app.tariff.problem' }: { error: unknown; fallback?: string }) => {
  const translate = useTranslate();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  useEffect(() => {
    if ((error as { status?: number })?.status === 401) logoutIfAccessDenied(error);
  }, [error, logoutIfAccessDenied]);
  return <ProblemAlert problem={problemOf(error)} fallbackTitle={translate(fallback)} />;
};
