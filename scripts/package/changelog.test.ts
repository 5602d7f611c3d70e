import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changelogEntry } from './changelog';

const sample = `# Changelog

## [Unreleased]

## [1.2.0] - 2027-01-05

- Added a thing.

## [1.1.10] - 2026-12-01

### Fixed
- A bug.

## [1.1.1] - 2026-11-30
`;

describe('CHANGELOG entry for a version', () => {
  it("returns the entry's text up to the next version", () => {
    expect(changelogEntry(sample, '1.2.0')).toBe('- Added a thing.');
    expect(changelogEntry(sample, '1.1.10')).toBe('### Fixed\n- A bug.');
  });

  it('matches the whole version, not a prefix or a pattern', () => {
    expect(changelogEntry(sample, '1.1.1')).toBeUndefined(); // heading without text
    expect(changelogEntry(sample, '1.1')).toBeUndefined();
    expect(changelogEntry(sample, '1.2.0'.replace('.', '?'))).toBeUndefined();
  });

  it('accepts a plain "## 0.3.0" heading', () => {
    expect(changelogEntry('## 0.3.0\nText\n', '0.3.0')).toBe('Text');
  });

  it('has no entry for a version that is not there', () => {
    expect(changelogEntry(sample, '9.9.9')).toBeUndefined();
  });

  it("the repository's CHANGELOG.md has an entry for package.json's version", () => {
    const read = (f: string) => readFileSync(new URL(`../../${f}`, import.meta.url), 'utf8');
    const { version } = JSON.parse(read('package.json')) as { version: string };
    expect(changelogEntry(read('CHANGELOG.md'), version)).toBeTruthy();
  });
});
