import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']

/** axe-core's WCAG 2.2 A and AA rules on the page as it is now; returns the violations, summarised. */
export async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze()
  return result.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(' | ')})`,
  )
}

/** Collects the violations of several states of a page, to compare with `{}` at the end. */
export function axeLog(page: Page) {
  const found: Record<string, string[]> = {}
  return {
    found,
    async check(state: string): Promise<void> {
      const list = await violations(page)
      if (list.length > 0) found[state] = list
    },
  }
}
