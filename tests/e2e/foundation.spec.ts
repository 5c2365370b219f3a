import { expect, test } from './fixtures'
import { createSession, expectConnected, join, openAsNewPerson, openListView } from './helpers'

test('a sticky note typed by one person reaches another, and survives reloading both', async ({
  browser,
}) => {
  const home = await openAsNewPerson(browser, '/')
  const link = await createSession(home, 'Food stories')
  const ada = await openAsNewPerson(browser, link)
  const grace = await openAsNewPerson(browser, link)
  await join(ada, 'Ada')
  await join(grace, 'Grace')

  // Both people are listed as present on each side.
  const present = ada.getByRole('region', { name: 'Who is here' })
  await expect(present.getByRole('listitem')).toHaveCount(2)

  await ada.getByRole('toolbar', { name: 'Tools' }).getByRole('button', { name: 'Sticky note' }).click()
  const editor = ada.getByRole('textbox', { name: /^Note text/ })
  await expect(editor).toBeFocused()
  await ada.keyboard.type('Bring the family recipe')
  await ada.keyboard.press('Escape')
  await expect(editor).toHaveCount(0)

  const notesOfGrace = await openListView(grace)
  await expect(notesOfGrace.getByRole('listitem').filter({ hasText: 'Bring the family recipe' })).toHaveCount(
    1,
  )
  await expect(notesOfGrace.getByRole('listitem').first()).toContainText('Ada')

  for (const page of [ada, grace]) {
    await page.reload()
    // Same tab: the page remembers the person joined, so the board comes straight back.
    await expectConnected(page)
    const notes = await openListView(page)
    await expect(notes.getByRole('listitem').filter({ hasText: 'Bring the family recipe' })).toHaveCount(1)
  }
})

test('a new tab on this device goes straight back to the board; another device asks, with the commitments', async ({
  browser,
}) => {
  const home = await openAsNewPerson(browser, '/')
  const link = await createSession(home, 'Name memory')
  const ada = await openAsNewPerson(browser, link)
  await join(ada, 'Ada')
  // the join is remembered on this device for this session (name and answer)
  const again = await ada.context().newPage()
  await again.goto(link)
  await expectConnected(again)
  await expect(again.getByRole('textbox', { name: 'Your name' })).toHaveCount(0)
  await expect(again.getByRole('region', { name: 'Who is here' })).toContainText('Ada (you)')
  // someone else, on a device of their own, reads the commitments and joins
  const grace = await openAsNewPerson(browser, link)
  await expect(grace.getByRole('heading', { name: 'Community Commitments' })).toBeVisible()
  await expect(grace.getByRole('listitem').filter({ hasText: 'We listen to understand' })).toHaveCount(1)
  await expect(grace.getByRole('textbox', { name: 'Your name' })).toHaveValue('')
})

test('a bad link says so clearly', async ({ browser }) => {
  const home = await openAsNewPerson(browser, '/')
  const link = await createSession(home, 'Bad keys')
  const page = await openAsNewPerson(browser, link.replace(/key=.*/, 'key=not-the-key'))
  await expect(page.getByRole('alert')).toContainText('This link is not valid')
  await expect(page.getByRole('button', { name: 'I agree' })).toHaveCount(0)
})
