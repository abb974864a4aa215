import { bindPolicy, definePlugin } from '@xiangzhi/kernel';
import { attendancePolicyPoint } from '@xiangzhi/personnel-api';
import { jiangxi135Config, PLUGIN_NAME, type Jiangxi135Config } from './config';
import { Jiangxi135AttendancePolicy } from './attendance.policy';
import { Jiangxi135SettingsResolver } from './settings.resolver';

export { jiangxi135Config, PLUGIN_NAME, type Jiangxi135Config } from './config';
export { Jiangxi135AttendancePolicy } from './attendance.policy';

/** 江西135党建引领乡村治理试点 / Jiangxi 135 Pilot */
export default definePlugin({
  name: PLUGIN_NAME,
  version: '0.1.0',
  title: { zh: '江西135党建引领乡村治理试点', en: 'Jiangxi 135 Pilot' },
  config: jiangxi135Config,
  subgraphs: {
    personnel: {
      resolvers: [Jiangxi135SettingsResolver],
      policies: [bindPolicy(attendancePolicyPoint, (config: Jiangxi135Config) => new Jiangxi135AttendancePolicy(config))],
    },
  },
});
