import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// eslint-disable-next-line @typescript-eslint/consistent-type-imports -- a lazily imported module's type
type ViteModule = typeof import('vite');

const WEB_SOURCES = ['src/web', 'src/i18n', 'src/contracts'];

function newestMtime(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** True when dist/web is missing or older than its sources. */
/** The package root, wherever the command is started from. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function webBuildIsStale(root = ROOT): boolean {
  const index = path.join(root, 'dist/web/index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return WEB_SOURCES.some((d) => newestMtime(path.join(root, d)) > built);
}

/** Builds the web app with Vite when stale. Vite is a dev dependency: without it, say so and serve the API. */
export async function ensureWebBuilt(): Promise<void> {
  if (!webBuildIsStale()) return;
  let vite: ViteModule;
  try {
    vite = await import('vite');
  } catch {
    console.warn(
      'dist/web is missing or stale and Vite is not installed (npm ci installs it); serving the API only.',
    );
    return;
  }
  console.log('Building the web app (first start, or sources changed)…');
  const started = Date.now();
  await vite.build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  console.log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
