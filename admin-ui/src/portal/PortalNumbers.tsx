import { Chip, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { codeLabel } from '../shared/codes';
import { useAccount, useNumbers } from './api';
import { Loading, PortalPage, Scroll } from './PortalPage';

/** The account's numbers, those held now first. */
export const PortalNumbers = () => {
  const translate = useTranslate();
  const [account] = useAccount();
  const { data, error } = useNumbers(account);
  return (
    <PortalPage title="app.portal.numbers">
      {!data ? <Loading error={error} /> : (
        <Scroll>
          <Table size="small" data-testid="numbers">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.portal.number')}</TableCell>
                <TableCell>{translate('app.portal.number_kind')}</TableCell>
                <TableCell>{translate('app.portal.held')}</TableCell>
                <TableCell>{translate('app.portal.status')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((n) => (
                <TableRow key={`${n.number}/${n.validFrom}`}>
                  <TableCell>{n.number}</TableCell>
                  <TableCell>
                    {codeLabel(translate, 'numberKind', n.kind)}
                    {n.channels ? ` · ${translate('app.portal.channels', { count: n.channels })}` : ''}
                  </TableCell>
                  <TableCell>{n.validFrom} — {n.validTo ?? ''}</TableCell>
                  <TableCell>
                    <Chip size="small" color={n.active ? 'success' : 'default'}
                      label={translate(n.active ? 'app.portal.active' : 'app.portal.inactive')} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Scroll>
      )}
    </PortalPage>
  );
};
