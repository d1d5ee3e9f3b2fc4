import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { authProvider } from './authProvider';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n/i18nProvider';
import { AppLayout } from './layout/AppLayout';
import { AppTitle } from './layout/AppTitle';
import { RedirectToLogin } from './layout/RedirectToLogin';
import { ImportPage } from './imports/ImportPage';
import { DocumentRunsPage } from './documents/DocumentRunsPage';
import { SimulatePage } from './rating/SimulatePage';
import { CdrMappingCreate, CdrMappingEdit, CdrMappingIcon, CdrMappingList } from './imports/mappings';
import { AccountCreate, AccountEdit, AccountIcon, AccountList, AccountShow } from './accounts/screens';
import { CdrIcon, CdrList, CdrShow } from './cdrs/screens';
import { DocumentIcon, DocumentList, DocumentShow } from './documents/screens';
import { DestinationCreate, DestinationEdit, DestinationIcon, DestinationList } from './reference/destinations';
import { JobIcon, JobList, JobShow } from './jobs/screens';
import { HolidayCreate, HolidayEdit, HolidayIcon, HolidayList } from './reference/holidays';
import { OperatorCreate, OperatorEdit, OperatorIcon, OperatorList } from './reference/operators';
import { PeriodIcon, PeriodList, PeriodShow } from './periods/screens';
import { OriginCreate, OriginEdit, OriginIcon, OriginList } from './reference/origins';
import { TariffIcon, TariffList, TariffShow, tariffRoutes } from './tariffs/screens';
import { RejectIcon, RejectList } from './rejects/screens';
import { TrunkCreate, TrunkEdit, TrunkIcon, TrunkList } from './reference/trunks';
import { UserCreate, UserEdit, UserIcon, UserList } from './users/users';
import { ApiKeyCreate, ApiKeyIcon, ApiKeyList } from './users/apiKeys';
import { SignInIcon, SignInList } from './users/signIns';
import { isClient } from './portal/api';
import { portalResources } from './portal/resources';
import { Home } from './layout/Home';
import { CapacityPage, InventoryIcon, InventoryList, InventoryShow } from './inventory/screens';
import { ReportsPage } from './reports/ReportsPage';
import { SalesTariffListPage, SalesTariffPage } from './sales/SalesPages';

/** What the call centre's staff work with; a client's people see the portal only (`portal/`). */
const staffResources = () => (
  <>
    <Resource name="cdrs" list={CdrList} show={CdrShow} icon={CdrIcon} />
    <Resource name="tariffs" list={TariffList} show={TariffShow} icon={TariffIcon} recordRepresentation="code">
      {tariffRoutes}
    </Resource>
    <Resource name="jobs" list={JobList} show={JobShow} icon={JobIcon} />
    <Resource name="cdr-mappings" list={CdrMappingList} create={CdrMappingCreate} edit={CdrMappingEdit} icon={CdrMappingIcon} />
    <Resource name="accounts" list={AccountList} show={AccountShow} edit={AccountEdit} create={AccountCreate} icon={AccountIcon} />
    <Resource name="inventory" list={InventoryList} show={InventoryShow} icon={InventoryIcon} />
    <Resource name="periods" list={PeriodList} show={PeriodShow} icon={PeriodIcon} />
    <Resource name="rejects" list={RejectList} icon={RejectIcon} />
    <Resource name="documents" list={DocumentList} show={DocumentShow} icon={DocumentIcon} />
    <Resource name="destinations" list={DestinationList} create={DestinationCreate} edit={DestinationEdit} icon={DestinationIcon} />
    <Resource name="origins" list={OriginList} create={OriginCreate} edit={OriginEdit} icon={OriginIcon} />
    <Resource name="holidays" list={HolidayList} create={HolidayCreate} edit={HolidayEdit} icon={HolidayIcon} />
    <Resource name="operators" list={OperatorList} create={OperatorCreate} edit={OperatorEdit} icon={OperatorIcon} />
    <Resource name="trunks" list={TrunkList} create={TrunkCreate} edit={TrunkEdit} icon={TrunkIcon} />
    <Resource name="users" list={UserList} create={UserCreate} edit={UserEdit} icon={UserIcon} recordRepresentation="username" />
    <Resource name="api-keys" list={ApiKeyList} create={ApiKeyCreate} icon={ApiKeyIcon} />
    <Resource name="sign-ins" list={SignInList} icon={SignInIcon} />
    <CustomRoutes>
      <Route path="/simulate" element={<SimulatePage />} />
      <Route path="/import" element={<ImportPage />} />
      <Route path="/document-runs" element={<DocumentRunsPage />} />
      <Route path="/inventory-capacity" element={<CapacityPage />} />
      <Route path="/reports" element={<ReportsPage />} />
      <Route path="/sales" element={<SalesTariffListPage />} />
      <Route path="/sales-inbox" element={<SalesTariffListPage inbox />} />
      <Route path="/sales/:code" element={<SalesTariffPage />} />
    </CustomRoutes>
  </>
);

export const App = () => (
  <Admin
    title={<AppTitle />}
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    layout={AppLayout}
    loginPage={RedirectToLogin}
    disableTelemetry
    requireAuth
    dashboard={Home}
  >
    {(permissions: string[]) => (isClient(permissions) ? portalResources(permissions) : staffResources())}
  </Admin>
);
