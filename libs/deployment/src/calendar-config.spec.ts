import { DeploymentConfigError, parseDeploymentConfig } from './config';
import { calendarOverridesOf } from './load';

const base = { subgraphs: { personnel: { package: '@xiangzhi/personnel' } } };

describe('deployment config: a county’s own calendar days', () => {
  it('reads counties.<code>.calendar into the work calendar overrides, keyed by the 6-digit county', () => {
    const config = parseDeploymentConfig({
      ...base,
      counties: {
        '433130000000': { name: '龙山县', calendar: { holidays: [{ date: '2026-04-20', zh: '本县民族节日', en: 'County ethnic holiday' }], workdays: [{ date: '2026-10-10' }] } },
        '321311': { name: '宿豫区' },
      },
    });
    expect(calendarOverridesOf(config)).toEqual({
      '433130': { holidays: [{ date: '2026-04-20', zh: '本县民族节日', en: 'County ethnic holiday' }], workdays: [{ date: '2026-10-10' }] },
    });
  });

  it('names the key path of a bad date or an unknown key', () => {
    let error: unknown;
    try {
      parseDeploymentConfig({ ...base, counties: { '433130': { name: '龙山县', calendar: { holidays: [{ date: '2026-4-20', zh: '节', en: 'Day' }], extra: [] } } } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DeploymentConfigError);
    const problems = (error as DeploymentConfigError).problems.join('\n');
    expect(problems).toMatch(/counties\.433130\.calendar\.holidays\.0\.date: expected a date YYYY-MM-DD/);
    expect(problems).toMatch(/counties\.433130\.calendar\.extra: unknown key/);
  });
});
