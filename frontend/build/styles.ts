/**
 * nhsuk-frontend's stylesheet reduced to what the SPA uses (issue 19). The SPA takes the
 * published, compiled CSS (no Sass in the build), 280 KB of it for every component of the design
 * system. `dropUnusedNhsukRules` is a PostCSS plugin that keeps a selector of that stylesheet
 * only when every `nhsuk-…` class it needs appears somewhere in the SPA's source (src/ and
 * index.html): a selector naming a class nobody writes can match nothing. Class names built at
 * run time from a literal prefix (`nhsuk-tag--${colour}`) keep every class with that prefix;
 * classes inside `:not()`, `:is()` and `:where()` are not needed for a match and are ignored.
 * Our own stylesheet (src/ui/convene.css) is left whole.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The SPA's use of nhsuk classes: whole names, and prefixes of names built at run time. */
export interface UsedClasses {
  names: Set<string>;
  prefixes: string[];
}

/** Every `nhsuk-…` class name in the texts; one ending in `-` (before a `${…}`) is a prefix. */
export function usedClasses(texts: string[]): UsedClasses {
  const names = new Set<string>();
  const prefixes = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/nhsuk-[A-Za-z0-9_-]+/g)) {
      const name = m[0];
      if (name.endsWith('-') || text.startsWith('${', (m.index ?? 0) + name.length)) prefixes.add(name);
      else names.add(name);
    }
  }
  return { names, prefixes: [...prefixes] };
}

function isUsed(name: string, used: UsedClasses): boolean {
  return used.names.has(name) || used.prefixes.some((p) => name.startsWith(p));
}

/** Whether a selector can match the SPA's markup, judged by its nhsuk classes. */
export function selectorUsed(selector: string, used: UsedClasses): boolean {
  let bare = selector;
  // drop the arguments of :not(), :is(), :where() (nested at most a few levels deep)
  for (let i = 0; i < 4; i++) bare = bare.replace(/:(?:not|is|where)\([^()]*\)/g, '');
  return [...bare.matchAll(/\.(nhsuk-[A-Za-z0-9_-]+)/g)].every((m) => isUsed(m[1] ?? '', used));
}

interface RuleLike {
  selectors: string[];
  remove(): void;
  source?: { input?: { file?: string } };
  root(): { source?: { input?: { file?: string } } };
}
interface ContainerLike {
  name: string;
  nodes?: unknown[];
  remove(): void;
  root(): { source?: { input?: { file?: string } } };
}

function fromNhsuk(node: { root(): { source?: { input?: { file?: string } } } }): boolean {
  return /nhsuk-frontend/.test(node.root().source?.input?.file ?? '');
}

/** PostCSS plugin: removes the selectors (and then empty rules and at-rules) of nhsuk-frontend's CSS that no markup of the SPA can match. */
export function dropUnusedNhsukRules(used: UsedClasses) {
  return {
    postcssPlugin: 'convene-drop-unused-nhsuk-rules',
    Rule(rule: RuleLike) {
      if (!fromNhsuk(rule)) return;
      const parent = (rule as unknown as { parent?: { type?: string; name?: string } }).parent;
      if (parent?.type === 'atrule' && /keyframes$/i.test(parent.name ?? '')) return;
      const kept = rule.selectors.filter((s) => selectorUsed(s, used));
      if (kept.length === 0) rule.remove();
      else if (kept.length !== rule.selectors.length) rule.selectors = kept;
    },
    AtRuleExit(at: ContainerLike) {
      if (fromNhsuk(at) && /^(?:media|supports|layer|container)$/i.test(at.name) && at.nodes && at.nodes.length === 0) at.remove();
    },
  };
}
dropUnusedNhsukRules.postcss = true;

/** The texts of the SPA's markup: src/ (generated code and tests aside) and index.html. */
export function markupTexts(root: string): string[] {
  const out: string[] = [readFileSync(join(root, 'index.html'), 'utf8')];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'graphql' && name !== 'test') walk(path);
      } else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(readFileSync(path, 'utf8'));
    }
  };
  walk(join(root, 'src'));
  return out;
}
