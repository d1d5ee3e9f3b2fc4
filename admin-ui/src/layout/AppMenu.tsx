import { useState } from 'react';
import { Collapse, List, ListItemButton, ListItemIcon, ListItemText } from '@mui/material';
import ExpandLess from '@mui/icons-material/ExpandLess';
import ExpandMore from '@mui/icons-material/ExpandMore';
import LibraryBooksIcon from '@mui/icons-material/LibraryBooks';
import ScienceIcon from '@mui/icons-material/Science';
import PrintIcon from '@mui/icons-material/Print';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import StorageIcon from '@mui/icons-material/Storage';
import BarChartIcon from '@mui/icons-material/BarChart';
import HandshakeIcon from '@mui/icons-material/Handshake';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { Menu, usePermissions, useSidebarState, useTranslate } from 'react-admin';
import { useAbilities } from '../shared/abilities';
import { isClient } from '../portal/api';
import { PORTAL_RESOURCES } from '../portal/resources';

export const REFERENCE_RESOURCES = ['destinations', 'origins', 'holidays', 'operators', 'trunks'];

/**
 * A client's people (CLIENT, CLIENT_ADMIN): the portal's pages only (colleagues for CLIENT_ADMIN).
 * Staff: CDRs, the rejects queue, Tariffs, Simulate, Import, Jobs, CDR mappings, Accounts, the network inventory
 * and its capacity, Periods, Documents,
 * Document runs, Users, API keys and Sign-ins, then the collapsible "Reference data" group: each only when the
 * signed-in person's abilities (the server's role matrix) allow reading it.
 */
export const AppMenu = () => {
  const translate = useTranslate();
  const [sidebarOpen] = useSidebarState();
  const [referenceOpen, setReferenceOpen] = useState(true);
  const { permissions } = usePermissions<string[]>();
  const { can } = useAbilities();
  if (isClient(permissions)) {
    return (
      <Menu>
        {PORTAL_RESOURCES.filter((r) => r !== 'portal-colleagues' || permissions?.includes('CLIENT_ADMIN'))
          .map((r) => <Menu.ResourceItem key={r} name={r} />)}
      </Menu>
    );
  }
  return (
    <Menu>
      <Menu.DashboardItem />
      {can('cdrs.read') && <Menu.ResourceItem name="cdrs" />}
      {can('rejects.read') && <Menu.ResourceItem name="rejects" />}
      {can('tariffs.read') && <Menu.ResourceItem name="tariffs" />}
      {can('sales.read') && <Menu.Item to="/sales" primaryText={translate('app.sales.menu')} leftIcon={<HandshakeIcon />} />}
      {can('sales.approve') && (
        <Menu.Item to="/sales-inbox" primaryText={translate('app.sales.inbox')} leftIcon={<FactCheckIcon />} />
      )}
      {can('simulate') && <Menu.Item to="/simulate" primaryText={translate('app.menu.simulate')} leftIcon={<ScienceIcon />} />}
      {can('cdrs.import') && <Menu.Item to="/import" primaryText={translate('app.menu.import')} leftIcon={<UploadFileIcon />} />}
      {can('jobs.read') && <Menu.ResourceItem name="jobs" />}
      {can('mappings.read') && <Menu.ResourceItem name="cdr-mappings" />}
      {can('accounts.read') && <Menu.ResourceItem name="accounts" />}
      {can('inventory.read') && <Menu.ResourceItem name="inventory" />}
      {can('inventory.read') && (
        <Menu.Item to="/inventory-capacity" primaryText={translate('app.menu.capacity')} leftIcon={<StorageIcon />} />
      )}
      {can('periods.read') && <Menu.ResourceItem name="periods" />}
      {can('documents.read') && <Menu.ResourceItem name="documents" />}
      {can('documents.issue') && (
        <Menu.Item to="/document-runs" primaryText={translate('app.menu.document_runs')} leftIcon={<PrintIcon />} />
      )}
      {can('reports.read') && (
        <Menu.Item to="/reports" primaryText={translate('app.reports.menu')} leftIcon={<BarChartIcon />} />
      )}
      {can('users.manage') && <Menu.ResourceItem name="users" />}
      {can('users.manage') && <Menu.ResourceItem name="api-keys" />}
      {can('users.manage') && <Menu.ResourceItem name="sign-ins" />}
      {can('reference.read') && (
        <>
      <ListItemButton
        onClick={() => setReferenceOpen(!referenceOpen)}
        aria-expanded={referenceOpen}
        sx={{ pl: 2 }}
        dense
      >
        <ListItemIcon sx={{ minWidth: 40 }}>
          <LibraryBooksIcon />
        </ListItemIcon>
        {sidebarOpen && <ListItemText primary={translate('app.menu.reference')} />}
        {referenceOpen ? <ExpandLess /> : <ExpandMore />}
      </ListItemButton>
      <Collapse in={referenceOpen} timeout="auto" unmountOnExit>
        <List component="div" disablePadding sx={{ pl: sidebarOpen ? 2 : 0 }}>
          {REFERENCE_RESOURCES.map((name) => (
            <Menu.ResourceItem key={name} name={name} />
          ))}
        </List>
      </Collapse>
        </>
      )}
    </Menu>
  );
};
