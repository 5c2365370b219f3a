import { isNote, isVotable, type BoardObject } from '../../shared/schema/kinds'
import { useState } from 'react'
import { HideToggle, Reactions, VoteButtons } from './NoteExtras'
import { QuoteToggle, markableQuotes } from './QuoteToggle'
import type { Facilitation } from './useFacilitation'
import { useTranslation } from 'react-i18next'

/**
 * Facilitation actions for the selection bar: group into a theme, react and vote in the bar itself
 * (`part` "main"); mark as a quote and hide behind its More ("more").
 */
export function SelectionExtras(props: {
  fac: Facilitation
  selected: readonly BoardObject[]
  frames: number
  select: (ids: readonly string[]) => void
  nameFrame: (id: string) => void
  part: 'main' | 'more'
}) {
  const { t } = useTranslation('facilitation')
  const { fac, selected } = props
  const shared = selected.filter((o) => !fac.privateIds.has(o.id))
  const only = selected.length === 1 ? selected[0] : undefined
  const notes = shared.filter(isNote)
  const quotes = markableQuotes(fac, selected)
  const group = () => {
    const id = fac.contributions.group(
      shared.map((o) => o.id),
      t('selection.theme', { n: props.frames + 1 }),
    )
    if (!id) return
    props.select([id])
    props.nameFrame(id) // the frame title field takes focus: the person names the theme at once
  }
  if (props.part === 'more') {
    return (
      <>
        {quotes.length > 0 && quotes.length === selected.length && <QuoteToggle fac={fac} objects={quotes} />}
        {shared.length > 0 && shared.every(fac.model.may.moderate) && (
          <HideToggle fac={fac} objects={shared} />
        )}
      </>
    )
  }
  return (
    <>
      {notes.length >= 2 && (
        <button type="button" title={t('selection.groupHint')} onClick={group}>
          {t('selection.group')}
        </button>
      )}
      {only && isVotable(only) && shared.includes(only) && fac.model.may.react(only) && (
        <ReactMenu fac={fac} object={only} />
      )}
      {only && isVotable(only) && fac.state.mode === 'voting' && shared.includes(only) && (
        <VoteButtons fac={fac} object={only} />
      )}
    </>
  )
}

/** One "React" button that opens the reactions, so the selection bar stays one line. */
function ReactMenu({ fac, object }: { fac: Facilitation; object: BoardObject }) {
  const { t } = useTranslation('facilitation')
  const [open, setOpen] = useState(false)
  const count = Object.values(object.reactions).reduce((n, people) => n + people.length, 0)
  return (
    <>
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('selection.react')}
        {count > 0 ? ` (${count})` : ''}
      </button>
      {open && <Reactions fac={fac} object={object} />}
    </>
  )
}
