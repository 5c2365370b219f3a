import { type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { axeLog } from './axe'
import { createLinks, expectConnected, openAsNewPerson, openListView } from './helpers'
import { redPng } from './png'

/** Creates a sense-making session; returns its facilitator and participant links. */
async function joinAs(page: Page, name: string) {
  await page.getByRole('textbox', { name: 'Your name' }).fill(name)
  await page.getByRole('button', { name: 'I agree' }).click()
  await expectConnected(page)
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true })
const tool = (page: Page, name: string) =>
  page.getByRole('toolbar', { name: 'Tools' }).getByRole('button', { name, exact: true })

test('the join page and the board as a participant, with each panel open, have no WCAG A/AA violations', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const links = await createLinks(browser, 'Accessible board')
  const ann = await openAsNewPerson(browser, links.participant)
  const axe = axeLog(ann)
  await expect(button(ann, 'I agree')).toBeVisible()
  await expect(ann.getByRole('heading', { name: /commitments/i })).toBeVisible()
  await expect(ann.getByRole('listitem').first()).toBeVisible()
  await axe.check('join page')
  await joinAs(ann, 'Ann')
  await axe.check('board')

  await tool(ann, 'Sticky note').click()
  await expect(ann.getByRole('textbox', { name: /^Note text/ })).toBeFocused()
  await ann.keyboard.type('A note to check')
  await axe.check('note editor')
  await ann.keyboard.press('Escape')
  await expect(ann.getByRole('group', { name: 'Selection' })).toContainText('1 selected')
  await axe.check('selection actions')

  const chooser = ann.waitForEvent('filechooser')
  await tool(ann, 'Image').click()
  await (await chooser).setFiles({ name: 'red.png', mimeType: 'image/png', buffer: redPng() })
  const dialog = ann.getByRole('dialog', { name: 'Describe this image' })
  await expect(dialog).toBeVisible()
  await axe.check('alt text dialog')
  await dialog.getByRole('button', { name: 'Skip for now' }).click()
  await expect(dialog).toHaveCount(0)

  const list = await openListView(ann)
  await expect(list.getByRole('listitem').filter({ hasText: /needs a description/i })).toHaveCount(1)
  await axe.check('list view')
  for (const panel of ['Commitments', 'People', 'Agenda']) {
    await button(ann, panel).click()
    await expect(ann.getByRole('complementary', { name: panel })).toBeVisible()
    await axe.check(`${panel} panel`)
  }
  await button(ann, 'Agenda').click()

  for (const name of ['Pen', 'Shape', 'Frame', 'Text']) {
    await tool(ann, name).click()
    await axe.check(`${name} tool`)
    await ann.keyboard.press('Escape')
  }
  await tool(ann, 'Recipe card').click()
  const recipe = ann.getByRole('complementary', { name: 'Recipe card' })
  await expect(recipe.getByRole('textbox', { name: 'Title' })).toBeFocused()
  await axe.check('recipe side panel')
  await recipe.getByRole('button', { name: 'Close recipe' }).click()
  expect(axe.found).toEqual({})
})

test('the board as a facilitator, with each panel, menu and dialog open, has no WCAG A/AA violations', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const links = await createLinks(browser, 'Facilitated board')
  const fay = await openAsNewPerson(browser, links.facilitator)
  const ann = await openAsNewPerson(browser, links.participant)
  await joinAs(fay, 'Fay')
  await joinAs(ann, 'Ann')
  const axe = axeLog(fay)
  const annAxe = axeLog(ann)
  await axe.check('board')

  await button(fay, 'Agenda').click()
  await expect(fay.getByRole('textbox', { name: 'Template name' })).toBeVisible()
  await axe.check('agenda with save-as-template form')
  await button(fay, 'Edit').first().click()
  await axe.check('agenda step editor')
  await button(fay, 'Commitments').click()
  await axe.check('commitments (facilitator)')
  await button(fay, 'Commitments').click()

  await button(fay, 'Canvas options').click()
  await axe.check('canvas options')
  await fay.keyboard.press('Escape')
  await fay.getByText('Session settings').click()
  await axe.check('session settings')
  await fay.keyboard.press('Escape')
  await expect(fay.getByRole('checkbox', { name: 'Protect contributions' })).toBeHidden()

  await button(fay, 'Start private writing').click()
  await button(fay, 'Start timer').click()
  await expect(ann.getByRole('timer', { name: 'Time left' })).toBeVisible()
  await axe.check('private writing and timer')
  await annAxe.check('private writing and timer')
  await button(fay, 'End private writing').click()

  const annList = await openListView(ann)
  await button(ann, 'Add note').click()
  await ann.keyboard.type('Vote for me')
  await ann.keyboard.press('Tab')
  await button(fay, 'Start voting').click()
  await expect(ann.getByText(/^Votes left/)).toBeVisible()
  await annAxe.check('voting (participant)')
  await annList.getByRole('button', { name: 'Vote for this note' }).click()
  await button(fay, 'End voting').click()
  await button(fay, 'Results').click()
  await expect(fay.getByRole('complementary', { name: 'Results' })).toBeVisible()
  await axe.check('results panel')

  await button(fay, 'Export').click()
  await expect(fay.getByRole('menu', { name: 'Export' })).toBeVisible()
  await axe.check('export menu')
  await fay.getByRole('menuitem', { name: 'PDF', exact: true }).click()
  await expect(fay.getByRole('dialog', { name: 'Export PDF' })).toBeVisible()
  await axe.check('PDF export dialog')
  expect({ ...axe.found, ...annAxe.found }).toEqual({})
})
