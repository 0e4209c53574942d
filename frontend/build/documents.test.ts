// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fragmentsOf, fullDocument, inlineCalls } from './documents';

const QUERIES = `import { graphql } from '../graphql';

export const PersonFields = graphql(\`
  fragment PersonFields on Person {
    id
    name
    organisation { ...OrgFields }
  }
\`);

export const OrgFields = graphql(\`
  fragment OrgFields on Organisation { id name }
\`);

export const PeopleQuery = graphql(\`
  query People($first: Int!) {
    people(first: $first) { nodes { ...PersonFields } }
  }
\`);
`;

describe('GraphQL documents inlined where they are used', () => {
  const fragments = fragmentsOf([QUERIES]);

  it('finds the fragments of every graphql() call', () => {
    expect([...fragments.keys()].sort()).toEqual(['OrgFields', 'PersonFields']);
  });

  it('appends every fragment a document spreads, however deep, once, and keeps $variables', () => {
    const doc = fullDocument('query People($first: Int!) { people(first: $first) { nodes { ...PersonFields } } }', fragments);
    expect(doc).toBe(
      'query People($first:Int!){people(first:$first){nodes{...PersonFields}}}' +
        'fragment PersonFields on Person{id name organisation{...OrgFields}}fragment OrgFields on Organisation{id name}',
    );
    expect(() => fullDocument('{ viewer { ...Missing } }', fragments)).toThrow(/fragment Missing/);
  });

  it('replaces each call by its document and drops the import of graphql', () => {
    const out = inlineCalls(QUERIES, fragments);
    expect(out).not.toContain("from '../graphql'");
    expect(out).not.toMatch(/graphql\(/);
    expect(out).toContain('export const PeopleQuery = "query People($first:Int!){people(first:$first){nodes{...PersonFields}}}fragment PersonFields');
    expect(out).toContain('export const OrgFields = "fragment OrgFields on Organisation{id name}";');
  });

  it('refuses a call it cannot inline rather than leaving every document in the bundle', () => {
    expect(() => inlineCalls("import { graphql } from '../graphql';\nconst Q = graphql(`{ a ${'${'}b} }`);", fragments)).toThrow(/cannot inline/);
  });
});
