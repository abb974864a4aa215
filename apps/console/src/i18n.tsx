import { createContext, useContext } from 'react';

export type Lang = 'zh' | 'en';

/** Every text of the console, Chinese first. */
const TEXT = {
  appTitle: ['乡治 · 县级控制台', 'Xiangzhi · County console'],
  switchLang: ['English', '中文'],
  login: ['登录', 'Log in'],
  logout: ['退出', 'Log out'],
  token: ['访问令牌', 'Access token'],
  tokenHint: ['粘贴 npm start 打印的开发令牌（或 xz token 签发的令牌）', 'Paste a development token printed by npm start (or one issued by xz token)'],
  tokenInvalid: ['令牌格式不正确', 'The token is not a valid JWT'],
  signedInAs: ['当前用户', 'Signed in as'],
  regions: ['区域', 'Regions'],
  incidents: ['事件办理', 'Incident desk'],
  plugins: ['已启用插件', 'Enabled plugins'],
  name: ['名称', 'Name'],
  code: ['区划代码', 'Code'],
  level: ['层级', 'Level'],
  households: ['户数', 'Households'],
  residents: ['人口', 'Residents'],
  grids: ['网格', 'Grids'],
  openIncidents: ['未办结事件', 'Open incidents'],
  up: ['上一级', 'Up'],
  open: ['打开', 'Open'],
  villagePage: ['村页面', 'Village page'],
  loading: ['加载中…', 'Loading…'],
  failed: ['加载失败', 'Could not load'],
  none: ['暂无', 'None'],
  gridLeader: ['网格长', 'Leader'],
  members: ['网格员', 'Members'],
  householdList: ['农户', 'Households'],
  number: ['户号', 'Number'],
  address: ['地址', 'Address'],
  head: ['户主', 'Head'],
  total: ['合计', 'Total'],
  cadresPosts: ['干部与岗位', 'Cadres and posts'],
  post: ['岗位', 'Post'],
  holder: ['在岗干部', 'Holder'],
  vacant: ['空缺', 'Vacant'],
  payroll: ['报酬', 'Payroll'],
  month: ['月份', 'Month'],
  cadre: ['干部', 'Cadre'],
  amount: ['金额（元）', 'Amount (yuan)'],
  economy: ['集体经济', 'Collective economy'],
  year: ['年度', 'Year'],
  operatingIncome: ['经营收入（元）', 'Operating income (yuan)'],
  organizations: ['集体经济组织', 'Organisations'],
  disputes: ['矛盾纠纷', 'Disputes'],
  summary: ['概要', 'Summary'],
  status: ['状态', 'Status'],
  openedOn: ['受理日期', 'Opened on'],
  points: ['积分排行', 'Points'],
  rank: ['名次', 'Rank'],
  household: ['农户', 'Household'],
  pointsCol: ['积分', 'Points'],
  report: ['上报事件', 'Report an incident'],
  title: ['标题', 'Title'],
  description: ['描述', 'Description'],
  category: ['类别', 'Category'],
  village: ['村', 'Village'],
  submit: ['提交', 'Submit'],
  actions: ['操作', 'Actions'],
  accept: ['受理', 'Accept'],
  dispatch: ['派单', 'Dispatch'],
  start: ['开始处理', 'Start'],
  resolve: ['办结', 'Resolve'],
  close: ['关闭评价', 'Close with rating'],
  assignee: ['办理人', 'Assignee'],
  resolution: ['办理结果', 'Resolution'],
  rating: ['评分', 'Rating'],
  comment: ['评价', 'Comment'],
  tier: ['层级', 'Tier'],
  deadline: ['期限', 'Deadline'],
  history: ['办理记录', 'History'],
  plugin: ['插件', 'Plugin'],
  version: ['版本', 'Version'],
  parameters: ['参数', 'Parameters'],
  county: ['区县', 'County'],
  baseline: ['未启用插件，按全国基线执行', 'No plugin enabled: the national baseline applies'],
  exports: ['导出', 'Downloads'],
  export_households: ['住户名册', 'Households'],
  export_residents: ['居民名册', 'Residents'],
  export_cadres: ['干部名册', 'Cadres'],
  export_posts: ['岗位表', 'Posts'],
  export_payroll: ['上月报酬', 'Last month’s payroll'],
  export_disputes: ['纠纷台账', 'Disputes'],
  export_points: ['积分表', 'Points'],
} as const;

export type TextKey = keyof typeof TEXT;

/** Status and enum labels shown in the tables. */
const ENUMS: Record<string, readonly [string, string]> = {
  PROVINCE: ['省', 'Province'],
  CITY: ['市', 'City'],
  COUNTY: ['县', 'County'],
  TOWNSHIP: ['乡镇', 'Township'],
  VILLAGE: ['村', 'Village'],
  REPORTED: ['已上报', 'Reported'],
  ACCEPTED: ['已受理', 'Accepted'],
  DISPATCHED: ['已派单', 'Dispatched'],
  IN_PROGRESS: ['处理中', 'In progress'],
  RESOLVED: ['已办结', 'Resolved'],
  CLOSED: ['已关闭', 'Closed'],
  REJECTED: ['不予受理', 'Rejected'],
  ESCALATED: ['已升级', 'Escalated'],
  DISPUTE: ['矛盾纠纷', 'Dispute'],
  ENVIRONMENT: ['环境卫生', 'Environment'],
  INFRASTRUCTURE: ['基础设施', 'Infrastructure'],
  LAND: ['土地山林', 'Land'],
  LIVELIHOOD: ['民生诉求', 'Livelihood'],
  PUBLIC_SECURITY: ['治安', 'Public security'],
  SAFETY_HAZARD: ['安全隐患', 'Safety hazard'],
  OTHER: ['其他', 'Other'],
};

export interface I18n {
  lang: Lang;
  t: (key: TextKey) => string;
  /** An enum value's label, or the value itself. */
  e: (value: string) => string;
}

export function makeI18n(lang: Lang): I18n {
  const i = lang === 'zh' ? 0 : 1;
  return { lang, t: (key) => TEXT[key][i], e: (value) => ENUMS[value]?.[i] ?? value };
}

export const I18nContext = createContext<I18n>(makeI18n('zh'));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
