import { usePermissions } from 'react-admin';
import { Dashboard } from '../cockpit/Dashboard';
import { isClient } from '../portal/api';
import { PortalDashboard } from '../portal/PortalDashboard';

/** The home page ("/"): a client's people land on their portal's dashboard, staff on the cockpit of their role. */
export const Home = () => {
  const { permissions, isPending } = usePermissions<string[]>();
  if (isPending) return null;
  return isClient(permissions) ? <PortalDashboard /> : <Dashboard />;
};
