/**
 * GraphQL documents where they are used (issue 19). GraphQL Codegen's client preset answers
 * `graphql(\`…\`)` from one generated map of every operation of the SPA (src/graphql/gql.ts,
 * 250 KB of document trees), so that every page would load every page's queries. At build time
 * `inlineDocuments` replaces each call by the document itself, as a compact string with the
 * fragments it spreads appended (what the preset's document holds), and drops the import of
 * `graphql`: each query lands in the chunk of the pages that use it, and urql parses the string.
 * Types are unchanged: `tsc` checks the source, with the generated types, before the build.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, stripIgnoredCharacters, visit, type FragmentDefinitionNode } from 'graphql';

/** A `graphql(\`…\`)` call with a template literal of its own (no `${}`): the preset's only form. */
const CALL = /\bgraphql\(\s*`((?:[^`$]|\$(?!\{))*)`\s*\)/g;
/** `import { graphql } from '../graphql';` (the generated module's index). */
const IMPORT = /^import\s*\{\s*graphql\s*\}\s*from\s*['"](?:\.\.?\/)+graphql(?:\/index)?['"];?[ \t]*\r?\n?/m;

/** Every fragment defined in the given sources' `graphql()` calls, by name. */
export function fragmentsOf(sources: string[]): Map<string, FragmentDefinitionNode> {
  const found = new Map<string, FragmentDefinitionNode>();
  for (const text of sources) {
    for (const m of text.matchAll(CALL)) {
      for (const d of parse(m[1] ?? '').definitions) {
        if (d.kind === Kind.FRAGMENT_DEFINITION) found.set(d.name.value, d);
      }
    }
  }
  return found;
}

/** The whole document of one call: its own definitions and every fragment they spread. */
export function fullDocument(source: string, fragments: Map<string, FragmentDefinitionNode>): string {
  const doc = parse(source);
  const own = new Set(doc.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [d.name.value] : [])));
  const added: FragmentDefinitionNode[] = [];
  const queue = [...doc.definitions];
  while (queue.length) {
    visit(queue.shift()!, {
      FragmentSpread(node) {
        const name = node.name.value;
        if (own.has(name)) return;
        const def = fragments.get(name);
        if (!def) throw new Error(`fragment ${name} is spread but defined in no graphql() call`);
        own.add(name);
        added.push(def);
        queue.push(def);
      },
    });
  }
  return stripIgnoredCharacters(print({ ...doc, definitions: [...doc.definitions, ...added] }));
}

/** `code` with each `graphql()` call replaced by its document and the import of `graphql` gone. */
export function inlineCalls(code: string, fragments: Map<string, FragmentDefinitionNode>): string {
  if (!code.includes('graphql(')) return code;
  const out = code.replace(CALL, (_, source: string) => JSON.stringify(fullDocument(source, fragments))).replace(IMPORT, '');
  if (/\bgraphql\(/.test(out) || /\bimport\s*\{[^}]*\bgraphql\b[^}]*\}\s*from\s*['"][./]+graphql['"]/.test(out)) {
    throw new Error('a graphql() call that the build cannot inline (only graphql(`…`) without ${} is supported)');
  }
  return out;
}

function sourcesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'graphql') out.push(...sourcesUnder(path));
    } else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(readFileSync(path, 'utf8'));
  }
  return out;
}

/** Vite plugin (build only: tests keep the preset's document trees). */
export function inlineDocuments() {
  let fragments = new Map<string, FragmentDefinitionNode>();
  return {
    name: 'convene-inline-documents',
    apply: 'build' as const,
    enforce: 'pre' as const,
    configResolved(config: { root: string }) {
      fragments = fragmentsOf(sourcesUnder(join(config.root, 'src')));
    },
    transform(code: string, id: string) {
      if (!/\/src\/.*\.tsx?$/.test(id) || id.includes('/src/graphql/')) return null;
      const out = inlineCalls(code, fragments);
      return out === code ? null : { code: out, map: null };
    },
  };
}
