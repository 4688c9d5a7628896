/**
 * Free text for the seed generator: ticket subjects and descriptions, comments, CRM notes
 * and chat transcripts, in zh-CN and en. `{order}` is replaced with an order number.
 */

export interface TicketTemplate {
  subject: string;
  description: string;
  /** The contact-reason code the ticket is filed under (docs/reporting.md, "Contact reasons by tier"). */
  category: string;
}

export const TICKETS_ZH: readonly TicketTemplate[] = [
  { subject: '订单迟迟未发货', description: '我在上周下的订单 {order} 到现在还显示"待发货"，请帮忙查一下什么时候能发出。', category: 'delivery' },
  { subject: '物流信息长时间未更新', description: '订单 {order} 的快递已经三天没有任何物流更新了，麻烦联系一下快递公司。', category: 'delivery' },
  { subject: '收到的商品有破损', description: '今天收到订单 {order}，外包装完好但里面的商品屏幕有裂痕，附上照片，希望换货。', category: 'returns' },
  { subject: '申请开具增值税专用发票', description: '公司需要为订单 {order} 开具增值税专用发票，抬头和税号已在附件中，请尽快处理。', category: 'billing' },
  { subject: '退款还没有到账', description: '我在十天前申请了订单 {order} 的退款，审核已经通过，但银行卡一直没有收到钱。', category: 'billing' },
  { subject: '会员积分显示不正确', description: '我的会员积分比上个月少了两千多分，但我没有使用过积分，请核实。', category: 'account' },
  { subject: '修改收货地址', description: '订单 {order} 还没发货，想把收货地址改成公司地址，电话里已经说过一次了。', category: 'order_change' },
  { subject: '产品使用咨询', description: '新买的设备连不上家里的无线网络，按照说明书操作也不行，请安排技术人员联系我。', category: 'technical' },
  { subject: '重复扣款', description: '支付订单 {order} 的时候页面卡住了，结果信用卡被扣了两次款，请退还多扣的金额。', category: 'billing' },
  { subject: '投诉客服态度', description: '昨天打客服电话等了很久，接通后客服说话很不耐烦，问题也没有解决，希望给个说法。', category: 'complaint' },
  { subject: '预约上门安装', description: '订单 {order} 的空调已经送到，请帮忙预约这周六上午上门安装。', category: 'installation' },
  { subject: '账号无法登录', description: '手机号换了以后收不到验证码，账号登录不了，请帮忙更换绑定的手机号。', category: 'account' },
];

export const TICKETS_EN: readonly TicketTemplate[] = [
  { subject: 'Order not shipped yet', description: 'I placed order {order} last week and it still says "awaiting shipment". When will it go out?', category: 'delivery' },
  { subject: 'Tracking has not updated for days', description: 'The tracking for order {order} has not changed in three days. Can you check with the carrier?', category: 'delivery' },
  { subject: 'Item arrived damaged', description: 'Order {order} arrived today with a cracked screen. Photos attached; I would like a replacement.', category: 'returns' },
  { subject: 'Need a VAT invoice', description: 'Please issue an invoice for order {order} with our company name and tax number (attached).', category: 'billing' },
  { subject: 'Refund not received', description: 'My refund for order {order} was approved ten days ago but has not reached my card.', category: 'billing' },
  { subject: 'Charged twice', description: 'The checkout page froze while paying for order {order} and my card was charged twice.', category: 'billing' },
  { subject: 'Change delivery address', description: 'Order {order} has not shipped yet; please deliver it to my office address instead.', category: 'order_change' },
  { subject: 'Cannot log in', description: 'I changed my phone number and no longer receive the login code. Please update my account.', category: 'account' },
  { subject: 'Question about warranty', description: 'Is the two-year warranty valid in Hong Kong for a device bought on the mainland store?', category: 'technical' },
  { subject: 'Complaint about call wait time', description: 'I waited over twenty minutes on the hotline yesterday and the call dropped twice.', category: 'complaint' },
];

export const PHONE_TICKETS_ZH: readonly TicketTemplate[] = [
  { subject: '来电：咨询订单 {order} 进度', description: '客户来电询问订单 {order} 的发货进度，已告知预计发货时间，需跟进仓库确认。', category: 'order_status' },
  { subject: '来电：要求退货', description: '客户来电表示商品不符合预期，要求办理退货，已发送退货地址，待客户寄回。', category: 'returns' },
  { subject: '来电：发票问题', description: '客户来电说发票抬头写错了，需要作废重开，已记录正确抬头。', category: 'billing' },
  { subject: '来电投诉：配送延误', description: '客户来电投诉配送延误，情绪较激动，已安抚并承诺24小时内回电。', category: 'complaint' },
  { subject: '来电：设备故障报修', description: '客户来电报修，设备开机后无法正常工作，需安排工程师上门检测。', category: 'technical' },
];

export const PHONE_TICKETS_EN: readonly TicketTemplate[] = [
  { subject: 'Call: status of order {order}', description: 'Customer called about order {order}; told them the expected ship date, need to confirm with the warehouse.', category: 'order_status' },
  { subject: 'Call: return request', description: 'Customer called to return an item that did not meet expectations; return label sent.', category: 'returns' },
  { subject: 'Call: billing question', description: 'Customer called about an unexpected charge on their statement; investigating with finance.', category: 'billing' },
  { subject: 'Call: delivery complaint', description: 'Customer called to complain about a late delivery; promised a call back within 24 hours.', category: 'complaint' },
];

