/**
 * 法定节假日 the national public holidays and the adjusted working days (调休上班) of each year, as
 * the State Council's General Office (国务院办公厅) announces them in its yearly notice
 * 《关于<year>年部分节假日安排的通知》. From 2025 the notices follow the amended
 * 《全国年节及纪念日放假办法》 (State Council decree of 2024-11-10): 13 days — 元旦 1, 春节 4 (除夕 to
 * 初三), 清明节 1, 劳动节 2, 端午节 1, 中秋节 1, 国庆节 3; before it 11 days (春节 3, 劳动节 1).
 *
 * Each year lists the days off of each holiday (the statutory days together with the days moved
 * onto them and the weekend in between, exactly as the notice's "放假调休，共N天") and the weekend
 * days worked instead. Counties add their own (e.g. an ethnic holiday) in the deployment config.
 */

/** The holidays a notice names. */
export enum HolidayName {
  NEW_YEAR = 'NEW_YEAR',
  SPRING_FESTIVAL = 'SPRING_FESTIVAL',
  QINGMING = 'QINGMING',
  LABOUR_DAY = 'LABOUR_DAY',
  DRAGON_BOAT = 'DRAGON_BOAT',
  MID_AUTUMN = 'MID_AUTUMN',
  NATIONAL_DAY = 'NATIONAL_DAY',
  /** 国庆节、中秋节 one break for both (2025: 中秋 falls on 10-06). */
  NATIONAL_DAY_MID_AUTUMN = 'NATIONAL_DAY_MID_AUTUMN',
}

export const HOLIDAY_TITLES: Readonly<Record<HolidayName, { zh: string; en: string }>> = {
  [HolidayName.NEW_YEAR]: { zh: '元旦', en: "New Year's Day" },
  [HolidayName.SPRING_FESTIVAL]: { zh: '春节', en: 'Spring Festival' },
  [HolidayName.QINGMING]: { zh: '清明节', en: 'Qingming Festival' },
  [HolidayName.LABOUR_DAY]: { zh: '劳动节', en: 'Labour Day' },
  [HolidayName.DRAGON_BOAT]: { zh: '端午节', en: 'Dragon Boat Festival' },
  [HolidayName.MID_AUTUMN]: { zh: '中秋节', en: 'Mid-Autumn Festival' },
  [HolidayName.NATIONAL_DAY]: { zh: '国庆节', en: 'National Day' },
  [HolidayName.NATIONAL_DAY_MID_AUTUMN]: { zh: '国庆节、中秋节', en: 'National Day and Mid-Autumn Festival' },
};

/** One holiday break: every day from `from` to `to` (both included) is a day off. */
export interface HolidayBreak {
  name: HolidayName;
  from: string;
  to: string;
  /** 调休上班 weekend days worked for this break. */
  workdays: string[];
}

/** One year's arrangement. */
export interface StatutoryYear {
  year: number;
  /** Where the dates come from. */
  source: { zh: string; en: string };
  /**
   * True while the year's notice is not in the data: only the statutory days themselves (from the
   * 放假办法 and the lunar calendar) are listed, without make-up days off or weekend days worked.
   */
  provisional: boolean;
  breaks: HolidayBreak[];
}

