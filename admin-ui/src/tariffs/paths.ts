/** Hash routes of the tariff pages (under the `tariffs` resource). */
export const tariffPaths = {
  tariff: (code: string) => `/tariffs/${encodeURIComponent(code)}/show`,
  audit: (code: string) => `/tariffs/${encodeURIComponent(code)}/show/audit`,
  version: (code: string, version: number) => `/tariffs/${encodeURIComponent(code)}/versions/${version}`,
  simulate: (code: string, version: number) => `/tariffs/${encodeURIComponent(code)}/versions/${version}/simulate`,
  diff: (code: string, version: number, against?: number) =>
    `/tariffs/${encodeURIComponent(code)}/versions/${version}/diff${against ? `?against=${against}` : ''}`,
};
