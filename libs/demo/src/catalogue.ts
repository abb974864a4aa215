/** 演示区划目录 the demo counties, townships and villages (see the package's index for the rules). */

export interface DemoCounty {
  /** 12-digit county code */
  code: string;
  name: string;
  /** Which seed file the numbers come from. */
  seed: string;
  /** 街道 street offices */
  streets: number;
  /** 乡镇 towns and townships */
  towns: number;
  /** 社区 communities (residents' committees) */
  communities: number;
  /** 行政村 villages (villagers' committees) */
  villages: number;
  /** Where a number is not in the seed, what was assumed. */
  note?: string;
  /** Names the seed gives to villages (pilot villages): used for the county's featured villages. */
  villageNames?: readonly string[];
}

export const DEMO_COUNTIES: readonly DemoCounty[] = [
  {
    code: '321311000000',
    name: '宿豫区',
    seed: '000',
    streets: 4,
    towns: 6,
    communities: 10,
    villages: 72,
    note: '辖6个乡(镇)、4个街道、82个村(社区)；72个涉农村(社区)划分为370个网格',
  },
  { code: '433130000000', name: '龙山县', seed: '001', streets: 0, towns: 21, communities: 0, villages: 397, note: '21个乡镇(街道)、397个村(社区)' },
  { code: '520502000000', name: '七星关区', seed: '003', streets: 0, towns: 42, communities: 0, villages: 508, note: '辖42个乡镇(街道)，508个村(社区)' },
  {
    code: '511102000000',
    name: '市中区',
    seed: '002',
    streets: 0,
    towns: 16,
    communities: 0,
    villages: 124,
    note: '建制村从196个调整为124个；乡镇数未见于种子文档，演示取16 (township count not in the seed: 16 assumed)',
  },
  {
    code: '513424000000',
    name: '德昌县',
    seed: '002',
    streets: 0,
    towns: 12,
    communities: 7,
    villages: 65,
    note: '137个村、5个农村社区调整为65个村、4个城市社区、3个农村社区；全县12个乡镇(街道)',
  },
  {
    code: '360722000000',
    name: '信丰县',
    seed: '004',
    streets: 0,
    towns: 16,
    communities: 0,
    villages: 240,
    note:
      '种子文档隐去了县名（"X政通""X南新妇女运动""信才回归""X埠镇"），据此推定为江西省赣州市信丰县，仅作演示；乡镇数、村数未见于种子文档，演示取16个乡镇、240个村 ' +
      '(the seed hides the county’s name; its clues point to 信丰县, Ganzhou, Jiangxi, used for the demo only; township and village counts are not in the seed: 16 and 240 assumed). ' +
      '试点村坑口村、万星村、坪地山村在种子中分属三个乡镇，演示中放在第一个乡镇 (the three pilot villages belong to three towns in the seed; the demo puts them in the first town)',
    villageNames: ['坑口村', '万星村', '坪地山村'],
  },
];

export type DemoLevel = 'COUNTY' | 'TOWNSHIP' | 'VILLAGE';

export interface DemoRegion {
  code: string;
  name: string;
  level: DemoLevel;
  parentCode: string | null;
}

const FIRST = '青石龙凤桂白金玉清平双河安兴东西南北新长高黄茶竹梅柳松桃杨';
const SECOND = '山溪岭塘坪湾坝桥岩口林田湖源冲寨坡园';

function syllables(n: number): string {
  return `${FIRST[n % FIRST.length]}${SECOND[Math.floor(n / FIRST.length) % SECOND.length]}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Townships of a demo county: streets 001…, then towns 101…. */
export function demoTownships(county: DemoCounty): DemoRegion[] {
  const prefix = county.code.slice(0, 6);
  const seed = Number(prefix.slice(2));
  const out: DemoRegion[] = [];
  for (let i = 0; i < county.streets; i += 1) {
    out.push({ code: `${prefix}${pad(i + 1, 3)}000`, name: `${syllables(seed + i * 7)}街道`, level: 'TOWNSHIP', parentCode: county.code });
  }
  for (let i = 0; i < county.towns; i += 1) {
    out.push({ code: `${prefix}${pad(101 + i, 3)}000`, name: `${syllables(seed + (i + county.streets) * 7)}镇`, level: 'TOWNSHIP', parentCode: county.code });
  }
  return out;
}

/** Villages and communities of a demo county, spread evenly over its townships. */
export function demoVillages(county: DemoCounty): DemoRegion[] {
  const townships = demoTownships(county);
  const out: DemoRegion[] = [];
  const counters = new Map<string, { community: number; village: number }>();
  const total = county.communities + county.villages;
  for (let i = 0; i < total; i += 1) {
    const township = townships[i % townships.length];
    const counter = counters.get(township.code) ?? { community: 0, village: 0 };
    counters.set(township.code, counter);
    const isCommunity = i < county.communities;
    const seq = isCommunity ? 1 + counter.community++ : 200 + counter.village++;
    const generated = `${syllables(Number(county.code.slice(2, 6)) + i * 11)}${isCommunity ? '社区' : '村'}`;
    // the first villages of the first township are the featured ones: the seed's pilot names go there
    const named = !isCommunity && township === townships[0] ? county.villageNames?.[counter.village - 1] : undefined;
    const name = named ?? generated;
    out.push({ code: `${township.code.slice(0, 9)}${pad(seq, 3)}`, name, level: 'VILLAGE', parentCode: township.code });
  }
  return out;
}

/** Every demo region: counties, townships, villages (parents before children). */
export function demoRegions(): DemoRegion[] {
  return DEMO_COUNTIES.flatMap((c) => [
    { code: c.code, name: c.name, level: 'COUNTY' as const, parentCode: null },
    ...demoTownships(c),
    ...demoVillages(c),
  ]);
}

/**
 * Villages that get detailed demo data (grids, households, residents, cadres): the first three
 * villagers' committees of the first township of each county.
 */
export function featuredVillages(): DemoRegion[] {
  return DEMO_COUNTIES.flatMap((c) => {
    const first = demoTownships(c)[c.streets > 0 ? c.streets : 0];
    return demoVillages(c)
      .filter((v) => v.parentCode === first.code && Number(v.code.slice(9)) >= 200)
      .slice(0, 3);
  });
}
