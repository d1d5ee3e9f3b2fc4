import { Resource } from 'react-admin';
import DashboardIcon from '@mui/icons-material/Dashboard';
import PhoneIcon from '@mui/icons-material/Phone';
import DescriptionIcon from '@mui/icons-material/Description';
import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import PriceIcon from '@mui/icons-material/RequestQuote';
import DialpadIcon from '@mui/icons-material/Dialpad';
import GroupIcon from '@mui/icons-material/Group';
import { PortalDashboard } from './PortalDashboard';
import { PortalCalls } from './PortalCalls';
import { PortalDocuments } from './PortalDocuments';
import { PortalLedger } from './PortalLedger';
import { PortalPriceList } from './PortalPriceList';
import { PortalNumbers } from './PortalNumbers';
import { PortalColleagues } from './PortalColleagues';

/**
 * The portal's pages as resources, so that the menu, the titles and "/" (the first one, the dashboard) work as in
 * the rest of the app; each page reads its own API (`api.ts`), scoped by the server to the signed-in client.
 */
export const portalResources = (roles: readonly string[]) => (
  <>
    <Resource name="portal-dashboard" list={PortalDashboard} icon={DashboardIcon} />
    <Resource name="portal-calls" list={PortalCalls} icon={PhoneIcon} />
    <Resource name="portal-documents" list={PortalDocuments} icon={DescriptionIcon} />
    <Resource name="portal-ledger" list={PortalLedger} icon={AccountBalanceIcon} />
    <Resource name="portal-price-list" list={PortalPriceList} icon={PriceIcon} />
    <Resource name="portal-numbers" list={PortalNumbers} icon={DialpadIcon} />
    {roles.includes('CLIENT_ADMIN') && <Resource name="portal-colleagues" list={PortalColleagues} icon={GroupIcon} />}
  </>
);

export const PORTAL_RESOURCES = ['portal-dashboard', 'portal-calls', 'portal-documents', 'portal-ledger',
  'portal-price-list', 'portal-numbers', 'portal-colleagues'];
