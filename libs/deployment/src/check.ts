import path from 'node:path';
import { PolicyRegistry, type Logger } from '@xiangzhi/kernel';
import { composeDeployment, CompositionError } from './compose';
import { DeploymentConfigError, loadDeploymentConfig } from './config';
import { DeploymentLoadError, resolveDeployment, type ResolvedDeployment } from './load';

export interface CheckReport {
  ok: boolean;
  configPath: string;
  /** What was checked and found in order (human-readable). */
  notes: string[];
  /** One line per problem, naming the key path or the composition error. */
  problems: string[];
  deployment?: ResolvedDeployment;
  supergraphSdl?: string;
}

/**
 * `xz check`: validates the config file (zod), loads every subgraph and plugin package, validates
 * each county's plugin parameters against the plugin's schema (kernel PolicyRegistry) and with the
 * plugin's own consistency check (`checkConsistency`), and composes the supergraph. Never throws
 * for a bad deployment: the report lists the problems.
 */
export async function checkDeployment(configFile?: string, logger?: Logger): Promise<CheckReport> {
  const report: CheckReport = { ok: false, configPath: configFile ? path.resolve(configFile) : '', notes: [], problems: [] };
  let loaded;
  try {
    loaded = loadDeploymentConfig(configFile);
  } catch (error) {
    if (error instanceof DeploymentConfigError) {
      report.configPath = error.source;
      report.problems.push(...error.problems);
      return report;
    }
    throw error;
  }
  report.configPath = loaded.path;
  const { config } = loaded;
  report.notes.push(
    `配置格式正确 (config is valid): ${Object.keys(config.subgraphs).length} subgraph(s), ${Object.keys(config.plugins).length} plugin(s), ${Object.keys(config.counties).length} county(ies)`,
  );
  let deployment: ResolvedDeployment;
  try {
    // skipped subgraphs are listed in the report, not logged
    deployment = resolveDeployment(config, { baseDir: path.dirname(loaded.path), logger: logger?.child({}, { level: 'error' }) });
  } catch (error) {
    if (error instanceof DeploymentLoadError) {
      report.problems.push(...error.problems);
      return report;
    }
    throw error;
  }
  report.deployment = deployment;
  for (const sg of deployment.subgraphs) report.notes.push(`子图 subgraph ${sg.name}: ${sg.package}`);
  for (const sg of deployment.skipped) report.notes.push(`跳过可选子图 (optional subgraph skipped) ${sg.name}: ${sg.package}: ${sg.reason}`);
  for (const p of deployment.plugins) report.notes.push(`插件 plugin ${p.name}@${p.version}: ${p.title.zh} / ${p.title.en}`);
  report.notes.push('插件参数有效 (plugin parameters are valid)');
  // each plugin's own consistency check of each county's parameters (e.g. pay inside the county's band)
  const inconsistent = new PolicyRegistry('deployment', [], deployment.plugins, deployment.countyParams).consistencyProblems();
  if (inconsistent.length > 0) {
    report.problems.push(...inconsistent);
  } else {
    report.notes.push('插件参数一致 (plugin parameters are consistent)');
  }
  try {
    const { supergraphSdl } = await composeDeployment(deployment);
    report.supergraphSdl = supergraphSdl;
    report.notes.push(`超图组合成功 (supergraph composes): ${deployment.subgraphs.map((s) => s.name).join(', ')}`);
  } catch (error) {
    if (error instanceof CompositionError) {
      report.problems.push(...error.errors.map((e) => `composition: ${e}`));
      return report;
    }
    report.problems.push(`composition: ${(error as Error).message}`);
    return report;
  }
  report.ok = report.problems.length === 0;
  return report;
}

/** The report as the CLI prints it. */
export function formatCheckReport(report: CheckReport): string {
  const lines = [`xz check ${report.configPath}`];
  for (const note of report.notes) lines.push(`  ✓ ${note}`);
  if (report.ok) {
    lines.push('部署配置检查通过 (deployment OK)');
  } else {
    lines.push(`部署配置有 ${report.problems.length} 个问题 (${report.problems.length} problem(s) in the deployment):`);
    for (const p of report.problems) lines.push(`  ✗ ${p}`);
  }
  return `${lines.join('\n')}\n`;
}
