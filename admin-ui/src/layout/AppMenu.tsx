import { useState } from 'react';
import { Collapse, List, ListItemButton, ListItemIcon, ListItemText } from '@mui/material';
import ExpandLess from '@mui/icons-material/ExpandLess';
import ExpandMore from '@mui/icons-material/ExpandMore';
import LibraryBooksIcon from '@mui/icons-material/LibraryBooks';
import ScienceIcon from '@mui/icons-material/Science';
import PrintIcon from '@mui/icons-material/Print';
import { Menu, useSidebarState, useTranslate } from 'react-admin';

export const REFERENCE_RESOURCES = ['destinations', 'origins', 'holidays', 'operators', 'trunks'];

/** CDRs, Simulate, Accounts, Documents, Document runs, then the collapsible "Reference data" group. */
export const AppMenu = () => {
  const translate = useTranslate();
  const [sidebarOpen] = useSidebarState();
  const [referenceOpen, setReferenceOpen] = useState(true);
  return (
    <Menu>
      <Menu.ResourceItem name="cdrs" />
      <Menu.Item to="/simulate" primaryText={translate('app.menu.simulate')} leftIcon={<ScienceIcon />} />
      <Menu.ResourceItem name="accounts" />
      <Menu.ResourceItem name="documents" />
      <Menu.Item to="/document-runs" primaryText={translate('app.menu.document_runs')} leftIcon={<PrintIcon />} />
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
