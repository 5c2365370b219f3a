import { expect, type Locator, type Page } from '@playwright/test'
import { openMenuIfFolded } from './helpers'

/** Opens Import material (behind Menu on a phone) and returns its dialog. */
export async function openImport(page: Page): Promise<Locator> {
  await openMenuIfFolded(page)
  await page.getByRole('button', { name: 'Import material', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Import material' })
  await expect(dialog).toBeVisible()
  return dialog
}

/** Opens Import material and chooses a CSV file holding `csv`; returns the dialog, with its preview. */
export async function importCsv(page: Page, csv: string, fileName = 'stories.csv'): Promise<Locator> {
  const dialog = await openImport(page)
  await dialog
    .getByLabel('Choose a file')
    .setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(csv) })
  return dialog
}
