/** Every import that breaks the layering, as `file: specifier — why`. */
import { builtinModules } from 'node:module';
import { exported, isTestOnly, LAYERS, matches, packageName, TEST_ONLY_SUBPATHS } from './rules.js';
import { resolveRelative, rootPackage, type SourceFile, type Workspace, workspaceAt } from './workspace.js';

const BUILTINS = new Set(builtinModules);
const isBuiltin = (specifier: string): boolean =>
  specifier.startsWith('node:') || BUILTINS.has(packageName(specifier));
/** Virtual modules a bundler or framework provides, not packages. */
const VIRTUAL = /^(virtual:|~\/|\/)/;

export function violations(files: readonly SourceFile[], all: readonly Workspace[]): string[] {
  const byName = new Map(all.map((w) => [w.name, w]));
  // The root's devDependencies (tsx, vite, vitest…) and @jobs/config are installed for every workspace.
  const rootDeclared = new Set(Object.keys(rootPackage().devDependencies ?? {}));
  const found: string[] = [];

  for (const file of files) {
    const own = file.workspace;
    const layer = LAYERS[own.name];
    const say = (specifier: string, why: string) => found.push(`${file.path}: '${specifier}' — ${why}`);
    if (!layer) {
      say('(workspace)', `${own.name} has no row in tests/layering/rules.ts`);
      continue;
    }
    for (const specifier of file.imports) {
      if (specifier.startsWith('.')) {
        const target = workspaceAt(resolveRelative(file.path, specifier), all);
        if (target && target !== own)
          say(specifier, `reaches into ${target.name} by path; import the package`);
        continue;
      }
      if (isBuiltin(specifier) || VIRTUAL.test(specifier)) continue;
      const name = packageName(specifier);
      const target = byName.get(name);
      if (target) {
        if (target !== own && !layer.workspaces.includes(name))
          say(specifier, `${own.name} may not import ${name}`);
        const subpath = specifier === name ? '.' : `.${specifier.slice(name.length)}`;
        if (!exported(subpath, target.exports)) say(specifier, `not in ${name}'s exports map`);
        if (TEST_ONLY_SUBPATHS.includes(specifier) && !isTestOnly(file.path))
          say(specifier, 'test-only, imported by shipped code');
      } else if (layer.forbidden.some((pattern) => matches(specifier, pattern))) {
        say(specifier, `${own.name} never imports it (see docs/architecture.md)`);
      }
      if (
        !own.declared.has(name) &&
        !rootDeclared.has(name) &&
        name !== own.name &&
        name !== '@jobs/config'
      ) {
        say(specifier, `${name} is not declared in ${own.dir}/package.json`);
      }
    }
  }
  return found;
}
