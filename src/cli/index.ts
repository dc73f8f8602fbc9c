import { Command } from 'commander';
import { registerBackupCommands } from './backup';
import { registerDemoCommand } from './demo';
import { registerGroupsCommand } from './groups';
import { registerMailCommand } from './mail';
import { registerMigrateCommand } from './migrate';
import { registerPlanCommand } from './plan';
import { registerQuoteCommand } from './quote';
import { registerRetentionCommand } from './retention';
import { registerServeCommand } from './serve';

const program = new Command()
  .name('lederprogram')
  .description('Lederprogram: plan, run and follow up a leadership development programme')
  .showHelpAfterError();

registerServeCommand(program);
registerMigrateCommand(program);
registerDemoCommand(program);
registerMailCommand(program);
registerQuoteCommand(program);
registerPlanCommand(program);
registerGroupsCommand(program);
registerBackupCommands(program);
registerRetentionCommand(program);

await program.parseAsync(process.argv);
