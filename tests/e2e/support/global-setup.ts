/** Serves the built site once for all browser tests and hands its origin to them. */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serveStatic } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    origin: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` before the browser tests');
  const { server, origin } = await serveStatic('dist');
  project.provide('origin', origin);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
