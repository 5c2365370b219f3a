import { expect, test } from './fixtures'
import { createLinks, expectConnected, join, noteRows, openAsNewPerson, openListView } from './helpers'

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
  await expect(noteRows(notesOfChen, 'Bring snacks')).toHaveCount(1)
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
  await expect(noteRows(notesOfChen, 'Second note')).toHaveCount(1)

  // the first note, opened again, is edited in the editor now
  const notesOfAda = await openListView(ada)
  await expect(noteRows(notesOfAda, 'Bring snacks')).toHaveCount(1)
  await chen.screenshot({ path: '/tmp/editor-arriving-chen.png' })
  await chen.context().close()
})

// The hand-over itself, many times over: the editor's code arrives a little after the person started
// typing into the stand-in box, and Escape follows at once. Whichever moment the editor arrives at
// (before, during or after the words), the note keeps every word and is not let go as empty.
test('the editor arriving at any moment while someone types and presses Escape loses nothing', async ({
  browser,
}) => {
  test.setTimeout(180_000)
  const links = await createLinks(browser, 'The hand-over', 'collage')
  const ada = await openAsNewPerson(browser, links.participant)
  await join(ada, 'Ada')
  const tools = ada.getByRole('toolbar', { name: 'Tools' })
  const notes = ada.getByRole('group', { name: /^Canvas / })
  const count = async () =>
    Number(/: (\d+) objects/.exec((await notes.getAttribute('aria-label')) ?? '')?.[1])
  for (const [round, wait] of [0, 110, 125, 140, 150, 160, 170, 180, 190, 200, 215, 230].entries()) {
    let letThrough = () => {}
    const arrived = new Promise<void>((resolve) => (letThrough = resolve))
    await ada.unrouteAll()
    await ada.route(/\/assets\/NoteEditor-[\w-]+\.js$/, async (route) => {
      await arrived
      await route.continue()
    })
    await ada.reload()
    await expectConnected(ada)
    await expect.poll(count).toBeGreaterThan(0)
    const before = await count()
    await tools.getByRole('button', { name: 'Sticky note' }).click()
    await expect(ada.locator('textarea.note-editor-arriving')).toBeFocused()
    const words = `Round ${round} of the family recipe`
    const split = round % 3 === 0 ? 0 : 8
    await ada.keyboard.type(words.slice(0, split))
    letThrough()
    // sets the moment the editor lands among the keys (the test waits for no result this way)
    await new Promise((resolve) => setTimeout(resolve, wait))
    await ada.keyboard.type(words.slice(split))
    await ada.keyboard.press('Escape')
    await expect(ada.getByRole('textbox', { name: /^Note text/ })).toHaveCount(0)
    await expect.poll(count).toBe(before + 1)
  }
  const list = await openListView(ada)
  await expect(noteRows(list, /Round \d+ of the family recipe/)).toHaveCount(12)
})

test('once the editor’s code is here, the next note opens in it at once: bold from the first key', async ({
  browser,
}) => {
  const links = await createLinks(browser, 'Rich from the start', 'collage')
  const ada = await openAsNewPerson(browser, links.participant)
  await join(ada, 'Ada')
  await expect
    .poll(() =>
      ada.evaluate(() => performance.getEntriesByType('resource').some((r) => /NoteEditor-/.test(r.name))),
    )
    .toBe(true)
  // whether the plain stand-in box shows even for a moment
  await ada.evaluate(() => {
    const w = window as unknown as { sawStandIn: boolean }
    w.sawStandIn = false
    new MutationObserver(() => {
      if (document.querySelector('textarea.note-editor-arriving')) w.sawStandIn = true
    }).observe(document.body, { childList: true, subtree: true })
  })
  await ada.getByRole('toolbar', { name: 'Tools' }).getByRole('button', { name: 'Sticky note' }).click()
  await ada.keyboard.press('Control+b')
  await ada.keyboard.type('Gran’s')
  await ada.keyboard.press('Control+b')
  await ada.keyboard.type(' dumplings')
  const editor = ada.locator('.note-editor-content')
  await expect(editor.locator('strong')).toHaveText('Gran’s')
  await ada.keyboard.press('Escape')
  expect(await ada.evaluate(() => (window as unknown as { sawStandIn: boolean }).sawStandIn)).toBe(false)
  const list = await openListView(ada)
  await expect(noteRows(list, 'Gran’s dumplings').locator('strong')).toHaveText('Gran’s')
})
