import { Button, CircularProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { useLocaleState, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { TariffVersion } from './api';
import { TariffChip, versionStanding } from './chips';
import { formatMoscow } from './moscowTime';
import { tariffPaths } from './paths';
import { ErrorAlert } from './problems';
import { useTariffEditable, useTariffVersions } from './queries';
import { useNewDraft } from './useNewDraft';
import { actorName } from '../shared/codes';

const COLUMNS = ['version', 'state', 'effectiveFrom', 'basedOn', 'createdBy', 'createdAt', 'publishedBy', 'publishedAt'] as const;

/** The versions of a tariff, newest first, each with "Open" and "New draft from this version". */
export const TariffVersionsTable = ({ code, versionInForce }: { code: string; versionInForce?: number }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, error, isPending } = useTariffVersions(code);
  const { create, creating } = useNewDraft(code);
  const editable = useTariffEditable(code);

  if (isPending) return <CircularProgress size={24} />;
  if (error) return <ErrorAlert error={error} />;
  if (!data?.length) return <Typography variant="body2">{translate('app.tariff.no_versions')}</Typography>;

  const cell = (v: TariffVersion, column: (typeof COLUMNS)[number]) => {
    switch (column) {
      case 'version':
        return (
          <Link to={tariffPaths.version(code, v.version)}>
            {v.version}
          </Link>
        );
      case 'state':
        return <TariffChip kind="state" value={versionStanding(v, versionInForce)} />;
      case 'effectiveFrom':
      case 'createdAt':
      case 'publishedAt':
        return formatMoscow(v[column], locale);
      case 'createdBy':
      case 'publishedBy':
        return actorName(translate, v[column]);
      default:
        return v[column] ?? '';
    }
  };

  return (
    <Table size="small" data-testid="tariff-versions">
      <TableHead>
        <TableRow>
          {COLUMNS.map((c) => (
            <TableCell key={c}>{translate(`app.tariff.version_fields.${c}`)}</TableCell>
          ))}
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((v) => (
          <TableRow
            key={v.version}
            data-testid={`version-row-${v.version}`}
            data-state={v.state}
            data-in-force={String(v.version === versionInForce)}
            hover
          >
            {COLUMNS.map((c) => (
              <TableCell key={c}>{cell(v, c)}</TableCell>
            ))}
            <TableCell align="right">
              <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
                <Button size="small" component={Link} to={tariffPaths.version(code, v.version)} startIcon={<OpenInNewIcon />}>
                  {translate('app.tariff.open')}
                </Button>
                {editable && (
                  <Button
                    size="small"
                    startIcon={<AddIcon />}
                    onClick={() => create(v.version)}
                    disabled={creating !== undefined}
                    data-testid={`new-draft-${v.version}`}
                  >
                    {translate('app.tariff.new_draft')}
                  </Button>
                )}
              </Stack>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
