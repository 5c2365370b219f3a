import { expect, test } from '@playwright/test'
import { createSession, join } from './helpers'

test('a facilitator saves the session’s set-up as a template, offered on the home page next time', async ({
  page,
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
  await expect(template.getByRole('option', { name: /Our gathering/ })).toHaveCount(1)
})
