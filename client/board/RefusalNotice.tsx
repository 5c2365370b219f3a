import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RuleCode } from '../../shared/schema/rules'
import { isObjectKind } from '../../shared/schema/kinds'
import type { RefusalNotice as Notice, RoomConnection } from '../sync'

/** Each refusal's sentence (client/i18n/…/board.ts, `refusal`). */
const SENTENCE: Record<RuleCode, string> = {
  locked: 'locked',
  protected: 'protected',
  'facilitator-only': 'facilitatorOnly',
  'author-only': 'authorOnly',
  fixed: 'fixed',
  invalid: 'invalid',
  'unknown-field': 'invalid',
  'unknown-items': 'invalid',
  'too-deep': 'tooDeep',
  'too-big': 'tooBig',
  'room-full': 'roomFull',
  'share-full': 'shareFull',
  'not-yours': 'notYours',
  'read-only': 'readOnly',
  'not-allowed': 'notAllowed',
  'other-group': 'otherGroup',
}

/**
 * Says in one sentence that the server did not keep a change of this person's, and why (the rest of
 * their work is carried over by the connection: client/sync/recover.ts). A polite live region, not a
 * status: the page's one status is the connection's.
 */
export function RefusalNotice({ rooms }: { rooms: readonly (RoomConnection | null)[] }) {
  const { t } = useTranslation('board')
  const { t: tg } = useTranslation('groups')
  const [notice, setNotice] = useState<Notice | null>(null)
  const stores = rooms.map((r) => r?.refusals ?? null)
  useEffect(() => {
    const stops = stores.flatMap((store) =>
      store ? [store.subscribe(() => setNotice(store.get().latest))] : [],
    )
    return () => stops.forEach((stop) => stop())
    // the stores themselves, not the array that holds them
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, stores)
  const thing = !notice?.kind
    ? t('refusal.thing.none')
    : isObjectKind(notice.kind)
      ? t(`refusal.thing.${notice.kind}`)
      : t('refusal.thing.other')
  return (
    <div className="refusal-notice" aria-live="polite">
      {notice && (
        <p className="banner refusal-banner" key={notice.seq}>
          <span>
            {notice.code === 'other-group'
              ? tg('refusal', { thing })
              : t(`refusal.${SENTENCE[notice.code]}` as 'refusal.locked', { thing })}
          </span>
          <button type="button" onClick={() => setNotice(null)}>
            {t('refusal.dismiss')}
          </button>
        </p>
      )}
    </div>
  )
}
