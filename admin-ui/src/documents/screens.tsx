import DescriptionIcon from '@mui/icons-material/Description';
import DownloadIcon from '@mui/icons-material/Download';
import { Box, Button, Link } from '@mui/material';
import {
  DataTable,
  List,
  SearchInput,
  SelectInput,
  SimpleList,
  Show,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { LocalDateField } from '../shared/LocalDateField';
import { ExportButtons } from '../shared/ExportButtons';
import { useFormat } from '../shared/format';
import { useNarrow } from '../shared/useNarrow';
import { documentQuery } from './dataProvider';
import { MoneyField, MonthField, VatRateField } from '../shared/MoneyField';

/** Issued documents (invoices, acts, VAT invoices, UPDs, corrections): filters, preview and PDF download. id = document id. */
export const DocumentIcon = DescriptionIcon;

export const DOCUMENT_TYPES = ['INVOICE', 'ACT', 'VAT_INVOICE', 'UPD', 'CORRECTION_VAT_INVOICE'] as const;

const TypeInput = (props: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  return (
    <SelectInput
      {...props}
      choices={DOCUMENT_TYPES.map((t) => ({ id: t, name: translate(`app.documents.type.${t}`) }))}
    />
  );
};

const DocumentSearch = (props: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  return <SearchInput {...props} placeholder={translate('app.lists.document_search')} />;
};

const documentFilters = [
  <DocumentSearch key="q" source="q" alwaysOn />,
  <TextInput key="month" source="month" alwaysOn placeholder="2026-03" />,
  <TextInput key="account" source="account" alwaysOn />,
  <TypeInput key="type" source="type" alwaysOn />,
];

const DocumentListActions = () => (
  <TopToolbar>
    <ExportButtons path="/api/v1/documents" query={documentQuery} />
  </TopToolbar>
);

export const pdfUrl = (id: string) => `/api/v1/documents/${encodeURIComponent(id)}/pdf`;
export const htmlUrl = (id: string) => `/api/v1/documents/${encodeURIComponent(id)}/html`;

const TypeField = (_: { label?: string }) => {
  const record = useRecordContext<{ type?: string }>();
  const translate = useTranslate();
  return <span>{record?.type ? translate(`app.documents.type.${record.type}`) : ''}</span>;
};

const PdfLink = () => {
  const record = useRecordContext<{ id?: string }>();
  const translate = useTranslate();
  if (!record?.id) return null;
  return (
    <Link href={pdfUrl(String(record.id))} target="_blank" rel="noopener" onClick={(e) => e.stopPropagation()}>
      {translate('app.documents.pdf')}
    </Link>
  );
};

/** Every issued document, paged, sorted and searched by the server (no cap); cards on a phone. */
export const DocumentList = () => {
  const translate = useTranslate();
  const narrow = useNarrow();
  const format = useFormat();
  return (
  <List filters={documentFilters} sort={{ field: 'month', order: 'DESC' }} perPage={25} exporter={false} empty={false}
    actions={<DocumentListActions />}>
    {narrow ? (
      <SimpleList
        primaryText={(record) => `${translate(`app.documents.type.${record.type}`)} № ${record.number}`}
        secondaryText={(record) => `${record.account} — ${record.clientName}`}
        tertiaryText={(record) => format.money(record.gross)}
        linkType="show"
      />
    ) : (
    <DataTable bulkActionButtons={false} rowClick="show">
      <DataTable.Col source="month" field={MonthField} />
      <DataTable.Col source="account" />
      <DataTable.Col source="clientName" />
      <DataTable.Col source="type">
        <TypeField />
      </DataTable.Col>
      <DataTable.Col source="number" />
      <DataTable.Col source="date">
        <LocalDateField source="date" />
      </DataTable.Col>
      <DataTable.Col source="gross" align="right" field={MoneyField} />
      <DataTable.Col
        source="delivery"
        disableSort
        render={(record: { delivery?: string }) => (record.delivery ? translate(`app.delivery.${record.delivery}`, { _: record.delivery }) : '')}
      />
      <DataTable.Col source="pdf" disableSort>
        <PdfLink />
      </DataTable.Col>
    </DataTable>
    )}
  </List>
  );
};

const Preview = (_: { label?: string | false }) => {
  const record = useRecordContext<{ id?: string; type?: string }>();
  const translate = useTranslate();
  if (!record?.id) return null;
  const landscape = record.type === 'VAT_INVOICE' || record.type === 'UPD' || record.type === 'CORRECTION_VAT_INVOICE';
  return (
    <Box>
      <Button variant="contained" startIcon={<DownloadIcon />} href={pdfUrl(String(record.id))} target="_blank" sx={{ mb: 1 }}>
        {translate('app.documents.download')}
      </Button>
      <Box
        component="iframe"
        title={translate('app.documents.preview')}
        src={htmlUrl(String(record.id))}
        data-testid="document-preview"
        sx={{ width: '100%', height: landscape ? 620 : 900, border: '1px solid #ccc', background: '#fff' }}
      />
    </Box>
  );
};

export const DocumentShow = () => (
  <Show>
    <SimpleShowLayout>
      <TypeField label="resources.documents.fields.type" />
      <TextField source="number" />
      <LocalDateField source="date" />
      <TextField source="account" />
      <TextField source="clientName" />
      <MonthField source="month" label="resources.documents.fields.month" />
      <MoneyField source="net" label="resources.documents.fields.net" />
      <MoneyField source="vat" label="resources.documents.fields.vat" />
      <MoneyField source="gross" label="resources.documents.fields.gross" />
      <VatRateField source="vatRate" label="resources.documents.fields.vatRate" />
      <TextField source="delivery" />
      <TextField source="sha256" />
      <Preview label={false} />
    </SimpleShowLayout>
  </Show>
);
