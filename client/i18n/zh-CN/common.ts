import type { common as en } from '../en/common'
import type { Translation } from '../types'

export const common: Translation<typeof en> = {
  appName: '工作坊白板',
  pageTitle: '{{title}} · 工作坊白板',
  language: 'Language / 语言',
  highContrast: '高对比度',
  untitledSession: '未命名的会议',
  untitled: '未命名',
  cancel: '取消',
  close: '关闭',
  save: '保存',
  delete: '删除',
  tryAgain: '重试',
  languageNames: {
    en: '英语',
    'zh-CN': '简体中文',
    'zh-TW': '繁体中文',
    es: '西班牙语',
    fr: '法语',
    ar: '阿拉伯语',
    pt: '葡萄牙语',
    ru: '俄语',
    hi: '印地语',
    bn: '孟加拉语',
    ur: '乌尔都语',
    pl: '波兰语',
    so: '索马里语',
    vi: '越南语',
    ja: '日语',
    ko: '韩语',
  },
  errors: {
    surface: '导出用的绘图画面未能启动。',
    noCanvas: '此浏览器无法在画布上绘图。',
    encode: '无法对图片进行编码。',
    picture: '这张图片',
  },
  api: {
    unreachable: '无法连接服务器。请检查网络连接后重试。',
    status: '服务器返回了 {{status}}。',
  },
}
