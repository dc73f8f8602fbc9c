/**
 * Vitest globalSetup for the e2e project: builds the web app into dist/web unless the build is
 * newer than every source it comes from, so a second run starts in seconds; and seeds the demo
 * into a template data folder that every e2e file copies.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client';
import { type DemoLogin, seedDemo } from '../../src/services/demo/seed';
import { DEMO_REFERENCE_NOW } from '../../src/services/demo/timeline';

const root = path.resolve(import.meta.dirname, '../..');
const builtIndex = path.join(root, 'dist/web/index.html');
const sources = ['src/web', 'src/i18n', 'src/contracts'].map((d) => path.join(root, d));
const configFiles = ['vite.config.ts', 'package-lock.json'].map((f) => path.join(root, f));

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((max, name) => Math.max(max, newestMtime(path.join(target, name))), 0);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
  const sourcesAt = Math.max(...[...sources, ...configFiles].map(newestMtime));
  const [template] = await Promise.all([
    seedTemplate(),
    builtAt > sourcesAt
      ? Promise.resolve()
      : (async () => {
          const started = Date.now();
          await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
          console.log(
            `e2e: built the web app into dist/web in ${((Date.now() - started) / 1000).toFixed(1)} s`,
          );
        })(),
  ]);
  project.provide('e2eTemplate', template);
  return () => rm(path.dirname(template.dataDir), { recursive: true, force: true });
}

/**
 * A PGlite data folder, migrated and seeded with the demo once; each e2e file's server starts on
 * a copy of it instead of creating, migrating and seeding its own.
 */
async function seedTemplate(): Promise<{ dataDir: string; logins: DemoLogin[] }> {
  const started = Date.now();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lederprogram-e2e-template-'));
  const dataDir = path.join(dir, 'data');
  const database = await openDatabase({ dataDir });
  await database.migrate();
  // A fixed day, so the demo's dates are the same on every run (those written for 2027); the
  // server itself runs on the real clock.
  const { logins } = await seedDemo(database.db, DEMO_REFERENCE_NOW);
  await database.close();
  console.log(`e2e: seeded the demo template in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { dataDir, logins };
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2eTemplate: { dataDir: string; logins: DemoLogin[] };
  }
}
