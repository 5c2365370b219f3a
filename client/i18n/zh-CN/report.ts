import type { report as en } from '../en/report'
import type { Translation } from '../types'

/** 洞察报告在页面中的控件。 */
export const report: Translation<typeof en> = {
  menuItem: '洞察报告',
  menuHint: '主题、引述、故事和参与情况，可导出为 PDF、Word（DOCX）或 Markdown',
  dialogTitle: '洞察报告',
  dialogIntro: '会议的主题（便签按票数排列）、引述、故事、配方、参与情况、图片和议程，导出为可编辑的文字。',
  format: '格式',
  formats: {
    pdf: 'PDF',
    docx: 'Word（DOCX）',
    md: 'Markdown',
  },
  create: '生成报告',
  label: '洞察报告',
  markQuote: '标记为引述',
  quoteMark: '引述',
}
