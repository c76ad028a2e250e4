#!/usr/bin/env node
/**
 * Fails when a module in src/lib exports something that nothing imports.
 *
 * A simple static scan, no type checker: it lists every `export` of src/lib/**\/*.ts, then reads every import in src/,
 * scripts/ and tests/ (.ts .tsx .mts .js .mjs .astro .mdx), resolves the specifier to a file (relative paths and the
 * `~/` alias), and marks the imported names as used (`import { a, b as c }`, `import type`, `export { a } from`,
 * `export * from`, `import * as ns` + `ns.name`, and dynamic `import('...')` followed by the names the file mentions).
 *
 * Value exports (function, const, class, enum) must be imported somewhere outside their own file.
 * Type exports (interface, type) must be used somewhere: imported, or at least named by their own file outside their
 * declaration (a type that is part of an exported signature is fine); a type nobody mentions is dead.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, dirname, resolve, relative } from 'node:path';

const ROOT = process.cwd();
const LIB = resolve(ROOT, 'src/lib');
const SCAN = ['src', 'scripts', 'tests'].map((d) => resolve(ROOT, d)).filter(existsSync);
const EXTS = ['.ts', '.tsx', '.mts', '.js', '.mjs', '.astro', '.mdx'];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : walk(path);
    return EXTS.some((e) => name.endsWith(e)) ? [path] : [];
  });
}

const stripExt = (p) => p.replace(/\.(d\.ts|ts|tsx|mts|js|mjs)$/, '');

/** The names a lib file exports, with their kind. */
function exportsOf(code) {
  const out = new Map();
  for (const m of code.matchAll(/^export\s+(?:declare\s+)?(?:default\s+)?(?:async\s+)?(?:abstract\s+)?(function\*?|const|let|var|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm)) {
    out.set(m[2], m[1] === 'interface' || m[1] === 'type' ? 'type' : 'value');
  }
  for (const m of code.matchAll(/^export\s+(type\s+)?\{([^}]*)\}\s*(?!from)(?:;|$)/gm)) {
    for (const part of m[2].split(',').map((s) => s.trim()).filter(Boolean)) {
      const isType = Boolean(m[1]) || part.startsWith('type ');
      const name = part.replace(/^type\s+/, '').split(/\s+as\s+/).pop().trim();
      out.set(name, isType ? 'type' : 'value');
    }
  }
  if (/^export\s+default\s/m.test(code) && !out.has('default')) out.set('default', 'value');
  return out;
}

/** Resolves an import specifier from `file` to a src/lib module key (path without extension), or null. */
function resolveLib(spec, file) {
  let target;
  if (spec.startsWith('~/')) target = resolve(ROOT, 'src', spec.slice(2));
  else if (spec.startsWith('.')) target = resolve(dirname(file), spec);
  else return null;
  target = stripExt(target);
  if (!target.startsWith(LIB + '/')) return null;
  if (existsSync(join(target, 'index.ts'))) target = join(target, 'index');
  return target;
}

const libFiles = walk(LIB).filter((f) => /\.(ts|mts)$/.test(f) && !f.endsWith('.d.ts'));
const libExports = new Map(libFiles.map((f) => [stripExt(f), { file: f, code: readFileSync(f, 'utf8'), names: exportsOf(readFileSync(f, 'utf8')) }]));
const used = new Map([...libExports.keys()].map((k) => [k, new Set()]));
const markAll = (key) => libExports.get(key)?.names.forEach((_, n) => used.get(key).add(n));

for (const file of SCAN.flatMap(walk)) {
  const code = readFileSync(file, 'utf8');
  // import / export ... from '...'
  for (const m of code.matchAll(/\b(import|export)\s+(type\s+)?([\w$*{}\s,]*?)\s*from\s*['"]([^'"]+)['"]/g)) {
    const key = resolveLib(m[4], file);
    if (!key || !used.has(key) || stripExt(file) === key) continue;
    const clause = m[3].trim();
    if (m[1] === 'export' && clause === '*') { markAll(key); continue; }
    const ns = /\*\s*as\s+([\w$]+)/.exec(clause)?.[1];
    if (ns) for (const n of code.matchAll(new RegExp(`\\b${ns.replace(/\$/g, '\\$')}\\.([\\w$]+)`, 'g'))) used.get(key).add(n[1]);
    const braces = /\{([^}]*)\}/.exec(clause)?.[1];
    if (braces) for (const part of braces.split(',').map((s) => s.trim()).filter(Boolean)) used.get(key).add(part.replace(/^type\s+/, '').split(/\s+as\s+/)[0].trim());
    const def = clause.replace(/\{[^}]*\}/, '').replace(/\*\s*as\s+[\w$]+/, '').replace(/,/g, '').trim();
    if (def && m[1] === 'import') used.get(key).add('default');
  }
  // dynamic import('...'): count every exported name the importing file mentions
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    const key = resolveLib(m[1], file);
    if (!key || !used.has(key)) continue;
    for (const name of libExports.get(key).names.keys()) if (new RegExp(`\\b${name}\\b`).test(code)) used.get(key).add(name);
  }
}

const problems = [];
for (const [key, { file, code, names }] of libExports) {
  for (const [name, kind] of names) {
    if (used.get(key).has(name)) continue;
    if (kind === 'type') {
      // Fine if the file itself names the type outside its declaration (part of an exported signature).
      const mentions = code.match(new RegExp(`\\b${name}\\b`, 'g'))?.length ?? 0;
      if (mentions > 1) continue;
    }
    problems.push(`${relative(ROOT, file)}: ${kind} export '${name}' is not imported anywhere in src/, scripts/ or tests/`);
  }
}

const total = [...libExports.values()].reduce((n, e) => n + e.names.size, 0);
if (problems.length) {
  console.error(`unused-exports: FAILED, ${problems.length} unused export(s) in src/lib (remove the export, or the code):`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`unused-exports: all ${total} exports of ${libExports.size} src/lib modules are used`);
