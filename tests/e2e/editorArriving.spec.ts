import { expect, test } from './fixtures'
import { createLinks, join, openAsNewPerson, openListView } from './helpers'

// The note editor's code (Tiptap, ProseMirror) loads after the board is drawn. On a slow line someone
// may press Sticky note and type before it is here: nothing they type is lost, and the keyboard is
// the board's again when they are done.
test('keys typed before the note editor’s code arrives go into the note, with Escape or once it arrives', async ({
  browser,
}) => {
  const links = await createLinks(browser, 'A slow line', 'collage')
  const ada = await openAsNewPerson(browser, links.participant)
  // the editor's code is held on the wire until the test lets it through
  let letThrough = () => {}
  const arrived = new Promise<void>((resolve) => (letThrough = resolve))
  await ada.route(/\/assets\/NoteEditor-[\w-]+\.js$/, async (route) => {
    await arrived
    await route.continue()
  })
  await join(ada, 'Ada')

  const chen = await browser.newContext({ locale: 'zh-CN' }).then((c) => c.newPage())
  await chen.goto(links.participant)
  await chen.getByRole('textbox', { name: '你的名字' }).fill('陈')
  await chen.getByRole('button', { name: '我同意' }).click()
  await expect(chen.getByRole('status').filter({ hasText: '已连接' })).toBeVisible()
  await chen.getByRole('button', { name: '列表视图' }).click()
  const notesOfChen = chen.getByRole('list', { name: /便签/ })

  const tools = ada.getByRole('toolbar', { name: 'Tools' })
  await tools.getByRole('button', { name: 'Sticky note' }).click()
  // a plain text box stands in for the editor, and has the keyboard
  await expect(ada.locator('textarea.note-editor-arriving')).toBeFocused()
  await ada.keyboard.type('Bring snacks')
  await ada.keyboard.press('Escape')
  await expect(notesOfChen.getByRole('listitem').filter({ hasText: 'Bring snacks' })).toHaveCount(1)
  // Escape reached the board: the note is no longer edited, and the keyboard is the board's again
  // (Escape once more lets go of the note; a one-key shortcut then chooses a tool)
  await expect(ada.locator('textarea.note-editor-arriving')).toHaveCount(0)
  await ada.keyboard.press('Escape')
  await expect(ada.getByText('1 selected')).toHaveCount(0)
  await ada.keyboard.press('n')
  await expect(tools.getByRole('button', { name: 'Sticky note' })).toHaveAttribute('aria-pressed', 'true')
  await ada.keyboard.press('v')

  // typed while it loads, then the editor arrives: the keys are in it, and typing carries on there
  await tools.getByRole('button', { name: 'Sticky note' }).click()
  await ada.keyboard.type('Second')
  letThrough()
  const editor = ada.locator('.note-editor-content')
  await expect(editor).toBeFocused()
  await expect(editor).toHaveText('Second')
  await ada.keyboard.type(' note')
  await ada.keyboard.press('Escape')
  await expect(notesOfChen.getByRole('listitem').filter({ hasText: 'Second note' })).toHaveCount(1)

  // the first note, opened again, is edited in the editor now
  const notesOfAda = await openListView(ada)
  await expect(notesOfAda.getByRole('listitem').filter({ hasText: 'Bring snacks' })).toHaveCount(1)
  await chen.screenshot({ path: '/tmp/editor-arriving-chen.png' })
  await chen.context().close()
})
