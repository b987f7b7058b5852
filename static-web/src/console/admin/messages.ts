// UI text of this folder's pages, under the "admin" key, in both languages (GLOSSARY.md words).
const days = {
  'zh-CN': { mon: '周一', tue: '周二', wed: '周三', thu: '周四', fri: '周五', sat: '周六', sun: '周日' },
  en: { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' },
}

const zh = {
  admin: {
    forbidden: '您的角色不能使用此页面，请用管理员账号登录。',
    forbiddenEdit: '您的角色不能修改这些设置（仅管理员{who}可以）。', andManagers: '和主管', andDispatchers: '和调度员',
    saved: '已保存', save: '保存', cancel: '取消', edit: '编辑', delete: '删除', create: '新建', actions: '操作', any: '任意',
    loading: '正在加载…', confirmDelete: '确定删除？', yes: '确定', no: '取消', updated: '更新时间', order: '顺序', name: '名称',
    listHint: '多个值用逗号分隔', fixErrors: '请修正标出的字段：',
    calendars: {
      title: '工作日历', create: '新建工作日历', edit: '编辑工作日历', timeZone: '时区', timeZoneHint: 'IANA 时区，例如 Asia/Shanghai',
      week: '工作时间', weekHint: '每天可有多个时段（例如午休）：09:00-12:00, 13:30-18:00；留空表示休息',
      holidays: '节假日', makeUpDays: '调休（补班）', datesHint: '每行或逗号分隔一个日期 yyyy-MM-dd，也可写范围 2026-10-01~2026-10-07',
      days: days['zh-CN'], closed: '休息', count: '{n} 天',
      empty: '还没有工作日历。点击“新建工作日历”，填写每周的工作时间、节假日和调休补班日。',
      preview: '到期时间预览', calendar: '工作日历', start: '开始时间', hours: '小时', minutes: '分钟', duration: '时长（工作时间）',
      compute: '计算到期时间', due: '到期时间', dueIn: '{time}（{zone}）', local: '本地时间 {time}', pickCalendar: '请先选择一个工作日历',
    },
    policies: {
      title: 'SLA 策略', create: '新建 SLA 策略', edit: '编辑 SLA 策略', hint: '按顺序匹配，第一条符合的策略生效。',
      match: '适用条件', priority: '优先级', customerTier: '客户等级', productLine: '产品线', calendar: '工作日历', allDay: '7×24 小时',
      targets: '时限', response: '响应时限', arrival: '到场时限', resolution: '解决时限', durationHint: 'hh:mm:ss，例如 04:00:00 或 72:00:00',
      warnAt: '超时预警（%）', warnAtHint: '例如 50, 75', escalations: '升级', afterPercent: '超过时限的百分比', escalationActions: '动作',
      addEscalation: '添加升级级别', removeEscalation: '删除此级别', level: '第 {n} 级',
      tiers: { standard: '普通', vip: 'VIP', strategic: '战略' },
      actions: { 'notify-assignee': '通知负责工程师', 'notify-supervisor': '通知主管', reassign: '改派', 'raise-priority': '提高优先级' },
      empty: '还没有 SLA 策略。没有策略时工单不计时；点击“新建 SLA 策略”，设定响应、到场和解决时限。',
    },
    rules: {
      title: '派单规则', create: '新建派单规则', edit: '编辑派单规则', hint: '受理时按顺序执行；勾选“命中后停止”的规则之后不再执行其他规则。',
      enabled: '启用', stop: '命中后停止', conditions: '条件', when: '条件（留空表示任意）', then: '动作',
      faultCategories: '故障类型', productLines: '产品线', regionPrefixes: '服务区域代码前缀', customerTiers: '客户等级', priorities: '优先级',
      warranty: '质保', keywords: '关键词', setPriority: '设为优先级', requireSkill: '要求技能（产品线）', minLevel: '最低技能等级',
      restrictRegions: '限定服务区域', restrictGroup: '限定工程师组（组长工程师 ID）', slaPolicy: 'SLA 策略', holdForManual: '转人工派单',
      warrantyValues: { InWarranty: '保内', Expiring: '即将过保', OutOfWarranty: '保外', Unknown: '未知' },
      on: '是', off: '否', deleted: '已删除',
      empty: '还没有派单规则。没有规则时系统按技能、区域和距离自动派单；点击“新建派单规则”添加例外。',
    },
    templates: {
      title: '通知模板', event: '事件', language: '语言', text: '内容', placeholders: '可用占位符', length: '短信长度',
      segments: '{segments} 条短信（{units} 个字符，{encoding}）', isDefault: '默认', custom: '已修改', reset: '恢复默认',
      resetConfirm: '恢复为系统默认文本？', insert: '插入 {p}',
      empty: '没有通知模板。',
      languages: { 'zh-CN': '中文', en: '英文' },
      events: {
        'ticket-received': '报修已受理', 'engineer-assigned': '已派工程师', 'engineer-job': '工程师新工单', 'engineer-on-the-way': '工程师已出发',
        'ticket-resolved': '工单已完工', 'ticket-closed': '工单已关闭', 'sla-warning': '超时预警', 'sla-breach': '超时', 'sla-escalation': '升级',
        'dispatch-held': '待人工派单',
      },
    },
    lifecycle: {
      title: '流程版本', version: '版本', versionN: '第 {n} 版', publishedAt: '发布时间', publishedBy: '发布人', initial: '初始状态', final: '终止状态',
      diagram: '版本 {n} 的状态图', noChange: '不改变状态的事件', event: '事件', from: '可从这些状态发起', by: '发起方', back: '返回暂停前的状态',
      guards: '条件', empty: '还没有发布的流程版本。', publish: '发布新版本', publishHint: '粘贴完整的流程定义 JSON。新版本只用于之后新建的工单。',
      definition: '流程定义 JSON', startFrom: '以当前版本为起点', check: '检查', checked: '第 {n} 版检查通过，可以发布；下面是它的状态图。', published: '已发布第 {n} 版', invalidJson: '不是合法的 JSON：{error}',
      errors: '服务器发现以下问题：', legend: '圆点为初始状态，双圈为终止状态。',
    },
  },
}

// The English text must have exactly the Chinese keys: the type-check fails otherwise.
const en: typeof zh = {
  admin: {
    forbidden: 'Your role may not use this page. Sign in with an admin account.',
    forbiddenEdit: 'Your role may not change these settings (only admins{who} may).', andManagers: ' and managers', andDispatchers: ' and dispatchers',
    saved: 'Saved', save: 'Save', cancel: 'Cancel', edit: 'Edit', delete: 'Delete', create: 'New', actions: 'Actions', any: 'Any',
    loading: 'Loading…', confirmDelete: 'Delete this?', yes: 'Delete', no: 'Cancel', updated: 'Updated', order: 'Order', name: 'Name',
    listHint: 'Separate several values with commas', fixErrors: 'Please fix the marked fields:',
    calendars: {
      title: 'Business calendars', create: 'New calendar', edit: 'Edit calendar', timeZone: 'Time zone', timeZoneHint: 'IANA time zone, e.g. Asia/Shanghai',
      week: 'Working hours', weekHint: 'Several intervals a day (e.g. a lunch break): 09:00-12:00, 13:30-18:00; empty means closed',
      holidays: 'Holidays', makeUpDays: 'Make-up working days', datesHint: 'One date yyyy-MM-dd per line or comma, or a range 2026-10-01~2026-10-07',
      days: days.en, closed: 'closed', count: '{n} day(s)',
      empty: 'No business calendars yet. Choose “New calendar” and enter the weekly working hours, holidays and make-up working days.',
      preview: 'Due-time preview', calendar: 'Calendar', start: 'Start', hours: 'hours', minutes: 'minutes', duration: 'Duration (business time)',
      compute: 'Compute the due time', due: 'Due', dueIn: '{time} ({zone})', local: 'your time {time}', pickCalendar: 'Choose a calendar first',
    },
    policies: {
      title: 'SLA policies', create: 'New SLA policy', edit: 'Edit SLA policy', hint: 'Tried in order; the first policy that matches applies.',
      match: 'Applies to', priority: 'Priority', customerTier: 'Customer tier', productLine: 'Product line', calendar: 'Calendar', allDay: '24×7',
      targets: 'Targets', response: 'Response target', arrival: 'Arrival target', resolution: 'Resolution target', durationHint: 'hh:mm:ss, e.g. 04:00:00 or 72:00:00',
      warnAt: 'SLA warnings (%)', warnAtHint: 'e.g. 50, 75', escalations: 'Escalations', afterPercent: 'Percent of the target', escalationActions: 'Actions',
      addEscalation: 'Add an escalation level', removeEscalation: 'Remove this level', level: 'Level {n}',
      tiers: { standard: 'Standard', vip: 'VIP', strategic: 'Strategic' },
      actions: { 'notify-assignee': 'Notify the assignee', 'notify-supervisor': 'Notify the supervisor', reassign: 'Reassign', 'raise-priority': 'Raise the priority' },
      empty: 'No SLA policies yet. Without one no SLA clock runs; choose “New SLA policy” to set response, arrival and resolution targets.',
    },
    rules: {
      title: 'Dispatch rules', create: 'New dispatch rule', edit: 'Edit dispatch rule', hint: 'Run in order at intake; after a rule marked “stop” fires, no later rule runs.',
      enabled: 'Enabled', stop: 'Stop after it fires', conditions: 'Conditions', when: 'Conditions (empty matches anything)', then: 'Actions',
      faultCategories: 'Fault', productLines: 'Product lines', regionPrefixes: 'Service region code prefixes', customerTiers: 'Customer tiers', priorities: 'Priorities',
      warranty: 'Warranty', keywords: 'Keywords', setPriority: 'Set priority', requireSkill: 'Require skill (product line)', minLevel: 'Minimum skill level',
      restrictRegions: 'Only these service regions', restrictGroup: 'Only this engineer group (lead engineer id)', slaPolicy: 'SLA policy', holdForManual: 'Hold for manual dispatch',
      warrantyValues: { InWarranty: 'In warranty', Expiring: 'Expiring soon', OutOfWarranty: 'Out of warranty', Unknown: 'Unknown' },
      on: 'yes', off: 'no', deleted: 'Deleted',
      empty: 'No dispatch rules yet. Without rules tickets are dispatched by skill, region and distance; choose “New dispatch rule” to add exceptions.',
    },
    templates: {
      title: 'Notification templates', event: 'Event', language: 'Language', text: 'Text', placeholders: 'Placeholders', length: 'SMS length',
      segments: '{segments} SMS segment(s) ({units} characters, {encoding})', isDefault: 'default', custom: 'changed', reset: 'Reset to default',
      resetConfirm: 'Go back to the built-in text?', insert: 'Insert {p}',
      empty: 'No notification templates.',
      languages: { 'zh-CN': 'Chinese', en: 'English' },
      events: {
        'ticket-received': 'Service request received', 'engineer-assigned': 'Engineer assigned', 'engineer-job': 'New job for the engineer',
        'engineer-on-the-way': 'Engineer on the way', 'ticket-resolved': 'Ticket resolved', 'ticket-closed': 'Ticket closed', 'sla-warning': 'SLA warning',
        'sla-breach': 'SLA breach', 'sla-escalation': 'Escalation', 'dispatch-held': 'Needs manual dispatch',
      },
    },
    lifecycle: {
      title: 'Workflow versions', version: 'Version', versionN: 'Version {n}', publishedAt: 'Published', publishedBy: 'By', initial: 'Initial state', final: 'Final state',
      diagram: 'State diagram of version {n}', noChange: 'Events that keep the state', event: 'Event', from: 'From states', by: 'Raised by', back: 'back to the state before the pause',
      guards: 'Conditions', empty: 'No workflow version has been published yet.', publish: 'Publish a new version', publishHint: 'Paste the whole definition JSON. A new version applies to tickets created afterwards only.',
      definition: 'Definition JSON', startFrom: 'Start from the shown version', check: 'Check', checked: 'Version {n} passes the checks and can be published; its diagram is below.', published: 'Version {n} published', invalidJson: 'This is not valid JSON: {error}',
      errors: 'The server found these problems:', legend: 'A dot marks the initial state, a double ring a final state.',
    },
  },
}

export const adminMessages = { 'zh-CN': zh, en }
