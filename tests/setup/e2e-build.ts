/**
 * Vitest globalSetup for the e2e project: builds the web app into dist/web unless the build is
 * newer than every source it comes from, so a second run starts in seconds.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

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

export default async function setup(): Promise<void> {
  const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
  const sourcesAt = Math.max(...[...sources, ...configFiles].map(newestMtime));
  if (builtAt > sourcesAt) return;
  const started = Date.now();
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  console.log(`e2e: built the web app into dist/web in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
