import { type Dialog } from '@playwright/test'
import { expect, test } from './fixtures'
import { twoPeopleWithLists, expectConnected } from './helpers'

test('offline edits are counted, guarded against closing the page, and merge on reconnect', async ({
  browser,
}) => {
  const { ada, grace, notesOfAda, notesOfGrace } = await twoPeopleWithLists(browser, 'Offline guard')
  const dialogs: Dialog[] = []
  ada.on('dialog', (dialog) => {
    dialogs.push(dialog)
    void dialog.dismiss() // stay on the page
  })

  // nothing waits while connected: closing asks nothing (checked on a page of its own below)
  await ada.context().setOffline(true)
  await expect(ada.getByRole('status')).toHaveText(/^Offline/)
  await ada.getByRole('button', { name: 'Add note' }).click()
  await ada.keyboard.type('Written offline')
  // counted as people count: one note, however many keystrokes went into it
  await expect(ada.getByRole('status')).toHaveText('Offline — 1 note waits to be sent')
  await ada.getByRole('button', { name: 'Add note' }).click()
  await ada.keyboard.type('And another')
  await expect(ada.getByRole('status')).toHaveText('Offline — 2 notes wait to be sent')
  // Grace also edits meanwhile: both sides' edits must survive the merge
  await grace.getByRole('button', { name: 'Add note' }).click()
  await grace.keyboard.type('Written by Grace')
  await expect(notesOfGrace.getByRole('listitem')).toHaveCount(1)
  await expect(notesOfAda.getByRole('listitem')).toHaveCount(2)

  // closing the page now asks first, and the page stays when the answer is no
  await ada.close({ runBeforeUnload: true })
  await expect.poll(() => dialogs.map((d) => d.type())).toEqual(['beforeunload'])
  expect(ada.isClosed()).toBe(false)

  await ada.context().setOffline(false)
  await expectConnected(ada)
  await expect(notesOfGrace.getByRole('listitem').filter({ hasText: 'Written offline' })).toHaveCount(1)
  await expect(notesOfAda.getByRole('listitem').filter({ hasText: 'Written by Grace' })).toHaveCount(1)

  // everything acknowledged: the page closes without asking
  await ada.close({ runBeforeUnload: true })
  await expect.poll(() => ada.isClosed()).toBe(true)
  expect(dialogs).toHaveLength(1)
})
