import { useTranslation } from 'react-i18next'
import { isPlacingTool, type ToolId } from '../canvas/tools/tools'

type Placing = 'sticky' | 'text' | 'recipe' | 'image'

/**
 * Says what an armed placing tool will do with the next click, so a person who pressed a key (or a
 * button) knows how to go on. Polite: a screen reader hears it once, after what it was reading.
 */
export function PlacingHint({ tool, pending }: { readonly tool: ToolId; readonly pending: boolean }) {
  const { t } = useTranslation('board')
  // A live region without the status role: the page's one status is the connection's (CONTRACT.md).
  if (!isPlacingTool(tool)) return <p className="placing-hint" aria-live="polite" hidden />
  const kind = tool as Placing
  const text = pending ? t(`tools.placing.pending.${kind}`) : t(`tools.placing.armed.${kind}`)
  return (
    <p className="placing-hint" aria-live="polite" hidden={!text}>
      {text}
    </p>
  )
}
