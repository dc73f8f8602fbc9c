/**
 * One app instance for the bench scripts: exactly what `lederprogram serve` runs after its web
 * build step (start, migrate, listen; graceful shutdown on SIGTERM/SIGINT).
 */
import { main } from '../src/server/main';

await main();
