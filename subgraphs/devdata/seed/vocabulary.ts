/**
 * Names, companies, places and other reference vocabulary for the seed generator, in
 * zh-CN and en. Plain data; no logic beyond tiny lookups.
 */

export type Gender = 'M' | 'F';

/** [汉字, pinyin] */
export const ZH_FAMILY_NAMES: readonly (readonly [string, string])[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'],
  ['黄', 'huang'], ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'],
  ['马', 'ma'], ['朱', 'zhu'], ['胡', 'hu'], ['郭', 'guo'], ['何', 'he'], ['林', 'lin'],
  ['高', 'gao'], ['罗', 'luo'], ['郑', 'zheng'], ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'],
  ['唐', 'tang'], ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'], ['邓', 'deng'], ['曹', 'cao'],
  ['彭', 'peng'], ['曾', 'zeng'], ['肖', 'xiao'], ['田', 'tian'], ['董', 'dong'], ['袁', 'yuan'],
  ['潘', 'pan'], ['于', 'yu'], ['蒋', 'jiang'], ['蔡', 'cai'], ['余', 'yu'], ['杜', 'du'],
  ['叶', 'ye'], ['程', 'cheng'], ['苏', 'su'], ['魏', 'wei'], ['吕', 'lv'], ['丁', 'ding'],
  ['任', 'ren'], ['沈', 'shen'], ['姚', 'yao'], ['卢', 'lu'], ['钟', 'zhong'], ['汪', 'wang'],
  ['欧阳', 'ouyang'], ['上官', 'shangguan'], ['司马', 'sima'],
];

/** [汉字, pinyin, gender] */
export const ZH_GIVEN_NAMES: readonly (readonly [string, string, Gender])[] = [
  ['伟', 'wei', 'M'], ['芳', 'fang', 'F'], ['娜', 'na', 'F'], ['秀英', 'xiuying', 'F'], ['敏', 'min', 'F'],
  ['静', 'jing', 'F'], ['丽', 'li', 'F'], ['强', 'qiang', 'M'], ['磊', 'lei', 'M'], ['军', 'jun', 'M'],
  ['洋', 'yang', 'M'], ['勇', 'yong', 'M'], ['艳', 'yan', 'F'], ['杰', 'jie', 'M'], ['娟', 'juan', 'F'],
  ['涛', 'tao', 'M'], ['明', 'ming', 'M'], ['超', 'chao', 'M'], ['秀兰', 'xiulan', 'F'], ['霞', 'xia', 'F'],
  ['平', 'ping', 'M'], ['刚', 'gang', 'M'], ['桂英', 'guiying', 'F'], ['建华', 'jianhua', 'M'], ['建国', 'jianguo', 'M'],
  ['志强', 'zhiqiang', 'M'], ['晓明', 'xiaoming', 'M'], ['婷婷', 'tingting', 'F'], ['雪', 'xue', 'F'], ['浩然', 'haoran', 'M'],
  ['子轩', 'zixuan', 'M'], ['梓涵', 'zihan', 'F'], ['欣怡', 'xinyi', 'F'], ['宇航', 'yuhang', 'M'], ['思雨', 'siyu', 'F'],
  ['一诺', 'yinuo', 'F'], ['俊杰', 'junjie', 'M'], ['佳怡', 'jiayi', 'F'], ['文博', 'wenbo', 'M'], ['雨桐', 'yutong', 'F'],
  ['鹏', 'peng', 'M'], ['飞', 'fei', 'M'], ['红梅', 'hongmei', 'F'], ['玉兰', 'yulan', 'F'], ['海燕', 'haiyan', 'F'],
  ['国庆', 'guoqing', 'M'], ['春华', 'chunhua', 'F'], ['丹', 'dan', 'F'], ['慧', 'hui', 'F'], ['琳', 'lin', 'F'],
  ['博', 'bo', 'M'], ['晨', 'chen', 'M'], ['凯', 'kai', 'M'], ['颖', 'ying', 'F'], ['嘉欣', 'jiaxin', 'F'],
  ['振华', 'zhenhua', 'M'], ['立新', 'lixin', 'M'], ['美玲', 'meiling', 'F'], ['子怡', 'ziyi', 'F'], ['天佑', 'tianyou', 'M'],
];

