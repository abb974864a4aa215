import { DeductionPeriod, DepartureType, EducationLevel, KinRelation, LeaveApprover, PayComponentKind, PostCategory, Rating, SanctionMeasure } from '@xiangzhi/personnel-api';
import { registerEnumType } from 'type-graphql';

/** GraphQL names and descriptions of the personnel-api enums (registered once, here). */
registerEnumType(EducationLevel, {
  name: 'EducationLevel',
  description: '学历 / Education level',
  valuesConfig: {
    PRIMARY: { description: '小学及以下 / Primary school or less' },
    JUNIOR_HIGH: { description: '初中 / Junior high school' },
    HIGH_SCHOOL: { description: '高中（中专）/ Senior high or secondary vocational school' },
    COLLEGE: { description: '大专 / College' },
    BACHELOR: { description: '本科 / Bachelor’s degree' },
    POSTGRADUATE: { description: '研究生 / Postgraduate' },
  },
});
registerEnumType(PostCategory, {
  name: 'PostCategory',
  description: '岗位类别 / Post category',
  valuesConfig: {
    PARTY_SECRETARY: { description: '党组织书记 / Party secretary' },
    PARTY_COMMITTEE: { description: '党组织副书记、委员 / Other Party committee post' },
    COMMITTEE_DIRECTOR: { description: '村（居）委会主任 / Committee director' },
    COMMITTEE_MEMBER: { description: '村（居）委会委员 / Committee member' },
    SUPERVISION: { description: '村务监督委员会主任 / Supervision committee chair' },
    FULL_TIME_STAFF: { description: '专职岗位（秘书、专岗、站长）/ Full-time staff post' },
    AUXILIARY_POLICE: { description: '辅警 / Auxiliary police' },
  },
});
registerEnumType(LeaveApprover, {
  name: 'LeaveApprover',
  description: '请假审批层级 / Who approves leave',
  valuesConfig: {
    TOWNSHIP: { description: '乡镇（街道）/ The township' },
    VILLAGE_SECRETARY: { description: '村党组织书记 / The village Party secretary' },
  },
});
registerEnumType(Rating, {
  name: 'Rating',
  description: '年度考核等次 / Annual rating',
  valuesConfig: {
    EXCELLENT: { description: '优秀 / Excellent' },
    COMPETENT: { description: '称职 / Competent' },
    BASIC: { description: '基本称职 / Basically competent' },
    INCOMPETENT: { description: '不称职 / Incompetent' },
  },
});
registerEnumType(DepartureType, {
  name: 'DepartureType',
  description: '离任类型 / Departure type',
  valuesConfig: {
    NORMAL: { description: '正常离任 / Normal departure' },
    RESIGNED: { description: '辞职 / Resignation' },
    DISMISSED: { description: '免职、罢免 / Removal or dismissal' },
    HARD_EXIT: { description: '刚性退出 / Hard exit' },
    DECEASED: { description: '在职去世 / Death in service' },
  },
});
registerEnumType(KinRelation, {
  name: 'KinRelation',
  description: '亲属关系 / Relation',
  valuesConfig: {
    SPOUSE: { description: '配偶 / Spouse' },
    PARENT: { description: '父母 / Parent' },
    CHILD: { description: '子女 / Child' },
    SIBLING: { description: '兄弟姐妹 / Sibling' },
    GRANDPARENT: { description: '祖父母、外祖父母 / Grandparent' },
    GRANDCHILD: { description: '孙子女、外孙子女 / Grandchild' },
    PARENT_IN_LAW: { description: '岳父母、公婆 / Parent-in-law' },
    CHILD_IN_LAW: { description: '儿媳、女婿 / Child-in-law' },
  },
});
registerEnumType(SanctionMeasure, {
  name: 'SanctionMeasure',
  description: '处理措施 / Sanction measure',
  valuesConfig: {
    REMINDER_TALK: { description: '提醒谈话 / Reminder talk' },
    ADMONISHMENT_TALK: { description: '诫勉谈话 / Admonishment talk' },
    CRITICISM: { description: '通报批评 / Public criticism' },
    DEDUCT_PERFORMANCE_PAY: { description: '扣减绩效报酬 / Performance pay deducted' },
    REMOVAL_FROM_POST: { description: '调整岗位、免职 / Removal from the post' },
  },
});
registerEnumType(DeductionPeriod, {
  name: 'DeductionPeriod',
  description: '扣减期间 / Which performance pay a deduction takes from',
  valuesConfig: {
    MONTH: { description: '当月 / The month' },
    QUARTER: { description: '当季度 / The quarter' },
  },
});
registerEnumType(PayComponentKind, {
  name: 'PayComponentKind',
  description: '报酬构成 / Pay component kind',
  valuesConfig: {
    BASE: { description: '基本报酬 / Base pay' },
    PERFORMANCE: { description: '绩效报酬 / Performance pay' },
    SPECIAL_WORK: { description: '专项工作报酬 / Special-work pay' },
    DEVELOPMENT: { description: '发展报酬 / Development pay' },
    RANK: { description: '职级报酬 / Rank pay' },
    AWARD: { description: '奖励 / Award' },
    DEDUCTION: { description: '扣减 / Deduction' },
  },
});

export { DeductionPeriod, DepartureType, EducationLevel, KinRelation, LeaveApprover, PayComponentKind, PostCategory, Rating, SanctionMeasure };
