// axe-core on a page, against WCAG 2.2 AA (what councils must publish to), with any
// violations spelled out so a failing test says what to fix and where.
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/// Each violation as its rule, impact, help and the elements that break it.
export function describeViolations(violations) {
  return violations.map((v) => [
    `${v.id} (${v.impact}): ${v.help} <${v.helpUrl}>`,
    ...v.nodes.map((node) => `  - ${node.target.join(' >>> ')}\n      ${(node.failureSummary ?? '').replace(/\s*\n\s*/g, ' ')}`),
  ].join('\n')).join('\n');
}

/// Fails unless axe finds nothing wrong with the page as it is now.
export async function assertNoViolations(page, state) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  assert.equal(violations.length, 0, `axe found ${violations.length} WCAG 2.2 AA violation(s) ${state}:\n${describeViolations(violations)}`);
}