/** Characters a second data entry often spells differently (same sound, other character). */
export const ZH_HOMOPHONES: Readonly<Record<string, string>> = {
  伟: '玮', 芳: '方', 丽: '莉', 静: '婧', 敏: '珉', 杰: '洁', 涛: '韬', 明: '铭', 磊: '垒', 军: '君',
  强: '蔷', 婷: '亭', 娜: '纳', 霞: '侠', 勇: '永', 艳: '燕', 娟: '鹃', 超: '钞', 平: '萍', 刚: '钢',
  华: '桦', 晨: '辰', 凯: '恺', 颖: '影', 琳: '林', 慧: '惠', 博: '搏', 鹏: '朋', 飞: '菲', 丹: '单',
};

/** [name, nickname, gender] */
export const EN_FIRST_NAMES: readonly (readonly [string, string | null, Gender])[] = [
  ['Robert', 'Bob', 'M'], ['William', 'Bill', 'M'], ['James', 'Jim', 'M'], ['Michael', 'Mike', 'M'],
  ['Elizabeth', 'Liz', 'F'], ['Jennifer', 'Jen', 'F'], ['Katherine', 'Kate', 'F'], ['Christopher', 'Chris', 'M'],
  ['Daniel', 'Dan', 'M'], ['Matthew', 'Matt', 'M'], ['Thomas', 'Tom', 'M'], ['Susan', 'Sue', 'F'],
  ['Margaret', 'Maggie', 'F'], ['Patricia', 'Pat', 'F'], ['Alexander', 'Alex', 'M'], ['Emily', null, 'F'],
  ['Olivia', null, 'F'], ['Sophia', 'Sophie', 'F'], ['David', 'Dave', 'M'], ['Richard', 'Rick', 'M'],
  ['Joseph', 'Joe', 'M'], ['Charles', 'Charlie', 'M'], ['Anthony', 'Tony', 'M'], ['Steven', 'Steve', 'M'],
  ['Andrew', 'Andy', 'M'], ['Jessica', 'Jess', 'F'], ['Sarah', null, 'F'], ['Laura', null, 'F'],
  ['Emma', null, 'F'], ['Grace', null, 'F'], ['Hannah', null, 'F'], ['Lucy', null, 'F'],
  ['Oliver', 'Ollie', 'M'], ['Harry', null, 'M'], ['George', null, 'M'], ['Jack', null, 'M'],
  ['Samuel', 'Sam', 'M'], ['Benjamin', 'Ben', 'M'], ['Nicholas', 'Nick', 'M'], ['Rachel', null, 'F'],
  ['Kevin', null, 'M'], ['Cindy', null, 'F'], ['Winnie', null, 'F'], ['Vincent', 'Vince', 'M'],
  ['Priya', null, 'F'], ['Arjun', null, 'M'], ['Maria', null, 'F'], ['Lukas', null, 'M'],
];

export const EN_LAST_NAMES: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor',
  'Thomas', 'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Walker',
  'Hall', 'Young', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill',
  'Campbell', 'Mitchell', 'Roberts', 'Carter', 'Phillips', 'Evans', 'Turner', 'Parker', 'Collins', 'Edwards',
  'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers', 'Chan', 'Wong', 'Leung', 'Lee', 'Cheung',
  'Ng', 'Lau', "O'Brien", 'Müller', 'Schmidt', 'Patel', 'Garcia', 'Kim',
];

