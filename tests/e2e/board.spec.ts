import { expect, test } from './fixtures'
import { createSession, join, openAsNewPerson, openListView, twoPeopleWithLists } from './helpers'

test('undo takes back only my own changes', async ({ browser }) => {
  const { ada, grace, notesOfAda, notesOfGrace } = await twoPeopleWithLists(browser, 'Undo')

  await grace.getByRole('button', { name: 'Add note' }).click()
  await grace.keyboard.type('Grace was here')
  await expect(notesOfAda.getByRole('listitem').filter({ hasText: 'Grace was here' })).toHaveCount(1)

  const tools = ada.getByRole('toolbar', { name: 'Tools' })
  await tools.getByRole('button', { name: 'Sticky note' }).click()
  await ada.keyboard.type('Ada too')
  await ada.keyboard.press('Escape')
  await expect(notesOfGrace.getByRole('listitem')).toHaveCount(2)

  await tools.getByRole('button', { name: 'Undo' }).click()
  await expect(notesOfAda.getByRole('listitem')).toHaveCount(1)
  await expect(notesOfGrace.getByRole('listitem')).toHaveCount(1)
  await expect(notesOfGrace.getByRole('listitem')).toContainText('Grace was here')
  // Nothing of Ada's is left to undo: the button says so, and pressing it changes nothing.
  await expect(tools.getByRole('button', { name: 'Undo' })).toHaveAttribute('aria-disabled', 'true')

  await ada.keyboard.press('Control+Shift+Z')
  await expect(notesOfGrace.getByRole('listitem').filter({ hasText: 'Ada too' })).toHaveCount(1)
})

test('a viewer sees the board but cannot change it', async ({ browser }) => {
  const home = await openAsNewPerson(browser, '/')
  const link = await createSession(home, 'Viewing')
  const viewerLink = await home.getByRole('textbox', { name: 'Viewer', exact: true }).inputValue()
  const ada = await openAsNewPerson(browser, link)
  await join(ada, 'Ada')
  const notesOfAda = await openListView(ada)
  await ada.getByRole('button', { name: 'Add note' }).click()
  await ada.keyboard.type('Visible to viewers')

  const viewer = await openAsNewPerson(browser, viewerLink)
  await join(viewer, 'Observer')
  const tools = viewer.getByRole('toolbar', { name: 'Tools' })
  await expect(tools.getByRole('button', { name: 'Sticky note' })).toHaveAttribute('aria-disabled', 'true')
  const notes = await openListView(viewer)
  await expect(notes.getByRole('listitem').filter({ hasText: 'Visible to viewers' })).toHaveCount(1)
  await expect(viewer.getByRole('button', { name: 'Add note' })).toHaveCount(0)
  await expect(notes.getByRole('button', { name: 'Delete note' })).toHaveCount(0)
  // Its shortcut does nothing either (and no editor opens).
  await viewer.keyboard.press('n')
  await expect(viewer.getByRole('textbox', { name: /^Note text/ })).toHaveCount(0)
  await expect(notes.getByRole('listitem')).toHaveCount(1)
  await expect(notesOfAda.getByRole('listitem')).toHaveCount(1)
})

test('every tool is ready, with a tooltip and a one-key shortcut', async ({ browser }) => {
  const home = await openAsNewPerson(browser, '/')
  const page = await openAsNewPerson(browser, await createSession(home, 'Tools'))
  await join(page, 'Ada')
  const tools = page.getByRole('toolbar', { name: 'Tools' })
  const keys: Record<string, string> = {
    Select: 'V',
    'Sticky note': 'N',
    Text: 'T',
    Pen: 'P',
    Shape: 'S',
    Frame: 'F',
    Image: 'I',
    'Recipe card': 'R',
  }
  for (const [name, key] of Object.entries(keys)) {
    const button = tools.getByRole('button', { name, exact: true })
    await expect(button).not.toHaveAttribute('aria-disabled', 'true')
    await expect(button).toHaveAttribute('title', new RegExp(`^${name}: .+ \\(${key}\\)$`))
    await expect(button).toHaveAttribute('aria-keyshortcuts', key)
  }
  // a mode tool's key switches to it, and Escape goes back to Select
  await page.keyboard.press('p')
  await expect(tools.getByRole('button', { name: 'Pen' })).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByRole('group', { name: 'Pen options' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(tools.getByRole('button', { name: 'Select' })).toHaveAttribute('aria-pressed', 'true')
})
