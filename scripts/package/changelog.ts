/**
 * CHANGELOG.md check for `npm run package`: the version being packaged must have its own entry, a
 * `## [x.y.z] - date` (Keep a Changelog) heading followed by at least one line of text, so no
 * store upload goes out without saying what changed.
 */

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The entry's text for `version` (trimmed), or undefined when there is no heading or it is empty. */
export function changelogEntry(changelog: string, version: string): string | undefined {
  const heading = new RegExp(`^## \\[?v?${escapeRegExp(version)}\\]?(?=\\s|$)`, 'm');
  const m = heading.exec(changelog);
  if (!m) return undefined;
  const rest = changelog.slice(m.index + m[0].length);
  const afterHeadingLine = rest.slice(rest.indexOf('\n') + 1 || rest.length);
  const next = afterHeadingLine.search(/^## /m);
  const body = (next < 0 ? afterHeadingLine : afterHeadingLine.slice(0, next)).trim();
  return body.length > 0 ? body : undefined;
}
