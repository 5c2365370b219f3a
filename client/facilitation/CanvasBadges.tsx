import { memo, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Circle, Group, Path, Rect, Text } from '../canvas/konva'
import { boundsOf } from '../../shared/schema/geometry'
import { REACTIONS } from '../../shared/schema/boardDoc'
import { isVotable, type BoardObject } from '../../shared/schema/kinds'
import { FRAME_TITLE_SIZE, frameTitleLayout } from '../canvas/objects/frameTitle'
import { useFontsFor } from '../canvas/objects/webFonts'
import { ACCENT, NOTE_TEXT } from '../theme'
import { frameNoteCounts } from './frameCounts'
import { i18n } from '../i18n'
import { LOCK_ICON, REACTION_ICONS, type Icon } from './reactionIcons'

const FONT = NOTE_TEXT.fontFamily

export interface CanvasBadgesProps {
  /** Every object on the canvas (a frame's count reads them all). */
  readonly objects: readonly BoardObject[]
  /** The objects in view: only their marks are drawn. */
  readonly visible: readonly BoardObject[]
  readonly privateIds: ReadonlySet<string>
  readonly showHidden: boolean
  readonly voting: boolean
  readonly myVotes: Readonly<Record<string, number>>
  readonly results: Readonly<Record<string, number>>
  readonly onVote: (id: string, delta: 1 | -1) => void
  /** How much larger than the board's own size the vote buttons are drawn (controlsScale). */
  readonly controlsScale: number
}

/**
 * Marks drawn over the objects in world coordinates: private notes, hidden notes (for the
 * facilitator), note counts of themes, reactions, vote buttons while voting, results after it.
 * The list view says all of it as text; this is the picture of it. Only objects in view get marks,
 * and one note's marks draw again only when that note or its marks change: someone typing in a
 * note of a 2,000-note board redraws one note's marks, not 2,000.
 */
export const CanvasBadges = memo(function CanvasBadges(props: CanvasBadgesProps) {
  // drawn again in the new words when the language changes
  const lang = useTranslation().i18n.language
  const { objects, visible } = props
  const counts = useMemo(
    () =>
      frameNoteCounts(
        visible.filter((o) => o.kind === 'frame'),
        objects,
      ),
    [visible, objects],
  )
  return (
    <>
      {visible.map((o) => {
        if (o.kind === 'frame') return <FrameCount key={o.id} frame={o} count={counts.get(o.id) ?? 0} />
        if (!isVotable(o)) return null
        const isPrivate = props.privateIds.has(o.id)
        return (
          <NoteMarks
            key={o.id}
            note={o}
            isPrivate={isPrivate}
            hidden={props.showHidden && o.hidden}
            votes={props.voting && !isPrivate ? (props.myVotes[o.id] ?? 0) : null}
            controls={props.controlsScale}
            result={props.voting ? undefined : props.results[o.id]}
            onVote={props.onVote}
            lang={lang}
          />
        )
      })}
    </>
  )
})

interface NoteMarksProps {
  readonly note: BoardObject
  readonly isPrivate: boolean
  readonly hidden: boolean
  /** This person's votes on it while voting (null when they cannot vote on it). */
  readonly votes: number | null
  /** Its votes after voting, if counted. */
  readonly result: number | undefined
  readonly onVote: (id: string, delta: 1 | -1) => void
  /** How much larger the vote buttons are drawn than at the board's own size. */
  readonly controls: number
  /** The interface language its words are in (they are drawn again when it changes). */
  readonly lang: string
}

/** One note's marks; nothing at all for a note that has none (most notes, most of the time). */
const NoteMarks = memo(function NoteMarks({
  note,
  isPrivate,
  hidden,
  votes,
  result,
  onVote,
  controls,
}: NoteMarksProps) {
  const reacted = REACTIONS.some((r) => (note.reactions[r]?.length ?? 0) > 0)
  if (!isPrivate && !hidden && !reacted && votes === null && result === undefined) return null
  const b = boundsOf(note)
  return (
    <Group x={b.x} y={b.y}>
      {isPrivate && <PrivateMark w={b.w} h={b.h} />}
      {hidden && <HiddenMark w={b.w} h={b.h} />}
      <ReactionLine object={note} w={b.w} h={b.h} />
      {votes !== null && (
        <VoteBadge x={b.w} votes={votes} onVote={(d) => onVote(note.id, d)} scale={controls} />
      )}
      {result !== undefined && (
        <Pill x={b.w - 70} y={-14} w={70} text={i18n.t('facilitation:votes', { count: result })} />
      )}
    </Group>
  )
})

const FrameCount = memo(function FrameCount({ frame, count }: { frame: BoardObject; count: number }) {
  const text = i18n.t('facilitation:badges.notes', { count })
  // a canvas draws with the fonts there when it draws: redraw once Chinese glyphs arrive
  const fonts = useFontsFor(text)
  if (frame.kind !== 'frame') return null
  const { countX } = frameTitleLayout(frame.props.title, frame.props.w)
  return (
    <Text
      key={fonts}
      x={frame.x + countX}
      y={frame.y - FRAME_TITLE_SIZE - 6}
      text={text}
      fontSize={16}
      fontFamily={FONT}
      fill="#4b5563"
      listening={false}
    />
  )
})

