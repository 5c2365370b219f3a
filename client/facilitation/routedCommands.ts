import type { ClipboardData } from '../../shared/ops/clipboard'
import { isNoteKind } from '../../shared/schema/kinds'
import type { BoardCommands } from '../state'

/**
 * One set of board commands over two documents: the board and this person's private room. Commands
 * on existing objects go where each object lives; new notes go to the private room while writing
 * privately (and nowhere when it is not open yet: a private note must never land on the board).
 */
export function routeCommands(
  board: BoardCommands,
  mine: BoardCommands | null,
  isPrivate: (id: string) => boolean,
  writePrivately: boolean,
): BoardCommands {
  if (!mine) {
    if (!writePrivately) return board
    return {
      ...board,
      addSticky: () => null,
      addObject: (kind, ...rest) => (isNoteKind(kind) ? null : board.addObject(kind, ...rest)),
    }
  }
  const split = (ids: readonly string[]) =>
    [ids.filter((id) => !isPrivate(id)), ids.filter(isPrivate)] as const
  const byId = (id: string) => (isPrivate(id) ? mine : board)
  const both = (ids: readonly string[], run: (c: BoardCommands, part: readonly string[]) => void) => {
    const [onBoard, inPrivate] = split(ids)
    if (onBoard.length > 0) run(board, onBoard)
    if (inPrivate.length > 0) run(mine, inPrivate)
  }
  const forNew = writePrivately ? mine : board
  return {
    ...board,
    addSticky: (...args) => forNew.addSticky(...args),
    addObject: (kind, ...rest) => (isNoteKind(kind) ? forNew : board).addObject(kind, ...rest),
    moveObjects: (moves) => {
      board.moveObjects(moves.filter((m) => !isPrivate(m.id)))
      mine.moveObjects(moves.filter((m) => isPrivate(m.id)))
    },
    deleteObjects: (ids) => both(ids, (c, part) => c.deleteObjects(part)),
    discardObjects: (ids) => both(ids, (c, part) => c.discardObjects(part)),
    setText: (id, text) => byId(id).setText(id, text),
    appendText: (id, text) => byId(id).appendText(id, text),
    setStickyColor: (id, color) => byId(id).setStickyColor(id, color),
    updateProps: (id, kind, changes) => byId(id).updateProps(id, kind, changes),
    transformObjects: (placements, changes) => {
      board.transformObjects(
        placements.filter((p) => !isPrivate(p.id)),
        changes.filter((c) => !isPrivate(c.id)),
      )
      mine.transformObjects(
        placements.filter((p) => isPrivate(p.id)),
        changes.filter((c) => isPrivate(c.id)),
      )
    },
    bringToFront: (ids) => both(ids, (c, part) => c.bringToFront(part)),
    sendToBack: (ids) => both(ids, (c, part) => c.sendToBack(part)),
    setLocked: (ids, locked) => both(ids, (c, part) => c.setLocked(part, locked)),
    setContentNote: (ids, note) => both(ids, (c, part) => c.setContentNote(part, note)),
    copy: (ids) => {
      const [onBoard, inPrivate] = split(ids)
      const a = board.copy(onBoard)
      const b: ClipboardData = mine.copy(inPrivate)
      return { ...a, objects: [...a.objects, ...b.objects] }
    },
    paste: (data, canvas, offset) => forNew.paste(data, canvas, offset),
    duplicate: (ids) => {
      const [onBoard, inPrivate] = split(ids)
      return [...board.duplicate(onBoard), ...mine.duplicate(inPrivate)]
    },
  }
}
