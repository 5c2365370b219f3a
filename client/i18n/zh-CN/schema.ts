import type { schema as en } from '../en/schema'
import type { Translation } from '../types'

export const schema: Translation<typeof en> = {
  reload: '此页面打开期间，白板已更新到新版本：请重新加载以继续，尚未发送的更改会保留。',
  newer: '此页面比服务器的版本更新，服务器可能正在更新：请稍后重新加载以继续。',
  reloadButton: '重新加载',
}
