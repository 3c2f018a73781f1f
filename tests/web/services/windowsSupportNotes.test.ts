import { describe, expect, it } from 'vitest';
import { offersInstallManager, windowsSupportNotes } from '../../../web/src/services/windowsSupportNotes';

describe('windowsSupportNotes', () => {
  it.each([
    ['Python 3.15.0a1', ['Python 3.15.0a1 is best installed with the Python install manager.', 'Note that Python 3.15.0a1 cannot be used on Windows 7 or earlier.']],
    ['Python 3.13.15', ['Note that Python 3.13.15 cannot be used on Windows 7 or earlier.']],
    ['Python 3.9.0', ['Note that Python 3.9.0 cannot be used on Windows 7 or earlier.']],
    ['Python 3.8.10', ['Note that Python 3.8.10 cannot be used on Windows XP or earlier.']],
    ['Python 3.5.0', ['Note that Python 3.5.0 cannot be used on Windows XP or earlier.']],
    ['Python 3.4.4', []],
  ])('%s', (name, notes) => {
    expect(windowsSupportNotes({ name, version: 3 })).toEqual(notes);
  });

  it('has nothing to say about Python 2 or the install manager itself', () => {
    expect(windowsSupportNotes({ name: 'Python 2.7.18', version: 2 })).toEqual([]);
    expect(windowsSupportNotes({ name: 'Python install manager 25.0', version: 100 })).toEqual([]);
  });

  it('swaps in the install manager from 3.5 on', () => {
    expect(offersInstallManager({ name: 'Python 3.5.0', version: 3 })).toBe(true);
    expect(offersInstallManager({ name: 'Python 3.4.10', version: 3 })).toBe(false);
    expect(offersInstallManager({ name: 'Python 2.7.18', version: 2 })).toBe(false);
  });
});