/** [brand, pinyin] */
export const ZH_COMPANY_BRANDS: readonly (readonly [string, string])[] = [
  ['华瑞', 'huarui'], ['恒通', 'hengtong'], ['鑫达', 'xinda'], ['博远', 'boyuan'], ['金桥', 'jinqiao'],
  ['中联', 'zhonglian'], ['瑞丰', 'ruifeng'], ['天成', 'tiancheng'], ['嘉禾', 'jiahe'], ['宏图', 'hongtu'],
  ['新锐', 'xinrui'], ['优品', 'youpin'], ['启航', 'qihang'], ['云帆', 'yunfan'], ['盛世', 'shengshi'],
  ['东方', 'dongfang'], ['百川', 'baichuan'], ['聚源', 'juyuan'], ['长青', 'changqing'], ['星辰', 'xingchen'],
  ['海纳', 'haina'], ['远航', 'yuanhang'], ['创新', 'chuangxin'], ['卓越', 'zhuoyue'], ['锦程', 'jincheng'],
];

/** [name part, industry] */
export const ZH_COMPANY_KINDS: readonly (readonly [string, string])[] = [
  ['科技', '信息技术'], ['贸易', '批发零售'], ['电子', '电子制造'], ['物流', '物流运输'], ['餐饮管理', '餐饮'],
  ['文化传媒', '传媒'], ['医疗器械', '医疗'], ['教育咨询', '教育'], ['建筑工程', '建筑'], ['食品', '食品饮料'],
  ['网络科技', '互联网'], ['服饰', '服装'], ['汽车服务', '汽车'], ['投资管理', '金融'],
];

export const ZH_CITIES: readonly string[] = ['北京', '上海', '深圳', '广州', '杭州', '成都', '南京', '武汉', '苏州', '天津', '西安', '重庆'];

export const EN_COMPANY_BRANDS: readonly string[] = [
  'Northwind', 'Bluepeak', 'Harbor', 'Summit', 'Redwood', 'Kestrel', 'Lumen', 'Atlas', 'Meridian', 'Orchid',
  'Silverline', 'Crescent', 'Evergreen', 'Pioneer', 'Granite', 'Beacon', 'Tidewater', 'Falcon', 'Juniper', 'Copperfield',
];

/** [name part, industry] */
export const EN_COMPANY_KINDS: readonly (readonly [string, string])[] = [
  ['Trading', 'Wholesale'], ['Logistics', 'Logistics'], ['Software', 'Software'], ['Foods', 'Food & Beverage'],
  ['Electronics', 'Electronics'], ['Design', 'Creative Services'], ['Health', 'Healthcare'], ['Capital', 'Financial Services'],
  ['Retail', 'Retail'], ['Imports', 'Wholesale'], ['Labs', 'Biotech'], ['Hospitality', 'Hospitality'],
];

export const EN_COMPANY_SUFFIXES: readonly string[] = ['Ltd', 'Inc.', 'LLC', 'Co., Ltd.', 'Limited', 'GmbH', 'Pte. Ltd.'];

export const ZH_EMAIL_DOMAINS: readonly string[] = ['163.com', '126.com', 'qq.com', 'sina.com', 'foxmail.com', 'gmail.com', 'outlook.com'];
export const EN_EMAIL_DOMAINS: readonly string[] = ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'hotmail.co.uk', 'proton.me'];

/**
 * PRC resident ID region codes (first six digits: province, city, district) with the
 * landline area code of that city, so a customer's number and ID tell the same story.
 */
