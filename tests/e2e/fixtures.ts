import { test as base } from '@playwright/test'

export { expect } from '@playwright/test'

/**
 * Playwright's `test`, with one rule added: the browser contexts a test opens (each person in it)
 * are closed when it ends. The browser lives for the whole run, so a context left open kept its
 * board connected and drawing through every later test, and a long run grew to a hundred live pages.
 */
export const test = base.extend<{ closeOpenedContexts: void }>({
  closeOpenedContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts())
      await use()
      const opened = browser.contexts().filter((context) => !before.has(context))
      await Promise.all(opened.map((context) => context.close().catch(() => undefined)))
    },
    { auto: true },
  ],
})
