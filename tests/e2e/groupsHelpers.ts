import { expect, type Browser, type BrowserContextOptions, type Page } from '@playwright/test'
import { expectConnected } from './helpers'

/** Joins from a link in a browser of its own (English or Chinese), admitted as a facilitator would. */
export async function enter(
  browser: Browser,
  link: string,
  name: string,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage()
  await page.goto(link)
  await page.getByRole('textbox', { name: /^(Your name|你的名字)$/ }).fill(name)
  await page.getByRole('button', { name: /^(I agree|我同意)$/ }).click()
  await expectConnected(page)
  return page
}

/** The group a participant's strip says they are in ("Group 2": the facilitator named the groups in English). */
export async function groupOf(page: Page): Promise<number> {
  const mine = page.getByText(/^(Your group: |你的小组：)Group \d$/)
  await expect(mine).toBeVisible()
  return Number(/(\d)$/.exec((await mine.textContent()) ?? '')![1])
}

/**
 * The facilitator opens Small groups, waits until it counts `here` participants, and splits them
 * into `groups` groups (`how`: at random by count, or each person chooses); returns the panel.
 */
export async function splitIntoGroups(
  fay: Page,
  split: { here: number; how: 'count' | 'choose'; groups: number },
) {
  await fay.getByRole('button', { name: 'Small groups' }).click()
  const panel = fay.getByRole('complementary', { name: 'Small groups' })
  await expect(panel.getByText(`${split.here} participants here`)).toBeVisible()
  await panel.getByRole('combobox', { name: 'How to split' }).selectOption(split.how)
  await panel.getByRole('spinbutton', { name: 'Number of groups' }).fill(String(split.groups))
  await panel.getByRole('button', { name: 'Split into groups' }).click()
  return panel
}