function PrivateMark({ w, h }: { w: number; h: number }) {
  const fonts = useFontsFor(i18n.t('facilitation:note.private'))
  return (
    <>
      <Rect width={w} height={h} stroke="#6b21a8" strokeWidth={2} dash={[8, 6]} listening={false} />
      <IconPath icon={LOCK_ICON} x={0} y={h + 4} size={12} />
      <Text
        key={fonts}
        x={15}
        y={h + 4}
        width={w - 15}
        text={i18n.t('facilitation:note.private')}
        fontSize={11}
        fontFamily={FONT}
        fill="#6b21a8"
        listening={false}
      />
    </>
  )
}

function HiddenMark({ w, h }: { w: number; h: number }) {
  return (
    <>
      <Rect width={w} height={h} fill="rgba(255,255,255,0.7)" listening={false} />
      <Pill x={8} y={8} w={64} text={i18n.t('facilitation:note.hidden')} />
    </>
  )
}

/** A small icon drawn from its path, `size` px square. */
function IconPath({ icon, x, y, size }: { icon: Icon; x: number; y: number; size: number }) {
  const scale = size / 24
  return (
    <Path
      x={x}
      y={y}
      scaleX={scale}
      scaleY={scale}
      data={icon.d}
      fill={icon.fill}
      fillRule="evenodd"
      listening={false}
    />
  )
}

/** Each reaction given, as an icon and a count, right-aligned along the note's bottom edge. */
function ReactionLine({ object, w, h }: { object: BoardObject; w: number; h: number }) {
  const given = REACTIONS.map((r) => [r, object.reactions[r]?.length ?? 0] as const).filter(([, n]) => n > 0)
  if (given.length === 0) return null
  const ICON = 12
  const widthOf = (n: number) => ICON + 2 + String(n).length * 7 + 6
  // each item starts where the ones before it end; the whole line ends at the note's right edge
  const total = given.reduce((sum, [, n]) => sum + widthOf(n), 0)
  const starts = given.map((_, i) => given.slice(0, i).reduce((sum, [, n]) => sum + widthOf(n), 0))
  return (
    <Group x={w - 4 - total} y={h - 18} listening={false}>
      {given.map(([reaction, n], i) => {
        return (
          <Group key={reaction} x={starts[i]}>
            <IconPath icon={REACTION_ICONS[reaction]} x={0} y={0} size={ICON} />
            <Text x={ICON + 2} y={0} text={String(n)} fontSize={12} fontFamily={FONT} fill="#1f2328" />
          </Group>
        )
      })}
    </Group>
  )
}

function Pill({ x, y, w, text }: { x: number; y: number; w: number; text: string }) {
  const fonts = useFontsFor(text)
  return (
    <Group x={x} y={y} listening={false}>
      <Rect width={w} height={22} cornerRadius={11} fill={ACCENT} />
      <Text
        key={fonts}
        width={w}
        height={22}
        align="center"
        verticalAlign="middle"
        text={text}
        fontSize={12}
        fontFamily={FONT}
        fill="#fff"
      />
    </Group>
  )
}

/** The vote buttons' diameter at the board's own size (world units). */
const VOTE_BUTTON = 26
/** The least a vote button measures on screen (CSS px): WCAG 2.5.8's minimum for a target. */
const VOTE_BUTTON_MIN_PX = 24

/**
 * How much larger than the board's own size the vote buttons are drawn at a zoom: never smaller
 * than VOTE_BUTTON_MIN_PX on screen (a phone's view of a laptop's board is at half size or less). In
 * steps of a half, so zooming draws them again only now and then, not on every frame of a pinch.
 */
export function controlsScale(viewScale: number): number {
  const needed = VOTE_BUTTON_MIN_PX / (VOTE_BUTTON * viewScale)
  return needed <= 1 ? 1 : Math.min(4, Math.ceil(needed * 2) / 2)
}

/** − n + at the note's top-right corner: this person's votes on it. */
function VoteBadge({
  x,
  votes,
  onVote,
  scale,
}: {
  x: number
  votes: number
  onVote: (d: 1 | -1) => void
  scale: number
}) {
  const button = (cx: number, label: string, delta: 1 | -1) => (
    <Group
      x={cx}
      y={0}
      onClick={(e) => {
        e.cancelBubble = true
        onVote(delta)
      }}
      onTap={(e) => {
        e.cancelBubble = true
        onVote(delta)
      }}
    >
      <Circle radius={VOTE_BUTTON / 2} fill="#fff" stroke={ACCENT} strokeWidth={2} />
      <Text
        x={-13}
        y={-13}
        width={26}
        height={26}
        align="center"
        verticalAlign="middle"
        text={label}
        fontSize={18}
        fill={ACCENT}
      />
    </Group>
  )
  // anchored at the note's corner, growing up and to the left when drawn larger
  return (
    <Group x={x} y={0} scaleX={scale} scaleY={scale}>
      <Group x={-56} y={-16}>
        <Rect
          x={-4}
          y={-15}
          width={92}
          height={30}
          cornerRadius={15}
          fill="rgba(255,255,255,0.9)"
          listening={false}
        />
        {button(12, '−', -1)}
        <Text
          x={26}
          y={-9}
          width={32}
          align="center"
          text={String(votes)}
          fontSize={16}
          fontStyle="bold"
          listening={false}
        />
        {button(72, '+', 1)}
      </Group>
    </Group>
  )
}