export const ZH_REGIONS: readonly (readonly [code: string, areaCode: string])[] = [
  ['110101', '10'], ['110105', '10'], ['110108', '10'], // 北京 东城, 朝阳, 海淀
  ['310104', '21'], ['310115', '21'], ['310101', '21'], // 上海 徐汇, 浦东, 黄浦
  ['440106', '20'], ['440104', '20'], // 广州 天河, 越秀
  ['440305', '755'], ['440304', '755'], // 深圳 南山, 福田
  ['510104', '28'], ['510107', '28'], // 成都 锦江, 武侯
  ['330106', '571'], ['330102', '571'], // 杭州 西湖, 上城
  ['320102', '25'], ['320106', '25'], // 南京 玄武, 鼓楼
  ['420106', '27'], // 武汉 武昌
  ['120101', '22'], // 天津 和平
  ['500103', '23'], // 重庆 渝中
  ['610113', '29'], // 西安 雁塔
  ['320505', '512'], // 苏州 虎丘
  ['370102', '531'], // 济南 历下
  ['410105', '371'], // 郑州 金水
  ['350102', '591'], // 福州 鼓楼
  ['370202', '532'], // 青岛 市南
  ['430102', '731'], // 长沙 芙蓉
  ['530102', '871'], // 昆明 五华
  ['441900', '769'], // 东莞
  ['330203', '574'], // 宁波 海曙
  ['140105', '351'], // 太原 小店 (7-digit local numbers)
  ['150102', '471'], // 呼和浩特 新城 (7-digit local numbers)
  ['450103', '771'], // 南宁 青秀 (7-digit local numbers)
  ['620102', '931'], // 兰州 城关 (7-digit local numbers)
];

/** Area codes whose local numbers have 7 digits (per libphonenumber's metadata). */
export const SEVEN_DIGIT_AREA_CODES: ReadonlySet<string> = new Set(['351', '471', '771', '931', '951', '971', '991']);

/** China mobile prefixes whose every 8-digit suffix is a valid number. */
export const CN_MOBILE_PREFIXES: readonly string[] = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139',
  '150', '151', '152', '153', '155', '156', '157', '158', '159',
  '166', '170', '171', '172', '173', '175', '176', '177', '178',
  '180', '181', '182', '183', '184', '185', '186', '187', '188', '189',
  '191', '198', '199',
];

export const US_AREA_CODES: readonly string[] = ['212', '415', '646', '310', '617', '312', '206', '512'];
/** London numbers: 020 3…, 020 7…, 020 8…. */
export const UK_LONDON_LEADS: readonly string[] = ['3', '7', '8'];
/** Hong Kong mobile leading pairs tried in order until the number is valid. */
export const HK_MOBILE_LEADS: readonly string[] = ['91', '92', '93', '94', '95', '96', '97', '98', '61', '62', '63', '64', '65', '66', '67', '68', '69', '51', '52', '53', '54', '55', '56', '59'];

/** The company's own numbers: inbound calls are made to them, outbound calls come from them. */
export const HOTLINES: readonly string[] = ['+864008123456', '+861065001000', '+862161002000', '+8675586001234'];
export const INTL_HOTLINE = '+85230018888';

export const CUSTOMER_TAGS_ZH: readonly string[] = ['回头客', '大客户', '投诉风险', '价格敏感', '企业采购', '会员', '新客户', '需回访', '电商渠道', '线下门店'];
export const CUSTOMER_TAGS_EN: readonly string[] = ['vip', 'repeat-buyer', 'b2b', 'churn-risk', 'newsletter', 'wholesale', 'expat', 'needs-callback', 'price-sensitive', 'partner'];

/** [carrier, tracking prefix] */
export const CARRIERS_ZH: readonly string[] = ['顺丰速运', '京东物流', '中通快递', 'EMS', '圆通速递', '韵达快递'];
export const CARRIERS_EN: readonly string[] = ['SF Express', 'EMS', 'DHL Express', 'FedEx'];

export const OWNER_TEAMS: readonly (readonly [team: string, count: number])[] = [
  ['team-bj', 6], ['team-sh', 5], ['team-sz', 5], ['team-intl', 4],
];

export const AGENT_TEAMS: readonly (readonly [team: string, count: number])[] = [
  ['team-bj', 16], ['team-sh', 16], ['team-sz', 14], ['team-intl', 14],
];

export const QUEUES: readonly (readonly [id: string, name: string])[] = [
  ['q_sales', '销售咨询 Sales'],
  ['q_support', '售后服务 Support'],
  ['q_billing', '账单与发票 Billing'],
  ['q_vip', 'VIP 专线'],
  ['q_en_support', 'English Support'],
];
