import { expect, test } from './fixtures'
import { createSession, join } from './helpers'

test('a facilitator saves the session’s set-up as a template: offered to the session’s facilitators, not to others', async ({
  page,
  browser,
}) => {
  await createSession(page, 'Autumn gathering')
  const facilitatorLink = await page.getByRole('textbox', { name: 'Facilitator', exact: true }).inputValue()
  await page.goto(facilitatorLink)
  await join(page, 'Fran')
  await page.getByRole('button', { name: 'Agenda', exact: true }).click()
  await page.getByRole('textbox', { name: 'Template name' }).fill('Our gathering')
  await page.getByRole('button', { name: 'Save as template' }).click()
  await expect(page.getByText('Saved “Our gathering”')).toBeVisible()
  await expect(page.getByRole('list', { name: 'Saved from this session' }).getByRole('listitem')).toHaveText([
    'Our gathering — offered to this session’s facilitators, on their devices',
  ])
  await page.locator('form.save-template').screenshot({ path: '/tmp/save-template.png' })
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
  await phone.close()

  // a co-facilitator on another computer, in Chinese, finds it in the agenda, and then at home
  const coContext = await browser.newContext({ locale: 'zh-CN' })
  const co = await coContext.newPage()
  await co.goto(facilitatorLink)
  await co.getByRole('textbox', { name: '你的名字' }).fill('晓')
  await co.getByRole('button', { name: '我同意' }).click()
  await expect(co.getByRole('status')).toHaveText('已连接')
  await co.getByRole('button', { name: '议程', exact: true }).click()
  await expect(co.getByRole('list', { name: '从本次会议保存的模板' })).toContainText('Our gathering')
  await co.screenshot({ path: '/tmp/templates-cofacilitator.png' })
  await co.goto('/')
  await expect(
    co
      .getByRole('combobox', { name: '模板' })
      .locator('optgroup[label="你在这台设备上从会议保存的模板"]')
      .getByRole('option', { name: /Our gathering/ }),
  ).toHaveCount(1)
  await coContext.close()
})
