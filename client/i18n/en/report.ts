/** The insight report's controls in the page (its own words, in the file, are in shared/report/words.ts). */
export const report = {
  menuItem: 'Insight report',
  menuHint: 'Themes, quotes, stories and participation, as PDF, Word (DOCX) or Markdown',
  dialogTitle: 'Insight report',
  dialogIntro:
    'The session’s themes with their notes by votes, quotes, stories, recipes, participation, images and the agenda, in words people can edit.',
  format: 'Format',
  formats: {
    pdf: 'PDF',
    docx: 'Word (DOCX)',
    md: 'Markdown',
  },
  create: 'Create report',
  label: 'Insight report',
  markQuote: 'Mark as quote',
  quoteMark: 'Quote',
}
