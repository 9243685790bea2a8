import { Command } from 'commander';
import { VERSION } from '../version.js';
import { registerScan } from './commands/scan.js';
import { registerCollect } from './commands/collect.js';
import { registerChecks } from './commands/checks.js';
import { registerGuide } from './commands/guide.js';
import { registerExplain } from './commands/explain.js';
import { registerWhoCan } from './commands/who-can.js';
import { registerHost } from './commands/host.js';
import { registerPermissions } from './commands/permissions.js';
import { registerIac } from './commands/iac.js';

/** The whole command tree; main.ts runs it, tests drive it without a process. */
export function buildProgram(): Command {
  const program = new Command('rampart')
    .description('Audit AWS accounts, templates and images against the Securing AWS guide')
    .version(VERSION)
    .option('--debug', 'print stack traces of errors')
    .showHelpAfterError()
    .exitOverride();
  registerScan(program);
  registerCollect(program);
  registerChecks(program);
  registerGuide(program);
  registerExplain(program);
  registerWhoCan(program);
  registerHost(program);
  registerPermissions(program);
  registerIac(program);
  return program;
}
