import { describe, expect, it } from 'vitest';

import type { ReleaseDoc } from '../../../web/src/cms/types';
import { compareNewestFirst, releaseVersionNumbers } from '../../../web/src/services/releaseOrdering';

function release(name: string, releaseDate: string | null): ReleaseDoc {
  return { name, releaseDate } as ReleaseDoc;
}

describe('compareNewestFirst', () => {
  it('orders by release date, newest first, then by version number on the same day, undated last', () => {
    const releases = [
      release('Python 3.13.9', '2026-01-13T00:00:00.000Z'),
      release('Python 3.14.6', '2026-01-13T00:00:00.000Z'),
      release('Python 2.7.18', null),
      release('Python 3.14.10', '2026-01-13T00:00:00.000Z'),
      release('Python 3.15.0a1', '2026-03-01T00:00:00.000Z'),
      release('Python 3.12.0', '2023-10-02T00:00:00.000Z'),
    ];

    expect([...releases].sort(compareNewestFirst).map((one) => one.name)).toEqual([
      'Python 3.15.0a1',
      'Python 3.14.10',
      'Python 3.14.6',
      'Python 3.13.9',
      'Python 3.12.0',
      'Python 2.7.18',
    ]);
  });

  it('works a release version out once per document', () => {
    const one = release('Python 3.14.7', null);
    expect(releaseVersionNumbers(one)).toEqual([3, 14, 7]);
    expect(releaseVersionNumbers(one)).toBe(releaseVersionNumbers(one));
  });
});
