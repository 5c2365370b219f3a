import { expect, test } from '@playwright/test'
import { createSession, join } from './helpers'

test('a facilitator saves the session’s set-up as a template: offered on their device’s home page, not to others', async ({
  page,
  browser,
}) => {
  await createSession(page, 'Autumn gathering')
  await page.goto(await page.getByRole('textbox', { name: 'Facilitator', exact: true }).inputValue())
  await join(page, 'Fran')
  await page.getByRole('button', { name: 'Agenda', exact: true }).click()
  await page.getByRole('textbox', { name: 'Template name' }).fill('Our gathering')
  await page.getByRole('button', { name: 'Save as template' }).click()
  await expect(page.getByText('Saved “Our gathering”')).toBeVisible()
  await page.goto('/')
  const template = page.getByRole('combobox', { name: 'Template' })
  const ours = template.getByRole('option', { name: /Our gathering/ })
  await expect(ours).toHaveCount(1)
  await expect(
    template
      .locator('optgroup[label="Saved from your sessions on this device"]')
      .getByRole('option', { name: /Our gathering/ }),
  ).toHaveCount(1)

  // a new session starts from it
  await template.selectOption({ label: 'Our gathering' })
  await page.getByRole('textbox', { name: 'Session title' }).fill('Winter gathering')
  await page.getByRole('button', { name: 'Create session' }).click()
  await expect(page.getByRole('textbox', { name: 'Participant', exact: true })).toHaveValue(
    /\/s\/[\w-]{22}\?key=/,
  )

  // someone else, on their phone in Chinese, is offered the built-in templates only
  const phone = await browser.newContext({
    viewport: { width: 412, height: 915 },
    hasTouch: true,
    isMobile: true,
    locale: 'zh-CN',
  })
  const other = await phone.newPage()
  await other.goto('/')
  const theirs = other.getByRole('combobox', { name: '模板' })
  await expect(theirs.getByRole('option')).toHaveCount(4)
  await expect(theirs.getByRole('option', { name: /Our gathering/ })).toHaveCount(0)
  await page.screenshot({ path: '/tmp/templates-home.png' })
  await phone.close()
})
