import { createI18n } from 'vue-i18n'
import { adminMessages } from './console/admin/messages'
import { opsMessages } from './console/ops/messages'

// The language follows the browser (zh-CN for Chinese browsers, English otherwise), can be switched, and is remembered.
export const languages = ['zh-CN', 'en'] as const
export type Language = (typeof languages)[number]
const storageKey = 'language'

export function initialLanguage(): Language {
  const saved = localStorage.getItem(storageKey)
  if (saved === 'zh-CN' || saved === 'en') return saved
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

const zh = {
  app: { title: '售后服务平台', switch: 'English', tagline: '报修、进度、评价，一站完成' },
  home: { customer: '我的报修', customerHint: '用手机号登录，查看设备与工单', engineer: '工程师', engineerHint: '用手机号登录，查看派给我的工单', console: '工作台', consoleHint: '调度、主管、管理员', docs: 'API 参考' },
  signIn: { title: '手机号登录', engineerTitle: '工程师登录', phone: '手机号', code: '验证码', send: '获取验证码', sent: '验证码已发送', submit: '登录' },
  tickets: { title: '我的工单', empty: '还没有工单。设备出现故障时，在这里报修。', status: '状态', number: '工单号', signOut: '退出', promise: '承诺 {time} 前' },
  devices: { title: '我的设备', empty: '还没有登记的设备。', warranty: '质保', InWarranty: '保内', Expiring: '即将过保', OutOfWarranty: '保外', until: '至 {date}' },
  report: {
    title: '报修', device: '设备', serial: '序列号', otherDevice: '其他设备（输入序列号）', otherAddress: '上门地址不是设备安装地址', region: '区县代码', regionHint: '6 位行政区划代码，如 310104', address: '详细地址', scan: '拍摄序列号条码识别',
    scanning: '正在识别…', scanned: '已识别序列号 {serial}', scanFailed: '没有识别到条码，请重拍，或选择“其他设备”手动输入。', category: '故障类型', description: '故障描述', descriptionHint: '请描述现象，至少 5 个字',
    from: '最早上门', to: '最晚上门', photos: '照片', addPhotos: '添加照片', submit: '提交报修', uploading: '正在上传照片 {percent}%',
    done: '已提交', categories: { 'no-power': '不通电', 'error-code': '报错代码', noise: '异响', leak: '漏水漏油', performance: '性能下降', damage: '损坏', installation: '安装', other: '其他' },
  },
  ticket: { title: '工单详情', timeline: '进度', promise: '服务承诺', due: '应于 {time} 前{metric}', photos: '照片 {count} 张', back: '返回',
    metrics: { response: '响应', arrival: '到场', resolution: '解决' }, breached: '已超时', met: '已达成', paused: '已暂停', pending: '尚未开始计时', cancelled: '已取消', noPromise: '这张工单没有适用的服务承诺。' },
  console: { signIn: '工作台登录', username: '用户名', password: '密码', submit: '登录', board: '工单看板', allStatuses: '全部状态', status: '状态',
    priority: '优先级', sla: 'SLA', empty: '没有符合条件的工单', metric: '时限', target: '目标', remaining: '剩余', candidates: '候选工程师',
    noCandidates: '没有可派的工程师', engineer: '工程师', distance: '距离 (km)', load: '负载', level: '等级', score: '评分', assigned: '当前负责', assignTo: '派给 {name}', signOut: '退出', engineerFilter: '只看 {name} 的工单。', allEngineers: '看全部工单', rules: '命中规则：{names}', skill: '要求技能：{line} ≥ {level} 级', leftOut: '未参与的工程师：',
    excluded: { declined: '已拒单或被改派', offDuty: '不在班', noSkill: '没有 {line} 技能', lowLevel: '{line} 技能低于 {level} 级', region: '不服务该区域',
      ruleRegions: '不在规则限定区域', group: '不在规则限定班组', capacity: '已满负荷', hours: '不在工作时间' },
    nav: { board: '工单看板', escalations: '升级', engineers: '工程师', calendars: '工作日历', policies: 'SLA 策略', rules: '派单规则', templates: '通知模板', lifecycle: '流程版本', sms: '短信' },
    slaStates: { running: '进行中', warning: '预警', breached: '已超时', paused: '已暂停', met: '已达成', pending: '未开始', cancelled: '已取消' } },
  kinds: { submitted: '受理', 'rule-fired': '规则命中', dispatched: '自动派单', 'dispatch-held': '待人工派单', assign: '派单', accept: '接单', decline: '拒单',
    depart: '出发', arrive: '到场', pause: '暂停', resume: '继续', resolve: '完工', confirm: '确认完工', 'reject-resolution': '驳回', rate: '评价', cancel: '取消',
    reopen: '重新打开', prioritize: '调整优先级', 'auto-close': '自动关闭', 'sla-warning': '超时预警', 'sla-breach': '超时', 'sla-escalation': '升级',
    'sla-reassign': '超时改派', 'check-in-far': '远离现场签到', 'sla-retargeted': 'SLA 重新计算', skipped: '跳过' },
  job: { title: '工单', accept: '接单', decline: '拒单', depart: '出发', arrive: '到场签到', resolve: '完工', waitParts: '待备件', waitCustomer: '待客户', resume: '继续',
    declineReason: '拒单原因', confirmDecline: '确认拒单', noLocation: '手机未提供位置，按工单地址签到', fault: '故障', site: '地址', contact: '联系电话', cause: '原因', solution: '处理', labour: '工时（分钟）',
    pending: '{count} 项操作待同步（离线）', refused: '“{action}”未被受理：', dismiss: '知道了', gone: '这张工单已不在您名下。', invalid: '链接无效或已失效。', offline: '没有网络，稍后再试。',
    tooMany: '尝试次数过多，请等待 {seconds} 秒后再试，页面会自动重新打开。',
    customer: '客户', device: '设备', unverified: '序列号未登记', photos: '照片', addBefore: '维修前照片', addAfter: '维修后照片', report: '服务报告',
    submitResolve: '提交完工', back: '返回', required: '必填', labourRange: '0 到 10000 分钟', left: '剩余 {time}', overdue: '已超时 {time}', myJobs: '我的工单', noJobs: '目前没有派给您的工单。' },
  signature: { title: '客户签字', hint: '请客户在框内签字', clear: '重签' },
  photoKinds: { fault: '故障', before: '维修前', after: '维修后', signature: '签字' },
  confirm: { title: '确认完工', confirm: '签字并确认完工', reject: '驳回', reason: '驳回原因', sendReject: '提交驳回', signFirst: '请先在框内签字。', reasonRequired: '请写明驳回原因。' },
  rate: { title: '满意度评价', score: '评分', stars: '{n} 星', comment: '意见（选填）', submit: '提交评价', pickScore: '请先选择 1 到 5 星。', thanks: '感谢您的评价：{score} 星。' },
  nav: { tickets: '我的工单', devices: '我的设备', report: '报修' },
  status: { Submitted: '已受理', Assigned: '已派单', Accepted: '已接单', EnRoute: '在途', OnSite: '已到场', WaitingParts: '待备件', WaitingCustomer: '待客户', Resolved: '已完工', Closed: '已关闭', Cancelled: '已取消' },
}

// The English text must have exactly the Chinese keys: the type-check fails otherwise.
const en: typeof zh = {
  app: { title: 'After-sales service', switch: '中文', tagline: 'Report, follow and rate your service in one place' },
  home: { customer: 'My service requests', customerHint: 'Sign in with your phone to see devices and tickets', engineer: 'Engineers', engineerHint: 'Sign in with your phone to see your jobs', console: 'Console', consoleHint: 'Dispatchers, managers, admins', docs: 'API reference' },
  signIn: { title: 'Sign in with your phone', engineerTitle: 'Engineer sign-in', phone: 'Phone number', code: 'Code', send: 'Send code', sent: 'Code sent', submit: 'Sign in' },
  tickets: { title: 'My tickets', empty: 'No tickets yet. When a device has a fault, report it here.', status: 'Status', number: 'Ticket', signOut: 'Sign out', promise: 'promised by {time}' },
  devices: { title: 'My devices', empty: 'No devices on record yet.', warranty: 'Warranty', InWarranty: 'In warranty', Expiring: 'Expiring soon', OutOfWarranty: 'Out of warranty', until: 'until {date}' },
  report: {
    title: 'Report a fault', device: 'Device', serial: 'Serial number', otherDevice: 'Another device (type its serial number)', otherAddress: 'Visit an address other than where the device is installed',
    region: 'Region code', regionHint: 'Six-digit GB/T 2260 code, e.g. 310104', address: 'Street address',
    scan: 'Scan the serial label (photo)', scanning: 'Reading…', scanned: 'Serial number {serial} read', scanFailed: 'No code found; take the photo again, or choose "Another device" and type it.', category: 'Fault', description: 'What happens?', descriptionHint: 'Describe the fault, at least 5 characters',
    from: 'Visit from', to: 'Visit by', photos: 'Photos', addPhotos: 'Add photos', submit: 'Send the request', uploading: 'Uploading photos {percent}%',
    done: 'Sent', categories: { 'no-power': 'No power', 'error-code': 'Error code', noise: 'Noise', leak: 'Leak', performance: 'Poor performance', damage: 'Damage', installation: 'Installation', other: 'Other' },
  },
  ticket: { title: 'Ticket', timeline: 'Progress', promise: 'Our promise', due: '{metric} by {time}', photos: '{count} photo(s)', back: 'Back',
    metrics: { response: 'Response', arrival: 'Arrival', resolution: 'Resolution' }, breached: 'missed', met: 'met', paused: 'paused', pending: 'not started yet', cancelled: 'cancelled', noPromise: 'No service level applies to this ticket.' },
  console: { signIn: 'Console sign-in', username: 'User name', password: 'Password', submit: 'Sign in', board: 'Ticket board', allStatuses: 'All statuses', status: 'Status',
    priority: 'Priority', sla: 'SLA', empty: 'No tickets match', metric: 'Target', target: 'Goal', remaining: 'Left', candidates: 'Candidates',
    noCandidates: 'No engineer can take it', engineer: 'Engineer', distance: 'Distance (km)', load: 'Load', level: 'Level', score: 'Score', assigned: 'Assigned', assignTo: 'Assign to {name}', signOut: 'Sign out', engineerFilter: 'Only the tickets of {name}.', allEngineers: 'Show all tickets', rules: 'Rules fired: {names}', skill: 'Skill required: {line} level {level} or above', leftOut: 'Engineers left out: ',
    excluded: { declined: 'declined or replaced', offDuty: 'off duty', noSkill: 'no {line} skill', lowLevel: '{line} below level {level}', region: "don't serve the region",
      ruleRegions: "outside the rule's regions", group: "outside the rule's group", capacity: 'at capacity', hours: 'outside working hours' },
    nav: { board: 'Ticket board', escalations: 'Escalations', engineers: 'Engineers', calendars: 'Calendars', policies: 'SLA policies', rules: 'Dispatch rules', templates: 'Notification templates', lifecycle: 'Workflow versions', sms: 'SMS' },
    slaStates: { running: 'Running', warning: 'Warning', breached: 'Breached', paused: 'Paused', met: 'Met', pending: 'Not started', cancelled: 'Cancelled' } },
  kinds: { submitted: 'Received', 'rule-fired': 'Rule fired', dispatched: 'Auto-dispatched', 'dispatch-held': 'Needs manual dispatch', assign: 'Assigned',
    accept: 'Accepted', decline: 'Declined', depart: 'On the way', arrive: 'On site', pause: 'Paused', resume: 'Resumed', resolve: 'Resolved', confirm: 'Confirmed',
    'reject-resolution': 'Resolution rejected', rate: 'Rated', cancel: 'Cancelled', reopen: 'Reopened', prioritize: 'Priority changed', 'auto-close': 'Closed automatically',
    'sla-warning': 'SLA warning', 'sla-breach': 'SLA breach', 'sla-escalation': 'Escalation', 'sla-reassign': 'Reassigned after breach', 'check-in-far': 'Checked in away from the site', 'sla-retargeted': 'SLA re-targeted', skipped: 'Skipped' },
  job: { title: 'Job', accept: 'Accept', decline: 'Decline', depart: 'On my way', arrive: 'Check in', resolve: 'Resolve', waitParts: 'Waiting for parts',
    waitCustomer: 'Waiting for customer', resume: 'Resume', declineReason: 'Why decline?', confirmDecline: 'Decline the job', noLocation: 'The phone gave no position; checked in at the site address', fault: 'Fault', site: 'Site', contact: 'Contact', cause: 'Cause',
    solution: 'Solution', labour: 'Labour (minutes)', pending: '{count} action(s) waiting to sync (offline)', refused: '"{action}" was not accepted: ', dismiss: 'Dismiss', gone: 'This job is no longer yours.',
    invalid: 'This link is not valid any more.', offline: 'No connection; try again later.',
    tooMany: 'Too many attempts; wait {seconds} seconds and the page tries again by itself.',
    customer: 'Customer', device: 'Device', unverified: 'Serial number not registered', photos: 'Photos', addBefore: 'Photos before the work', addAfter: 'Photos after the work',
    report: 'Service report', submitResolve: 'Submit and resolve', back: 'Back', required: 'Required', labourRange: '0 to 10000 minutes', left: '{time} left', overdue: '{time} overdue', myJobs: 'My jobs', noJobs: 'No jobs are assigned to you right now.' },
  signature: { title: 'Customer signature', hint: 'Ask the customer to sign in the box', clear: 'Clear' },
  photoKinds: { fault: 'Fault', before: 'Before', after: 'After', signature: 'Signature' },
  confirm: { title: 'Confirm the resolution', confirm: 'Sign and confirm', reject: 'Reject', reason: 'Why reject?', sendReject: 'Send the rejection', signFirst: 'Please sign in the box first.', reasonRequired: 'Please say why.' },
  rate: { title: 'Satisfaction rating', score: 'Score', stars: '{n} star(s)', comment: 'Comment (optional)', submit: 'Send the rating', pickScore: 'Pick 1 to 5 stars first.', thanks: 'Thank you for your rating: {score} star(s).' },
  nav: { tickets: 'My tickets', devices: 'My devices', report: 'Report a fault' },
  status: { Submitted: 'Received', Assigned: 'Assigned', Accepted: 'Accepted', EnRoute: 'On the way', OnSite: 'On site', WaitingParts: 'Waiting for parts', WaitingCustomer: 'Waiting for you', Resolved: 'Resolved', Closed: 'Closed', Cancelled: 'Cancelled' },
}

// The API's common messages in Chinese (src/api/messages.ts); English pages show the server's own text.
const serverErrors = { required: '必填。', requiredOneOf: '必填，可选：{list}。', oneOf: '只能是：{list}。', maxLength: '最多 {n} 个字。', minLength: '至少 {n} 个字。',
  control: '不能包含控制字符。', between: '须在 {min} 到 {max} 之间。', phone: '不是有效的手机号，例如 +8613800138000。',
  region: '须为 6 位行政区划代码，例如 310104。', codeExpired: '验证码已过期或未发送，请重新获取。', codeLocked: '验证码错误次数过多，请重新获取。',
  codeWrong: '验证码错误，还可以再试 {n} 次。', resendWait: '验证码刚刚发送过，请稍后再试。', tooManyCodes: '这个号码本小时获取验证码的次数已达上限。',
  noEngineer: '没有使用这个手机号的工程师。', notAllowed: '工单当前为“{status}”，不能“{action}”。现在可以：{list}。', nothing: '无' }

const base = { 'zh-CN': { ...zh, serverErrors }, en }

// Console feature folders keep their own text under their own key.
const messages = {
  'zh-CN': { ...base['zh-CN'], ...adminMessages['zh-CN'], ...opsMessages['zh-CN'] },
  en: { ...base.en, ...adminMessages.en, ...opsMessages.en },
}

export const i18n = createI18n({ legacy: false, locale: initialLanguage(), fallbackLocale: 'en', messages })

export function setLanguage(language: Language) {
  i18n.global.locale.value = language
  localStorage.setItem(storageKey, language)
  document.documentElement.lang = language
}
