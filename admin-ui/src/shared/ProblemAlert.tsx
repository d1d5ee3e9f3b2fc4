import { Alert, AlertTitle } from '@mui/material';
import type { FieldError, Problem } from '../api/problem';

/** An RFC 7807 problem (title, detail, errors[].field + message) shown readably. */
export const ProblemAlert = ({ problem, fallbackTitle }: { problem: Problem; fallbackTitle: string }) => (
  <Alert severity="error" data-testid="problem">
    <AlertTitle>
      {problem.title || fallbackTitle}
      {problem.status ? ` (${problem.status})` : ''}
    </AlertTitle>
    {problem.detail && <div>{problem.detail}</div>}
    {problem.errors && problem.errors.length > 0 && <FieldErrorList errors={problem.errors} />}
  </Alert>
);

export const FieldErrorList = ({ errors }: { errors: FieldError[] }) => (
  <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
    {errors.map((e, i) => (
      <li key={i}>
        <code>{e.field}</code>: {e.message}
      </li>
    ))}
  </ul>
);
