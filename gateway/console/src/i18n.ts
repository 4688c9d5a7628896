/**
 * The console's two languages, English and Simplified Chinese. The choice is kept in
 * localStorage (`switchboard.lang`); without one the browser's language decides (`zh*` →
 * zh-CN). `t(key, values)` fills `{name}` placeholders.
 */
const en = {
  title: 'Switchboard console',
  language: 'Language',
  signIn: 'Sign in',
  signInHint: 'Development sign-in: pick one of the development identities.',
  noDevSignIn: 'This gateway offers no development sign-in. Open the console from an application that supplies a token.',
  signOut: 'Sign out',
  agentView: 'Agent desk',
  wallboard: 'Wallboard',
  online: 'Connected',
  offline: 'Offline: reconnecting…',
  offlineBanner: 'Connection to the gateway lost. Reconnecting; missed calls will be caught up.',
  unavailableBanner: '{systems} unavailable: showing what there is.',
  system_crm: 'CRM',
  system_callcenter: 'Call center',
  system_tickets: 'Ticket system',
  handoff: 'Chat hand-off',
  handoff_OFFERED: 'Waiting for you',
  handoff_ACCEPTED: 'Accepted',
  handoff_EXPIRED: 'Expired: became a ticket',
  handoff_ELSEWHERE: 'With another agent',
  anonymousVisitor: 'Unidentified visitor',
  reason: 'Reason',
  intent: 'Intent',
  skill: 'Skill',
  videoRoom: 'Video room',
  transcript: 'Conversation',
  participant_BOT: 'Bot:',
  participant_AGENT: 'Agent:',
  participant_CUSTOMER: 'Customer:',
  handoffExpires: 'Becomes a ticket at {time} if nobody accepts.',
  accept: 'Accept',
  decline: 'Decline',
  handoffGone: 'Someone else took it, or it expired.',
  noPops: 'No calls ringing. Screen-pops appear here.',
  incoming: 'Incoming call',
  withheld: 'Withheld number',
  state_RINGING: 'Ringing',
  state_CONNECTED: 'Connected',
  state_ON_HOLD: 'On hold',
  state_WRAP_UP: 'Wrap-up',
  state_ENDED: 'Ended',
  queue: 'Queue',
  dismiss: 'Dismiss',
  unknownCaller: 'Unknown caller: no customer has this number.',
  searchCustomers: 'Search customers',
  search: 'Search',
  noResults: 'No customers found.',
  createCustomerNote: 'Creating customers is done in the CRM; search to link the call to an existing customer.',
  multiple: 'Several customers share this number: choose one.',
  choose: 'Choose',
  loading: 'Loading…',
  tier: 'Tier',
  tags: 'Tags',
  emails: 'Email',
  nationalId: 'National ID',
  masked: 'masked',
  company: 'Company',
  lastContact: 'Last contact',
  openTickets: 'Open tickets',
  noTickets: 'No open tickets.',
  ticketsUnavailable: 'Tickets unavailable.',
  lastCalls: 'Last calls',
  noCalls: 'No calls.',
  orders: 'Orders',
  noOrders: 'No orders.',
  timeline: 'Timeline',
  noActivities: 'Nothing on the timeline.',
  restricted: 'Limited view: only what is needed to serve the caller.',
  status: 'Status',
  changeStatus: 'Change status of {number}',
  addNote: 'Add note',
  notePlaceholder: 'Note for the customer’s timeline',
  noteAdded: 'Note added.',
  createTicket: 'Create ticket',
  subject: 'Subject',
  priority: 'Priority',
  ticketCreated: 'Ticket {number} created.',
  failed: 'Failed: {message}',
  offered: 'Offered',
  answered: 'Answered',
  abandoned: 'Abandoned',
  serviceLevel: 'Service level',
  asa: 'Avg. speed of answer',
  seconds: '{value} s',
  today: 'Today by hour',
  queues: 'Queues',
  waiting: 'Waiting',
  talking: 'Talking',
  longestWait: 'Longest wait',
  agents: 'Agents',
  agent: 'Agent',
  presence: 'Presence',
  call: 'Call',
  presence_AVAILABLE: 'Available',
  presence_BUSY: 'Busy',
  presence_AWAY: 'Away',
  presence_OFFLINE: 'Offline',
  updated: 'Updated {time}',
  ticket_NEW: 'New', ticket_OPEN: 'Open', ticket_PENDING: 'Pending', ticket_HOLD: 'On hold', ticket_SOLVED: 'Solved', ticket_CLOSED: 'Closed',
  priority_LOW: 'Low', priority_NORMAL: 'Normal', priority_HIGH: 'High', priority_URGENT: 'Urgent',
  direction_INBOUND: 'Inbound', direction_OUTBOUND: 'Outbound',
  disposition_ANSWERED: 'Answered', disposition_ABANDONED: 'Abandoned', disposition_MISSED: 'Missed', disposition_TRANSFERRED: 'Transferred', disposition_VOICEMAIL: 'Voicemail', disposition_EXPIRED: 'Expired',
  tier_STANDARD: 'Standard', tier_SILVER: 'Silver', tier_GOLD: 'Gold', tier_PLATINUM: 'Platinum',
};

export type MessageKey = keyof typeof en;