export const STATUTORY_HOLIDAYS: readonly StatutoryYear[] = [
  {
    year: 2024,
    // 国务院办公厅关于2024年部分节假日安排的通知（2023年10月发布；11天的旧放假办法）
    source: { zh: '国务院办公厅关于2024年部分节假日安排的通知', en: 'State Council General Office notice on the 2024 public holidays' },
    provisional: false,
    breaks: [
      { name: HolidayName.NEW_YEAR, from: '2024-01-01', to: '2024-01-01', workdays: [] },
      { name: HolidayName.SPRING_FESTIVAL, from: '2024-02-10', to: '2024-02-17', workdays: ['2024-02-04', '2024-02-18'] },
      { name: HolidayName.QINGMING, from: '2024-04-04', to: '2024-04-06', workdays: ['2024-04-07'] },
      { name: HolidayName.LABOUR_DAY, from: '2024-05-01', to: '2024-05-05', workdays: ['2024-04-28', '2024-05-11'] },
      { name: HolidayName.DRAGON_BOAT, from: '2024-06-10', to: '2024-06-10', workdays: [] },
      { name: HolidayName.MID_AUTUMN, from: '2024-09-15', to: '2024-09-17', workdays: ['2024-09-14'] },
      { name: HolidayName.NATIONAL_DAY, from: '2024-10-01', to: '2024-10-07', workdays: ['2024-09-29', '2024-10-12'] },
    ],
  },
  {
    year: 2025,
    // 国务院办公厅关于2025年部分节假日安排的通知（2024年11月发布；修订后的放假办法，13天）
    source: { zh: '国务院办公厅关于2025年部分节假日安排的通知', en: 'State Council General Office notice on the 2025 public holidays' },
    provisional: false,
    breaks: [
      { name: HolidayName.NEW_YEAR, from: '2025-01-01', to: '2025-01-01', workdays: [] },
      { name: HolidayName.SPRING_FESTIVAL, from: '2025-01-28', to: '2025-02-04', workdays: ['2025-01-26', '2025-02-08'] },
      { name: HolidayName.QINGMING, from: '2025-04-04', to: '2025-04-06', workdays: [] },
      { name: HolidayName.LABOUR_DAY, from: '2025-05-01', to: '2025-05-05', workdays: ['2025-04-27'] },
      { name: HolidayName.DRAGON_BOAT, from: '2025-05-31', to: '2025-06-02', workdays: [] },
      { name: HolidayName.NATIONAL_DAY_MID_AUTUMN, from: '2025-10-01', to: '2025-10-08', workdays: ['2025-09-28', '2025-10-11'] },
    ],
  },
  {
    year: 2026,
    // 国务院办公厅关于2026年部分节假日安排的通知（2025年11月发布；中秋 9-25 与国庆分开放假）
    source: { zh: '国务院办公厅关于2026年部分节假日安排的通知', en: 'State Council General Office notice on the 2026 public holidays' },
    provisional: false,
    breaks: [
      { name: HolidayName.NEW_YEAR, from: '2026-01-01', to: '2026-01-03', workdays: ['2026-01-04'] },
      { name: HolidayName.SPRING_FESTIVAL, from: '2026-02-15', to: '2026-02-23', workdays: ['2026-02-14', '2026-02-28'] },
      { name: HolidayName.QINGMING, from: '2026-04-04', to: '2026-04-06', workdays: [] },
      { name: HolidayName.LABOUR_DAY, from: '2026-05-01', to: '2026-05-05', workdays: ['2026-05-09'] },
      { name: HolidayName.DRAGON_BOAT, from: '2026-06-19', to: '2026-06-21', workdays: [] },
      { name: HolidayName.MID_AUTUMN, from: '2026-09-25', to: '2026-09-27', workdays: [] },
      { name: HolidayName.NATIONAL_DAY, from: '2026-10-01', to: '2026-10-07', workdays: ['2026-09-20', '2026-10-10'] },
    ],
  },
  {
    year: 2027,
    // Provisional: the statutory days of the amended 全国年节及纪念日放假办法 on the 2027 lunar
    // dates (除夕 02-05, 清明 04-05, 端午 06-09, 中秋 09-15). The make-up days off and the weekend
    // days worked follow the State Council's notice on 2027, to be entered here once published;
    // until then a county sets them in the deployment config.
    source: {
      zh: '《全国年节及纪念日放假办法》规定的法定节日（2027年安排通知未录入，暂不含补休和调休上班日）',
      en: 'Statutory days of the public holiday regulations (the 2027 notice is not entered yet: no make-up days off or weekend days worked)',
    },
    provisional: true,
    breaks: [
      { name: HolidayName.NEW_YEAR, from: '2027-01-01', to: '2027-01-01', workdays: [] },
      { name: HolidayName.SPRING_FESTIVAL, from: '2027-02-05', to: '2027-02-08', workdays: [] },
      { name: HolidayName.QINGMING, from: '2027-04-05', to: '2027-04-05', workdays: [] },
      { name: HolidayName.LABOUR_DAY, from: '2027-05-01', to: '2027-05-02', workdays: [] },
      { name: HolidayName.DRAGON_BOAT, from: '2027-06-09', to: '2027-06-09', workdays: [] },
      { name: HolidayName.MID_AUTUMN, from: '2027-09-15', to: '2027-09-15', workdays: [] },
      { name: HolidayName.NATIONAL_DAY, from: '2027-10-01', to: '2027-10-03', workdays: [] },
    ],
  },
];