export const AGENT_REPLIES_ZH: readonly string[] = [
  '您好，已收到您的问题，我们正在核实，会尽快给您答复。',
  '您好，已经联系仓库加急处理，预计明天发出，发出后会短信通知您。',
  '非常抱歉给您带来不便，退款已重新提交，预计3-5个工作日到账。',
  '已为您安排换货，快递员会在两天内上门取件。',
  '发票已重新开具并发送到您的邮箱，请查收。',
  '您好，请提供一下订单截图和商品照片，方便我们进一步处理。',
];

export const AGENT_REPLIES_EN: readonly string[] = [
  'Thanks for reaching out. We are looking into this and will get back to you shortly.',
  'I have asked the warehouse to expedite your order; it should ship tomorrow.',
  'Sorry for the trouble. The refund has been resubmitted and should arrive in 3-5 business days.',
  'A replacement is on its way; the courier will collect the damaged item within two days.',
  'Could you send us a photo of the item and the packing slip so we can continue?',
];

export const CUSTOMER_REPLIES_ZH: readonly string[] = [
  '好的，谢谢，麻烦尽快。',
  '已经过去两天了，还是没有消息，请问进展如何？',
  '照片已经上传了，请查看。',
  '问题已经解决了，谢谢你们。',
  '能不能直接给我打电话？',
];

export const CUSTOMER_REPLIES_EN: readonly string[] = [
  'Thanks, please keep me posted.',
  'It has been two days and I still have not heard anything. Any update?',
  'Photos attached.',
  'All sorted now, thank you!',
  'Could someone call me instead?',
];

export const INTERNAL_NOTES_ZH: readonly string[] = [
  '已与仓库确认，库存不足，预计补货后发出。',
  '客户为老客户，可适当给予优惠券补偿。',
  '转交财务组处理退款。',
  '物流公司反馈包裹在中转站滞留，已催促。',
];

export const INTERNAL_NOTES_EN: readonly string[] = [
  'Checked with the warehouse: out of stock, ships after restock.',
  'Long-standing customer; offer a voucher as goodwill.',
  'Handed to finance for the refund.',
  'Carrier says the parcel is held at the hub; escalated.',
];

export const NOTES_ZH: readonly string[] = [
  '客户对上次的售后处理比较满意，表示会继续购买。',
  '客户询问企业批量采购的价格，已发送报价单。',
  '客户希望以后只通过邮件联系，不要打电话。',
  '回访：新设备使用正常，客户没有其他问题。',
  '客户反映上一次配送员态度不好，已记录并反馈给物流部门。',
  '客户生日在下个月，可以发送会员生日优惠。',
  '客户计划下季度扩大采购规模，需要销售经理跟进。',
  '已提醒客户会员即将到期，客户表示会续费。',
  '客户更换了收货地址，已在系统中更新。',
  '客户对价格比较敏感，推荐了促销活动。',
];

export const NOTES_EN: readonly string[] = [
  'Customer was happy with how the last return was handled.',
  'Asked about bulk pricing for their office; quote sent.',
  'Prefers email over phone calls.',
  'Follow-up call: the new device works fine, no further questions.',
  'Mentioned the courier was rude last time; passed on to logistics.',
  'Planning a larger order next quarter; sales to follow up.',
  'Membership renews next month; customer intends to renew.',
  'Updated the delivery address on file.',
];

/** Chat scripts: alternating lines, customer first. */
export const CHATS_ZH: readonly (readonly string[])[] = [
  ['你好，我想问一下我的订单什么时候发货？', '您好，请提供一下订单号，我帮您查询。', '订单号在我的账户里能看到吗？', '可以的，我这边已经查到了，预计明天发货。', '好的，谢谢！'],
  ['在吗？退款怎么还没到账？', '您好，退款一般需要3-5个工作日，我帮您查一下进度。', '已经一周了。', '抱歉，系统显示银行处理中，我已经帮您加急。'],
  ['请问这个型号支持7天无理由退货吗？', '支持的，只要商品完好、配件齐全即可。', '明白了，谢谢。'],
  ['发票可以开公司抬头吗？', '可以，请提供公司名称和税号。', '好的，我马上发给你。', '收到，开好后会发到您的邮箱。'],
  ['我的优惠券为什么用不了？', '您好，这张优惠券需要满299元才能使用。', '哦，原来是这样，谢谢。'],
];

export const CHATS_EN: readonly (readonly string[])[] = [
  ['Hi, when will my order ship?', 'Hi! Could you share your order number?', 'It should be in my account.', 'Found it: it ships tomorrow.', 'Great, thanks!'],
  ['My refund has not arrived yet.', 'Refunds take 3-5 business days; let me check.', 'It has been a week.', 'Sorry about that, I have escalated it with the bank.'],
  ['Can I return this if it does not fit?', 'Yes, within 7 days if it is unused.', 'Perfect, thank you.'],
  ['Do you ship to Hong Kong?', 'We do, usually within 3 business days.', 'And the shipping fee?', 'Free for orders over HK$500.'],
];
