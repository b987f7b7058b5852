// UI text of this folder's pages, under the "ops" key, in both languages (GLOSSARY.md words).
const zh = {
  ops: {
    loading: '正在加载…',
    sms: {
      title: '短信（本地通道）', hint: '本地运行时短信不真正发出，而是保存在这里：登录验证码、派单链接、客户通知。每 5 秒刷新。',
      unavailable: '短信经由 Azure 通信服务发出，没有本地记录。', phone: '手机号', show: '查看', empty: '还没有短信。',
      sentAt: '时间', to: '收件人', body: '内容',
    },
    forbidden: '您的角色不能查看此页面。请用调度员、主管或管理员账号登录。',
    failed: '加载失败：{message}。页面会自动重试。',
    escalations: {
      title: '升级', hint: '处于超时预警或已超时的未结工单，已超时在前，最紧急的在前；每 5 秒刷新。',
      summary: '已超时 {breached} 张 · 预警 {warning} 张', due: '剩余 / 超出', category: '故障类型', open: '查看工单 {number}',
      empty: '没有需要处理的工单：所有未结工单都在时限内。', emptyHint: '新的超时预警或超时会自动出现在这里；所有工单见工单看板。',
      more: '只显示前 {count} 张，请先处理这些工单。',
    },
    engineers: {
      tickets: '{name} 的工单',
      title: '工程师', hint: '所有工程师的当前负载，最忙的在前。', filter: '按姓名筛选', name: '姓名', phone: '电话', duty: '在岗',
      status: '状态', load: '负载（进行中 / 上限）', skills: '技能', regions: '服务区域', level: 'L{level}',
      states: { offDuty: '休息', free: '空闲', busy: '忙碌', full: '满负荷' },
      onDuty: '在岗', offDuty: '休息', toggle: '{name} 在岗', saved: '{name} 已设为{state}',
      empty: '还没有工程师。通过 API（POST /api/engineers）添加工程师后会出现在这里。', noMatch: '没有姓名包含“{name}”的工程师，请修改筛选条件。',
    },
    ticket: {
      photos: '照片', noPhotos: '这张工单还没有照片。', kinds: { fault: '故障照片', before: '维修前', after: '维修后', signature: '客户签字' },
      openPhoto: '查看大图：{kind} {n}', report: '服务报告', noReport: '工程师完工后，服务报告会显示在这里。',
      cause: '原因', solution: '处理', labour: '工时', minutes: '{n} 分钟', resolvedAt: '完工时间',
      signature: '客户签字', signedAt: '签字时间', noSignature: '尚未签字', signatureMissing: '签字图片暂不可用',
      rating: '满意度评价', noRating: '客户尚未评价', stars: '{score} / 5 星',
    },
  },
}

// The English text must have exactly the Chinese keys: the type-check fails otherwise.
const en: typeof zh = {
  ops: {
    loading: 'Loading…',
    sms: {
      title: 'SMS (local channel)', hint: 'Running locally, SMS are not sent but kept here: sign-in codes, job links, customer messages. Refreshes every 5 s.',
      unavailable: 'SMS go out through Azure Communication Services; there is no local record.', phone: 'Phone number', show: 'Show', empty: 'No SMS yet.',
      sentAt: 'Time', to: 'To', body: 'Text',
    },
    forbidden: 'Your role cannot see this page. Sign in as a dispatcher, manager or admin.',
    failed: 'Could not load: {message}. The page keeps retrying.',
    escalations: {
      title: 'Escalations', hint: 'Open tickets in SLA warning or breach: breached first, most urgent first; refreshed every 5 s.',
      summary: '{breached} breached · {warning} in warning', due: 'Left / overdue', category: 'Fault', open: 'Open ticket {number}',
      empty: 'Nothing needs attention: every open ticket is within its SLA.', emptyHint: 'New SLA warnings and breaches appear here by themselves; the ticket board lists all tickets.',
      more: 'Only the first {count} are shown; deal with these first.',
    },
    engineers: {
      tickets: "{name}'s tickets",
      title: 'Engineers', hint: 'Every engineer with their current load, busiest first.', filter: 'Filter by name', name: 'Name', phone: 'Phone', duty: 'On duty',
      status: 'Status', load: 'Load (open / max)', skills: 'Skills', regions: 'Service regions', level: 'L{level}',
      states: { offDuty: 'Off duty', free: 'Free', busy: 'Busy', full: 'Full' },
      onDuty: 'On duty', offDuty: 'Off duty', toggle: '{name} on duty', saved: '{name} is now {state}',
      empty: 'No engineers yet. Add engineers through the API (POST /api/engineers) and they appear here.', noMatch: 'No engineer’s name contains “{name}”; change the filter.',
    },
    ticket: {
      photos: 'Photos', noPhotos: 'No photos on this ticket yet.', kinds: { fault: 'Fault photos', before: 'Before', after: 'After', signature: 'Customer signature' },
      openPhoto: 'Open full size: {kind} {n}', report: 'Service report', noReport: 'The service report appears here once the engineer resolves the ticket.',
      cause: 'Cause', solution: 'Solution', labour: 'Labour', minutes: '{n} min', resolvedAt: 'Resolved at',
      signature: 'Customer signature', signedAt: 'Signed at', noSignature: 'Not signed yet', signatureMissing: 'The signature image is not available',
      rating: 'Satisfaction rating', noRating: 'The customer has not rated yet', stars: '{score} / 5 stars',
    },
  },
}

export const opsMessages = { 'zh-CN': zh, en }
