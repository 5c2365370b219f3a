/** The insight report's formats, as `npm run export --format` names them. */
export const REPORT_FORMATS = ['docx', 'report-pdf', 'report-md'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

/** Each format's file type and extension. */
export const REPORT_TYPES: Record<ReportFormat, { readonly type: string; readonly ext: string }> = {
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' },
  'report-pdf': { type: 'application/pdf', ext: 'pdf' },
  'report-md': { type: 'text/markdown; charset=utf-8', ext: 'md' },
}
