import { api, type components } from '../api/client';
import { attempt, type Outcome } from '../api/action';

export type ReportQuery = components['schemas']['ReportQuery'];
export type ReportResult = components['schemas']['ReportResult'];
export type ReportCatalogue = components['schemas']['ReportCatalogue'];
export type ReportCatalogueEntry = components['schemas']['ReportCatalogueEntry'];
export type ReportCallPage = components['schemas']['ReportCallPage'];
export type SavedReport = components['schemas']['SavedReport'];
export type SavedReportChange = components['schemas']['SavedReportChange'];
export type ReportChart = components['schemas']['ReportChart'];

/** The report builder's calls (issue 19): the semantic layer, runs, drill-down, exports, saved reports. */
export const reportsApi = {
  catalogue: () => attempt(api.GET('/api/v1/reports/catalogue')),
  run: (query: ReportQuery) => attempt(api.POST('/api/v1/reports/query', { body: query })),
  calls: (query: ReportQuery, cell: Record<string, string>, page: number, size = 20) =>
    attempt(api.POST('/api/v1/reports/calls', { body: { query, cell }, params: { query: { page, size } } })),
  saved: () => attempt(api.GET('/api/v1/reports/saved')),
  save: (change: SavedReportChange) => attempt(api.POST('/api/v1/reports/saved', { body: change })),
  update: (id: number, change: SavedReportChange) =>
    attempt(api.PUT('/api/v1/reports/saved/{id}', { params: { path: { id } }, body: change })),
  remove: (id: number) => attempt(api.DELETE('/api/v1/reports/saved/{id}', { params: { path: { id } } })),
  /** the file as a Blob (POST, so not a plain link); the caller saves it */
  export: (query: ReportQuery, format: 'csv' | 'xlsx'): Promise<Outcome<Blob>> =>
    attempt(api.POST('/api/v1/reports/export', { body: query, params: { query: { format } }, parseAs: 'blob' })) as Promise<
      Outcome<Blob>
    >,
};

/** Saves a Blob under a name, as a download. */
export function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
