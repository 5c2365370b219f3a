import { useState } from 'react'
import { REACTIONS, type Reaction } from '../../shared/schema/boardDoc'
import type { BoardObject } from '../../shared/schema/kinds'
import { ReactionIcon } from './reactionIcons'
import { QuoteToggle, markableQuotes } from './QuoteToggle'
import type { Facilitation } from './useFacilitation'
import { useTranslation } from 'react-i18next'

export /** Each reaction's name, said by screen readers in place of the emoji. */
const REACTION_NAMES = {
  '👍': 'thumbsUp',
  '❤️': 'heart',
  '💡': 'idea',
  '😮': 'surprised',
  '🙏': 'thanks',
} as const satisfies Record<Reaction, string>

/** Votes, reactions, consent, privacy and moderation for one note, recipe card or picture in the list view. */
export function NoteExtras({ fac, object }: { fac: Facilitation; object: BoardObject }) {
  const { t } = useTranslation('facilitation')
  const isPrivate = fac.privateIds.has(object.id)
  const { may } = fac.model
  const result = fac.state.results[object.id]
  return (
    <div className="note-extras">
      {isPrivate && <p className="private-mark">{t('note.private')}</p>}
      {fac.isFacilitator && object.hidden && <p className="hidden-mark">{t('note.hidden')}</p>}
      {result !== undefined && fac.state.mode !== 'voting' && (
        <p className="result-mark">{t('votes', { count: result })}</p>
      )}
      {fac.state.mode === 'voting' && fac.canWrite && !isPrivate && <VoteButtons fac={fac} object={object} />}
      {!isPrivate && may.react(object) && <Reactions fac={fac} object={object} />}
      {/* consent is its author's alone (the board's rules): offered on one's own notes only */}
      {may.author(object, 'consent') && <ConsentToggle fac={fac} objects={[object]} />}
      {markableQuotes(fac, [object]).length > 0 && <QuoteToggle fac={fac} objects={[object]} />}
      {!isPrivate && may.moderate(object) && <HideToggle fac={fac} objects={[object]} />}
    </div>
  )
}

/** What the vote button says for each kind that takes votes ("Vote for this recipe"). */
const VOTE_LABEL = { recipe: 'note.voteRecipe', image: 'note.votePicture' } as const

/** Give or take back a vote; refusals (no votes left) are said, not silent. */
export function VoteButtons({ fac, object }: { fac: Facilitation; object: BoardObject }) {
  const { t } = useTranslation('facilitation')
  const [message, setMessage] = useState('')
  const { id } = object
  const label = object.kind === 'recipe' || object.kind === 'image' ? VOTE_LABEL[object.kind] : 'note.vote'
  const mine = fac.myVotes[id] ?? 0
  const vote = (delta: 1 | -1) => {
    const ok = fac.contributions.vote(id, delta, fac.state.voteBudget)
    setMessage(!ok && delta > 0 ? t('note.noVotesLeft') : '')
  }
  return (
    <span className="vote-buttons">
      {/* never disabled: pressing it with no votes left says why nothing happened */}
      <button type="button" onClick={() => vote(1)}>
        {t(label)}
      </button>
      <span className="vote-count">{t('note.myVotes', { n: mine })}</span>
      {mine > 0 && (
        <button type="button" onClick={() => vote(-1)}>
          {t('note.unvote')}
        </button>
      )}
      <span aria-live="polite" className="vote-message">
        {message}
      </span>
    </span>
  )
}

/** The fixed set of reactions with their counts; pressed when this person gave it. */
export function Reactions({ fac, object }: { fac: Facilitation; object: BoardObject }) {
  const { t } = useTranslation('facilitation')
  return (
    <span className="reactions" role="group" aria-label={t('note.reactions')}>
      {REACTIONS.map((emoji) => {
        const people = object.reactions[emoji] ?? []
        const name = t(`note.reactionNames.${REACTION_NAMES[emoji]}`)
        return (
          <button
            key={emoji}
            type="button"
            className="reaction"
            aria-label={t('note.reaction', { name, n: people.length })}
            title={name}
            aria-pressed={people.includes(fac.userId)}
            onClick={() => fac.contributions.toggleReaction(object.id, emoji)}
          >
            <span aria-hidden="true">
              <ReactionIcon reaction={emoji} />
              {people.length > 0 ? ` ${people.length}` : ''}
            </span>
          </button>
        )
      })}
    </span>
  )
}

/** The author's say on whether their notes leave the room in exports. */
export function ConsentToggle({ fac, objects }: { fac: Facilitation; objects: readonly BoardObject[] }) {
  const { t } = useTranslation('facilitation')
  const on = objects.every((o) => o.consent)
  return (
    <label className="consent-toggle">
      <input
        type="checkbox"
        checked={on}
        onChange={(e) =>
          fac.contributions.setConsent(
            objects.map((o) => o.id),
            e.target.checked,
          )
        }
      />
      {t('note.consent')}
    </label>
  )
}

/** A facilitator hides notes from participants (moderation), or shows them again. */
export function HideToggle({ fac, objects }: { fac: Facilitation; objects: readonly BoardObject[] }) {
  const { t } = useTranslation('facilitation')
  const hidden = objects.every((o) => o.hidden)
  return (
    <button
      type="button"
      onClick={() =>
        fac.contributions.setHidden(
          objects.map((o) => o.id),
          !hidden,
        )
      }
    >
      {hidden ? t('note.show') : t('note.hide')}
    </button>
  )
}
