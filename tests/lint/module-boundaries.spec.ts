// @ci-once: lint rules do not depend on the database; CI runs this spec once
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ESLint } from 'eslint';

/**
 * The dependency rules of DESIGN.md are lint errors: these cases lint real source text at real
 * paths of the workspace (nothing is written to disk) and expect `@nx/enforce-module-boundaries`
 * to refuse the broken imports and accept the allowed ones.
 */
const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function boundaryErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, filePath) });
  return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
}

describe('module boundaries (lint)', () => {
  // The rule reads Nx's cached project graph and skips itself when there is none (a fresh clone
  // before any `nx` command): build the graph first so the rule really runs.
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(root, 'node_modules/.bin/nx'), 'show', 'projects'], {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
      stdio: 'ignore',
    });
  }, 120_000);

  it('refuses a subgraph importing another app (subgraphs may use only the kernel, shared and api libs)', async () => {
    const errors = await boundaryErrors(
      'apps/grids/src/probe.ts',
      "import * as gateway from '@xiangzhi/gateway';\nexport const probe = gateway;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it('refuses a subgraph importing another subgraph (personnel ↔ grids)', async () => {
    const personnel = await boundaryErrors(
      'apps/personnel/src/probe.ts',
      "import { subgraph } from '@xiangzhi/grids';\nexport const probe = subgraph;\n",
    );
    expect(personnel.length).toBeGreaterThan(0);
    const grids = await boundaryErrors(
      'apps/grids/src/probe.ts',
      "import { subgraph } from '@xiangzhi/personnel';\nexport const probe = subgraph;\n",
    );
    expect(grids.length).toBeGreaterThan(0);
  });

  it("allows a subgraph to import another subgraph's api lib (the event types it publishes)", async () => {
    const errors = await boundaryErrors(
      'apps/personnel/src/probe.ts',
      "import { GRIDS_EVENT_SUBJECTS } from '@xiangzhi/grids-api';\nexport const probe = GRIDS_EVENT_SUBJECTS;\n",
    );
    expect(errors).toEqual([]);
  });

  it('refuses a shared lib importing a subgraph app', async () => {
    const errors = await boundaryErrors(
      'libs/demo/src/probe.ts',
      "import { subgraph } from '@xiangzhi/grids';\nexport const probe = subgraph;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it('refuses the kernel importing a deployment library', async () => {
    const errors = await boundaryErrors(
      'libs/kernel/src/probe.ts',
      "import * as deployment from '@xiangzhi/deployment';\nexport const probe = deployment;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it('refuses a plugin importing a subgraph, the deployment or the test kit (plugins use only the kernel and *-api libs)', async () => {
    for (const pkg of ['@xiangzhi/personnel', '@xiangzhi/grids', '@xiangzhi/deployment', '@xiangzhi/testing', '@xiangzhi/demo']) {
      const errors = await boundaryErrors('plugins/longshan-qihua/src/probe.ts', `import * as x from '${pkg}';\nexport const probe = x;\n`);
      expect({ pkg, refused: errors.length > 0 }).toEqual({ pkg, refused: true });
    }
  });

  it('allows a plugin to import the kernel and the api libs', async () => {
    const errors = await boundaryErrors(
      'plugins/longshan-qihua/src/probe.ts',
      "import { definePlugin } from '@xiangzhi/kernel';\nimport * as personnel from '@xiangzhi/personnel-api';\nimport * as grids from '@xiangzhi/grids-api';\nexport const probe = [definePlugin, personnel, grids];\n",
    );
    expect(errors).toEqual([]);
  });

  it('allows a subgraph to import the kernel and its own api lib', async () => {
    const errors = await boundaryErrors(
      'apps/grids/src/probe.ts',
      "import { badInput } from '@xiangzhi/kernel';\nimport * as api from '@xiangzhi/grids-api';\nexport const probe = [badInput, api];\n",
    );
    expect(errors).toEqual([]);
  });
});
