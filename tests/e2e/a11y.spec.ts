import AxeBuilder from '@axe-core/playwright'
import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']

/** axe-core's WCAG 2.2 A and AA rules on the page as it is now; returns the violations, summarised. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze()
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  )
}

test('the home page, before and after creating a session, has no WCAG A/AA violations', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('button', { name: 'Create session' })).toBeVisible()
  expect(await violations(page)).toEqual([])
  await page.getByRole('textbox', { name: 'Session title' }).fill('Accessible session')
  await page.getByRole('button', { name: 'Create session' }).click()
  await expect(page.getByRole('button', { name: 'Copy' }).first()).toBeVisible()
  expect(await violations(page)).toEqual([])
})