const zh: Record<MessageKey, string> = {
  title: 'Switchboard 控制台',
  language: '语言',
  signIn: '登录',
  signInHint: '开发环境登录：选择一个开发身份。',
  noDevSignIn: '此网关不提供开发登录。请从提供令牌的应用中打开控制台。',
  signOut: '退出',
  agentView: '坐席工作台',
  wallboard: '监控大屏',
  online: '已连接',
  offline: '离线：正在重连…',
  offlineBanner: '与网关的连接已断开。正在重连，错过的来电将会补上。',
  unavailableBanner: '{systems}不可用：仅显示现有数据。',
  system_crm: 'CRM',
  system_callcenter: '呼叫中心',
  system_tickets: '工单系统',
  handoff: '机器人转人工',
  handoff_OFFERED: '等待您接入',
  handoff_ACCEPTED: '已接入',
  handoff_EXPIRED: '已超时，转为工单',
  handoff_ELSEWHERE: '已由其他坐席处理',
  anonymousVisitor: '未识别的访客',
  reason: '原因',
  intent: '意图',
  skill: '技能',
  videoRoom: '视频房间',
  transcript: '对话记录',
  participant_BOT: '机器人：',
  participant_AGENT: '坐席：',
  participant_CUSTOMER: '客户：',
  handoffExpires: '若无人接入，将于 {time} 转为工单。',
  accept: '接入',
  decline: '拒绝',
  handoffGone: '已被他人接入，或已超时。',
  noPops: '暂无来电。来电弹屏将显示在这里。',
  incoming: '来电',
  withheld: '隐藏号码',
  state_RINGING: '振铃中',
  state_CONNECTED: '通话中',
  state_ON_HOLD: '保持中',
  state_WRAP_UP: '话后处理',
  state_ENDED: '已结束',
  queue: '队列',
  dismiss: '关闭',
  unknownCaller: '未知来电：没有客户使用此号码。',
  searchCustomers: '搜索客户',
  search: '搜索',
  noResults: '未找到客户。',
  createCustomerNote: '新建客户请在 CRM 中操作；可搜索并关联已有客户。',
  multiple: '多个客户共用此号码：请选择一个。',
  choose: '选择',
  loading: '加载中…',
  tier: '等级',
  tags: '标签',
  emails: '邮箱',
  nationalId: '身份证号',
  masked: '已脱敏',
  company: '公司',
  lastContact: '最近联系',
  openTickets: '未结工单',
  noTickets: '没有未结工单。',
  ticketsUnavailable: '工单暂不可用。',
  lastCalls: '最近通话',
  noCalls: '没有通话。',
  orders: '订单',
  noOrders: '没有订单。',
  timeline: '时间线',
  noActivities: '时间线为空。',
  restricted: '受限视图：仅显示服务来电所需信息。',
  status: '状态',
  changeStatus: '修改 {number} 的状态',
  addNote: '添加备注',
  notePlaceholder: '写入客户时间线的备注',
  noteAdded: '备注已添加。',
  createTicket: '创建工单',
  subject: '主题',
  priority: '优先级',
  ticketCreated: '工单 {number} 已创建。',
  failed: '失败：{message}',
  offered: '呼入',
  answered: '接通',
  abandoned: '放弃',
  serviceLevel: '服务水平',
  asa: '平均应答速度',
  seconds: '{value} 秒',
  today: '今日（按小时）',
  queues: '队列',
  waiting: '等待',
  talking: '通话',
  longestWait: '最长等待',
  agents: '坐席',
  agent: '坐席',
  presence: '状态',
  call: '通话',
  presence_AVAILABLE: '空闲',
  presence_BUSY: '忙碌',
  presence_AWAY: '离开',
  presence_OFFLINE: '离线',
  updated: '更新于 {time}',
  ticket_NEW: '新建', ticket_OPEN: '处理中', ticket_PENDING: '待回复', ticket_HOLD: '挂起', ticket_SOLVED: '已解决', ticket_CLOSED: '已关闭',
  priority_LOW: '低', priority_NORMAL: '普通', priority_HIGH: '高', priority_URGENT: '紧急',
  direction_INBOUND: '呼入', direction_OUTBOUND: '呼出',
  disposition_ANSWERED: '已接听', disposition_ABANDONED: '放弃', disposition_MISSED: '未接', disposition_TRANSFERRED: '已转接', disposition_VOICEMAIL: '语音留言', disposition_EXPIRED: '超时结束',
  tier_STANDARD: '普通', tier_SILVER: '银卡', tier_GOLD: '金卡', tier_PLATINUM: '白金',
};

export type Language = 'en' | 'zh-CN';
const dictionaries: Record<Language, Record<MessageKey, string>> = { en, 'zh-CN': zh };
const listeners = new Set<() => void>();

function initial(): Language {
  const stored = localStorage.getItem('switchboard.lang');
  if (stored === 'en' || stored === 'zh-CN') return stored;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

let current: Language = initial();

export function language(): Language {
  return current;
}

/** Switches the language, remembers it and re-renders whoever listens. */
export function setLanguage(next: Language): void {
  current = next;
  localStorage.setItem('switchboard.lang', next);
  document.documentElement.lang = next;
  for (const listener of listeners) listener();
}

export function onLanguageChange(listener: () => void): void {
  listeners.add(listener);
}

/** The message for `key` in the current language, `{name}` replaced from `values`. */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  return dictionaries[current][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** `t` for keys built at run time (`state_RINGING`); the raw value when no message exists. */
export function tOr(key: string, fallback: string): string {
  return Object.hasOwn(en, key) ? t(key as MessageKey) : fallback;
}

/** A date-time in the current language's format. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(current, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}
