import { devices, test } from '@playwright/test'
import { createSession, join, openAsNewPerson } from './helpers'
test('shots', async ({ browser }) => {
  const home = await openAsNewPerson(browser, '/')
  const link = await createSession(home, 'Community kitchen reflections')
  const fac = await home.getByRole('textbox', { name: 'Facilitator', exact: true }).inputValue()
  for (const [name, url] of [['part', link], ['fac', fac]] as const) {
    const ctx = await browser.newContext({ ...devices['Pixel 7'] })
    const p = await ctx.newPage()
    await p.goto(url)
    await join(p, name === 'fac' ? 'Fay' : 'Pia')
    await p.getByRole('toolbar', { name: 'Tools' }).getByRole('button', { name: 'Sticky note' }).tap()
    await p.keyboard.type('A note from the phone')
    await p.screenshot({ path: `/tmp/phone-${name}.png` })
    await p.getByRole('button', { name: 'Menu' }).tap()
    await p.screenshot({ path: `/tmp/phone-${name}-menu.png` })
  }
  const d = await openAsNewPerson(browser, fac)
  await join(d, 'Fay desk')
  await d.getByRole('button', { name: 'Sticky note' }).click()
  await d.keyboard.type('Desk note')
  await d.screenshot({ path: `/tmp/desk.png` })
})
