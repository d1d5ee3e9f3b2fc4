import { useState } from 'react';
import { Collapse, List, ListItemButton, ListItemIcon, ListItemText } from '@mui/material';
import ExpandLess from '@mui/icons-material/ExpandLess';
import ExpandMore from '@mui/icons-material/ExpandMore';
import LibraryBooksIcon from '@mui/icons-material/LibraryBooks';
import ScienceIcon from '@mui/icons-material/Science';
import PrintIcon from '@mui/icons-material/Print';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Menu, usePermissions, useSidebarState, useTranslate } from 'react-admin';
import { isClient } from '../portal/api';
import { PORTAL_RESOURCES } from '../portal/resources';

export const REFERENCE_RESOURCES = ['destinations', 'origins', 'holidays', 'operators', 'trunks'];

/** A client's people: the portal's pages only. Staff: CDRs, the rejects queue, Tariffs, Simulate, Import, Jobs, CDR mappings, Accounts, Periods, Documents and Document runs (finance and admin only), Users, API keys and Sign-ins (admin only), then the collapsible "Reference data" group. */
export const AppMenu = () => {
  const translate = useTranslate();
  const [sidebarOpen] = useSidebarState();
  const [referenceOpen, setReferenceOpen] = useState(true);
  const { permissions } = usePermissions<string[]>();
  const finance = (permissions ?? []).some((role) => role === 'FINANCE' || role === 'ADMIN');
  const admin = (permissions ?? []).includes('ADMIN');
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
      <Menu.ResourceItem name="cdrs" />
      <Menu.ResourceItem name="rejects" />
      <Menu.ResourceItem name="tariffs" />
      <Menu.Item to="/simulate" primaryText={translate('app.menu.simulate')} leftIcon={<ScienceIcon />} />
      <Menu.Item to="/import" primaryText={translate('app.menu.import')} leftIcon={<UploadFileIcon />} />
      <Menu.ResourceItem name="jobs" />
      <Menu.ResourceItem name="cdr-mappings" />
      <Menu.ResourceItem name="accounts" />
      {finance && <Menu.ResourceItem name="periods" />}
      <Menu.ResourceItem name="documents" />
      <Menu.Item to="/document-runs" primaryText={translate('app.menu.document_runs')} leftIcon={<PrintIcon />} />
      {admin && <Menu.ResourceItem name="users" />}
      {admin && <Menu.ResourceItem name="api-keys" />}
      {admin && <Menu.ResourceItem name="sign-ins" />}
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
    </Menu>
  );
};
