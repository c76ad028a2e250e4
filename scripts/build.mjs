#!/usr/bin/env node
/**
 * `astro build` with a warning gate: the build output is streamed through, and the script fails if any [WARN] (or
 * [ERROR]) line appears that is not on the allowlist below. Astro's content warnings (bad frontmatter, duplicate ids,
 * missing entries) are therefore errors here.
 *
 * Allowlist: known third-party noise only, each with its reason. Keep it short.
 */
import { spawn } from 'node:child_process';

const ALLOWED = [
  {
    // Vite/rolldown notes that the directive Astro itself writes into every MDX page's propagated-assets module may not
    // survive bundling; it is Astro's own marker, handled by Astro, and harmless (astro 7.3, rolldown-vite).
    pattern: /\[MODULE_LEVEL_DIRECTIVE\].*"use astro:head-inject"/,
    why: 'Astro-generated MDX head-inject directive (Vite bundling note)',
  },
];

const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
const args = ['astro', 'build', ...process.argv.slice(2)];
const child = spawn('npx', args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });

const offending = [];
let allowedCount = 0;
let pending = '';
function scan(chunk, out) {
  out.write(chunk);
  pending += chunk.toString('utf8');
  const lines = pending.split('\n');
  pending = lines.pop() ?? '';
  for (const raw of lines) check(stripAnsi(raw));
}
function check(line) {
  if (!/\[(WARN|ERROR)\]|\bwarning\b:/i.test(line)) return;
  if (ALLOWED.some((a) => a.pattern.test(line))) allowedCount++;
  else offending.push(line.trim());
}
child.stdout.on('data', (c) => scan(c, process.stdout));
child.stderr.on('data', (c) => scan(c, process.stderr));
child.on('close', (code) => {
  if (pending) check(stripAnsi(pending));
  if (code !== 0) {
    console.error(`\nbuild: astro build exited with ${code}`);
    process.exit(code ?? 1);
  }
  if (allowedCount) console.log(`\nbuild: ${allowedCount} allowlisted warning(s) ignored (${ALLOWED.map((a) => a.why).join('; ')})`);
  if (offending.length) {
    console.error(`\nbuild: FAILED, ${offending.length} warning(s) that matter:`);
    for (const line of offending) console.error(`  ${line}`);
    process.exit(1);
  }
  console.log('build: no warnings that matter');
});
