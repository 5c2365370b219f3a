import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardObject } from '../../shared/schema/kinds'
import { useShownTextStore } from '../canvas/objects/shownText'
import { ContentNoteDialog } from '../panels/ContentNoteDialog'
import type { BoardCommands, Permissions } from '../state'
import { useSyncExternalStore } from 'react'

/** Kinds whose words a content note can stand before (and the canvas hides behind it). */
const NOTED_KINDS = new Set<BoardObject['kind']>(['sticky', 'text', 'story', 'recipe'])

/**
 * The selection bar's content-note actions: Show text / Hide text (this person's own choice, on
 * this device: `part` "show", in the bar), and Content note, to set or remove the note (its author
 * or a facilitator only: `part` "set", behind More).
 */
export function ContentNoteActions(props: {
  selected: readonly BoardObject[]
  may: Permissions
  commands: Pick<BoardCommands, 'setContentNote'>
  readOnly: boolean
  part: 'show' | 'set'
}) {
  const { t } = useTranslation('material')
  const store = useShownTextStore()
  const [open, setOpen] = useState(false)
  const noted = props.selected.filter((o) => o.contentNote !== '')
  const ids = noted.map((o) => o.id).join(' ')
  // re-read when this person shows or hides a text elsewhere (the list view, a double-click)
  const hidden = useSyncExternalStore(store.subscribe, () =>
    ids.split(' ').some((id) => id && !store.isShown(id)),
  )
  const settable =
    !props.readOnly &&
    props.selected.length > 0 &&
    props.selected.every((o) => NOTED_KINDS.has(o.kind) && props.may.contentNote(o))
  const notes = new Set(props.selected.map((o) => o.contentNote))
  const initial = notes.size === 1 ? [...notes][0]! : ''
  return (
    <>
      {props.part === 'show' && noted.length > 0 && (
        <button
          type="button"
          onClick={() => noted.forEach((o) => (hidden ? store.show(o.id) : store.hide(o.id)))}
        >
          {hidden ? t('contentNote.show') : t('contentNote.hide')}
        </button>
      )}
      {props.part === 'set' && settable && (
        <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
          {t('contentNote.set')}
        </button>
      )}
      {open && (
        <ContentNoteDialog
          initial={initial}
          count={props.selected.length}
          onSave={(note) =>
            props.commands.setContentNote(
              props.selected.map((o) => o.id),
              note,
            )
          }
          onClose={() => setOpen(false)}
        />
      )}
    </>
  )
}
