import { expect, test } from './fixtures'
import { createSession, join, openAsNewPerson, openListView, twoPeopleWithLists } from './helpers'

test('notes can be added, edited and deleted from the list view with the keyboard alone', async ({
  browser,
}) => {
  const home = await openAsNewPerson(browser, '/')
  const link = await createSession(home, 'Keyboard only')
  const ada = await openAsNewPerson(browser, link)
  const grace = await openAsNewPerson(browser, link)
  await join(ada, 'Ada')
  await join(grace, 'Grace')

  const listToggle = ada.getByRole('button', { name: 'List view' })
  await listToggle.focus()
  await ada.keyboard.press('Enter')
  await expect(listToggle).toHaveAttribute('aria-pressed', 'true')
  const notes = ada.getByRole('list', { name: /^Notes on/ })

  await ada.getByRole('button', { name: 'Add note' }).focus()
  await ada.keyboard.press('Enter')
  const field = notes.getByRole('textbox')
  await expect(field).toBeFocused()
  await ada.keyboard.type('Ask about childcare')

  const notesOfGrace = await openListView(grace)
  const item = notesOfGrace.getByRole('listitem').filter({ hasText: 'Ask about childcare' })
  await expect(item).toHaveCount(1)

  // Editing: the change reaches the other person too.
  await ada.keyboard.type(' on Saturdays')
  await expect(notesOfGrace.getByRole('textbox')).toHaveValue('Ask about childcare on Saturdays')

  // From the text field, Tab reaches the note's delete button.
  await ada.keyboard.press('Tab')
  await expect(notes.getByRole('button', { name: 'Delete note' })).toBeFocused()
  await ada.keyboard.press('Enter')
  await expect(notes.getByRole('listitem')).toHaveCount(0)
  await expect(notesOfGrace.getByRole('listitem')).toHaveCount(0)
  // Focus stays in the list view, on Add note, ready for the next one.
  await expect(ada.getByRole('button', { name: 'Add note' })).toBeFocused()
})

test('words typed into a note in the list view reach the others while the typing goes on, not only at a pause', async ({
  browser,
}) => {
  const { ada, notesOfGrace } = await twoPeopleWithLists(browser, 'Typing as it happens')
  await ada.getByRole('button', { name: 'Add note' }).click()
  // a steady typist never pauses for long: the others still see the words come before the end
  let done = false
  const typing = ada.keyboard
    .type('We would like a place to sit in the shade near the bus stop', { delay: 150 })
    .then(() => (done = true))
  await expect(notesOfGrace.getByRole('listitem').filter({ hasText: 'We would like' })).toHaveCount(1)
  expect(done).toBe(false)
  await typing
  await expect(
    notesOfGrace
      .getByRole('listitem')
      .filter({ hasText: 'We would like a place to sit in the shade near the bus stop' }),
  ).toHaveCount(1)
})
