import { inflateSync } from 'node:zlib'
import type { Download, Page } from '@playwright/test'

/** The PDF's deflated content streams, inflated (its pages' drawing operators and Helvetica text), as Latin-1. */
export function pdfStreams(pdf: Buffer): string {
  const out: string[] = []
  for (const m of pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    try {
      out.push(inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1'))
    } catch {
      // images, fonts and other streams that are not deflated text
    }
  }
  return out.join('\n')
}

/** Export → Insight report → the format → Create report; resolves with the download. */
export async function exportReport(
  page: Page,
  format: 'PDF' | 'Word (DOCX)' | 'Markdown',
): Promise<Download> {
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  await page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: 'Insight report' }).click()
  const dialog = page.getByRole('dialog', { name: 'Insight report' })
  await dialog.getByRole('radio', { name: format }).check()
  await page.screenshot({ path: `/tmp/insight-dialog-${format.slice(0, 4)}.png` })
  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Create report' }).click()
  return download
}
