// @vitest-environment node
import { describe, expect, it } from 'vitest';
import postcss from 'postcss';
import { dropUnusedNhsukRules, selectorUsed, usedClasses } from './styles';

const used = usedClasses([
  '<body class="nhsuk-frontend-supported">',
  "<button className={cx('nhsuk-button', variant && `nhsuk-button--${variant}`)} />",
  '<strong className="nhsuk-tag nhsuk-tag--grey" /><p className="nhsuk-body">',
]);

describe('nhsuk-frontend reduced to the classes the SPA uses', () => {
  it('reads whole class names and the prefixes of names built at run time', () => {
    expect([...used.names].sort()).toEqual(['nhsuk-body', 'nhsuk-button', 'nhsuk-frontend-supported', 'nhsuk-tag', 'nhsuk-tag--grey']);
    expect(used.prefixes).toEqual(['nhsuk-button--']);
  });

  it('keeps a selector only when every nhsuk class it needs is used', () => {
    expect(selectorUsed('.nhsuk-button', used)).toBe(true);
    expect(selectorUsed('.nhsuk-button--secondary:hover', used)).toBe(true);
    expect(selectorUsed('.nhsuk-frontend-supported .nhsuk-tag--grey', used)).toBe(true);
    expect(selectorUsed('.nhsuk-tag--red', used)).toBe(false);
    expect(selectorUsed('.nhsuk-hero .nhsuk-body', used)).toBe(false);
    // not needed for a match: :not() and :is() arguments
    expect(selectorUsed('.nhsuk-button:not(.nhsuk-hero)', used)).toBe(true);
    expect(selectorUsed('a:is(.nhsuk-hero, .nhsuk-body)', used)).toBe(true);
    // element selectors and other classes are kept
    expect(selectorUsed('html', used)).toBe(true);
    expect(selectorUsed('.js-enabled a', used)).toBe(true);
  });

  it("drops unused rules from nhsuk-frontend's CSS only, and the media queries they empty", async () => {
    const css = '.nhsuk-hero{color:red}.nhsuk-hero,.nhsuk-body{margin:0}@media (min-width:40em){.nhsuk-hero{padding:0}}@keyframes spin{from{opacity:0}}.nhsuk-tag{x:y}';
    const run = (file: string) => postcss([dropUnusedNhsukRules(used)]).process(css, { from: file }).then((r) => r.css);
    expect(await run('/x/node_modules/nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css')).toBe(
      '.nhsuk-body{margin:0}@keyframes spin{from{opacity:0}}.nhsuk-tag{x:y}',
    );
    expect(await run('/x/src/ui/convene.css')).toBe(css);
  });
});
