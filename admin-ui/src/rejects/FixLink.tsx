import BuildIcon from '@mui/icons-material/Build';
import { Button } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useAbilities, type Ability } from '../shared/abilities';

interface Reject {
  reason?: string;
  account?: string;
  called?: string;
  callType?: string;
}

interface Fix {
  to: string;
  label: string;
  ability: Ability;
}

/**
 * Where the cause of a rejection is fixed: the number is assigned to an account, the operator or the trunk is
 * added to the reference data, the account is given a tariff, the tariff gets the missing rate. After the fix,
 * the record is reprocessed from this list.
 */
export function fixOf(reject: Reject, can: (ability: Ability) => boolean = () => false): Fix | undefined {
  switch (reject.reason) {
    case 'UNKNOWN_ACCOUNT':
      // network operations assign the number in the inventory (the number's own page); others on an account's page
      if (reject.called && can('inventory.manage')) {
        const filter = encodeURIComponent(JSON.stringify({ from: reject.called, to: reject.called }));
        return { to: `/inventory?filter=${filter}`, label: 'app.rejects.fix.UNKNOWN_ACCOUNT', ability: 'inventory.manage' };
      }
      return { to: '/accounts', label: 'app.rejects.fix.UNKNOWN_ACCOUNT', ability: 'accounts.numbers' };
    case 'UNKNOWN_OPERATOR':
      return { to: '/operators/create', label: 'app.rejects.fix.UNKNOWN_OPERATOR', ability: 'reference.edit' };
    case 'UNKNOWN_TRUNK':
      return { to: '/trunks/create', label: 'app.rejects.fix.UNKNOWN_TRUNK', ability: 'reference.edit' };
    case 'NO_TARIFF':
      return reject.account
        ? { to: `/accounts/${encodeURIComponent(reject.account)}`, label: 'app.rejects.fix.NO_TARIFF', ability: 'accounts.edit' }
        : undefined;
    case 'NO_RATE':
      return { to: '/tariffs', label: 'app.rejects.fix.NO_RATE', ability: 'tariffs.edit' };
    default:
      return undefined;
  }
}

/** The link to the fix of a rejected record's cause, when the signed-in person may make it. */
export const FixLink = ({ record }: { record: Reject }) => {
  const translate = useTranslate();
  const { can } = useAbilities();
  const fix = fixOf(record, can);
  if (!fix || !can(fix.ability)) return null;
  return (
    <Button
      size="small"
      component={Link}
      to={fix.to}
      startIcon={<BuildIcon />}
      onClick={(e: React.MouseEvent) => e.stopPropagation()}
      data-testid={`fix-${record.reason}`}
    >
      {translate(fix.label, { number: record.called ?? '' })}
    </Button>
  );
};
