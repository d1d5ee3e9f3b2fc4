import DownloadIcon from '@mui/icons-material/Download';
import { Button, Tooltip } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';

type Query = Record<string, string | number | undefined | null>;

/** `path.csv?…` / `path.xlsx?…` with the defined parameters of the query */
export function exportUrl(path: string, format: 'csv' | 'xlsx', query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${path}.${format}${search ? `?${search}` : ''}`;
}

/**
 * CSV and Excel downloads of what a list shows: the list's own filter and order turned into the API's query by
 * {@code query}, the file made by the server (Russian titles, dd.mm.yyyy, decimal commas).
 */
export const ExportButtons = (props: {
  path: string;
  query: (filter: Record<string, unknown>, sort?: { field?: string; order?: string }) => Query;
}) => {
  const translate = useTranslate();
  const { filterValues, sort } = useListContext();
  const query = props.query(filterValues ?? {}, sort);
  return (
    <Tooltip title={translate('app.lists.export_hint')}>
      <span>
        {(['csv', 'xlsx'] as const).map((format) => (
          <Button
            key={format}
            size="small"
            startIcon={<DownloadIcon />}
            href={exportUrl(props.path, format, query)}
            data-testid={`export-${format}`}
          >
            {translate(`app.lists.export_${format}`)}
          </Button>
        ))}
      </span>
    </Tooltip>
  );
};
