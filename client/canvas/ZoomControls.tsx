import { useTranslation } from 'react-i18next'

export interface ZoomControlsProps {
  readonly scale: number
  readonly onZoomIn: () => void
  readonly onZoomOut: () => void
  readonly onReset: () => void
  readonly onFit: () => void
}

/** Zoom buttons in the corner of the board; the keyboard has + - 0 and 1 for the same. */
export function ZoomControls(props: ZoomControlsProps) {
  const { t } = useTranslation('board')
  const percent = `${Math.round(props.scale * 100)}%`
  return (
    <div className="zoom-controls" role="group" aria-label={t('zoom.group')}>
      <button
        type="button"
        aria-label={t('zoom.out')}
        title={t('zoom.outHint')}
        aria-keyshortcuts="-"
        onClick={props.onZoomOut}
      >
        −
      </button>
      <button
        type="button"
        className="zoom-percent"
        aria-label={t('zoom.percent', { percent })}
        title={t('zoom.resetHint')}
        aria-keyshortcuts="0"
        onClick={props.onReset}
      >
        {percent}
      </button>
      <button
        type="button"
        aria-label={t('zoom.in')}
        title={t('zoom.inHint')}
        aria-keyshortcuts="+"
        onClick={props.onZoomIn}
      >
        +
      </button>
      <button
        type="button"
        aria-label={t('zoom.fit')}
        title={t('zoom.fitHint')}
        aria-keyshortcuts="1"
        onClick={props.onFit}
      >
        {t('zoom.fitShort')}
      </button>
    </div>
  )
}
