import type { Reaction } from '../../shared/schema/boardDoc'

/**
 * The reactions drawn as small icons (24×24, one path each, holes by the even-odd rule) instead of
 * emoji: a machine without an emoji font draws emoji as empty boxes, and these draw the same
 * everywhere, on the page and on the canvas. Their names (i18n `note.reactionNames`) label them.
 */
export interface Icon {
  readonly d: string
  readonly fill: string
}

export const REACTION_ICONS: { readonly [R in Reaction]: Icon } = {
  '👍': {
    d: 'M2 10h4v11H2z M8 21h9.4a2 2 0 0 0 2-1.6l1.5-7.2A2 2 0 0 0 19 10h-5.3l.9-4.4A2 2 0 0 0 12.5 3L8 9.6z',
    fill: '#b45309',
  },
  '❤️': {
    d: 'M12 21c-1-.8-9.5-6.6-9.5-12A5 5 0 0 1 12 6.3 5 5 0 0 1 21.5 9c0 5.4-8.5 11.2-9.5 12z',
    fill: '#dc2626',
  },
  '💡': {
    d: 'M12 2a7 7 0 0 0-4 12.7V17h8v-2.3A7 7 0 0 0 12 2z M9 18.5h6V20H9z M10 21h4v1.5h-4z',
    fill: '#ca8a04',
  },
  '😮': {
    d:
      'M12 2a10 10 0 1 0 0 20 10 10 0 1 0 0-20z ' +
      'M8.5 7.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 1 0 0-3z M15.5 7.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 1 0 0-3z ' +
      'M12 13a2.2 2.8 0 1 0 0 5.6 2.2 2.8 0 1 0 0-5.6z',
    fill: '#d97706',
  },
  '🙏': {
    // two hands pressed together, fingertips up
    d:
      'M11.5 3c-.9 0-1.5.7-1.7 1.6L8 12l-4 4.5L7.5 21l3-3c.7-.7 1-1.6 1-2.6z ' +
      'M12.5 3c.9 0 1.5.7 1.7 1.6L16 12l4 4.5-3.5 4.5-3-3c-.7-.7-1-1.6-1-2.6z',
    fill: '#7c3aed',
  },
}

/** A padlock, for private notes on the canvas (an emoji would be a box without an emoji font). */
export const LOCK_ICON: Icon = {
  d: 'M6 10h12v11H6z M8 10V7a4 4 0 0 1 8 0v3h-2V7a2 2 0 0 0-4 0v3z',
  fill: '#6b21a8',
}

/** A reaction as an inline SVG; the button or text around it names it. */
export function ReactionIcon({ reaction, size = '1.25em' }: { reaction: Reaction; size?: string }) {
  const icon = REACTION_ICONS[reaction]
  return (
    <svg
      className="reaction-icon"
      viewBox="0 0 24 24"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
    >
      <path d={icon.d} fill={icon.fill} fillRule="evenodd" />
    </svg>
  )
}
