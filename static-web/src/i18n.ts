import { createI18n } from 'vue-i18n'

// The language follows the browser (zh-CN for Chinese browsers, English otherwise), can be switched, and is remembered.
export const languages = ['zh-CN', 'en'] as const
export type Language = (typeof languages)[number]
const storageKey = 'language'

export function initialLanguage(): Language {
  const saved = localStorage.getItem(storageKey)
  if (saved === 'zh-CN' || saved === 'en') return saved
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

const messages = {
  'zh-CN': {
    app: { title: '售后服务平台', switch: 'English', tagline: '报修、进度、评价，一站完成' },
    home: { customer: '我的报修', customerHint: '用手机号登录，查看设备与工单', console: '工作台', consoleHint: '调度、主管、管理员', docs: 'API 参考' },
    signIn: { title: '手机号登录', phone: '手机号', code: '验证码', send: '获取验证码', sent: '验证码已发送', submit: '登录' },
    tickets: { title: '我的工单', empty: '还没有工单。设备出现故障时，在这里报修。', status: '状态', number: '工单号', signOut: '退出' },
    status: { Submitted: '已受理', Assigned: '已派单', Accepted: '已接单', EnRoute: '在途', OnSite: '已到场', WaitingParts: '待备件', WaitingCustomer: '待客户', Resolved: '已完工', Closed: '已关闭', Cancelled: '已取消' },
  },
  en: {
    app: { title: 'After-sales service', switch: '中文', tagline: 'Report, follow and rate your service in one place' },
    home: { customer: 'My service requests', customerHint: 'Sign in with your phone to see devices and tickets', console: 'Console', consoleHint: 'Dispatchers, managers, admins', docs: 'API reference' },
    signIn: { title: 'Sign in with your phone', phone: 'Phone number', code: 'Code', send: 'Send code', sent: 'Code sent', submit: 'Sign in' },
    tickets: { title: 'My tickets', empty: 'No tickets yet. When a device has a fault, report it here.', status: 'Status', number: 'Ticket', signOut: 'Sign out' },
    status: { Submitted: 'Received', Assigned: 'Assigned', Accepted: 'Accepted', EnRoute: 'On the way', OnSite: 'On site', WaitingParts: 'Waiting for parts', WaitingCustomer: 'Waiting for you', Resolved: 'Resolved', Closed: 'Closed', Cancelled: 'Cancelled' },
  },
}

export const i18n = createI18n({ legacy: false, locale: initialLanguage(), fallbackLocale: 'en', messages })

export function setLanguage(language: Language) {
  i18n.global.locale.value = language
  localStorage.setItem(storageKey, language)
  document.documentElement.lang = language
}
