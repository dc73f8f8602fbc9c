import type { Command } from 'commander';
import { ensureWebBuilt } from './web-build';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'migrate the database, seed the demo if it is empty, build the web app if needed, and serve on PORT',
    )
    .action(async () => {
      await ensureWebBuilt();
      const { main } = await import('../server/main');
      await main();
    });
}
