/**
 * The notes python.org prints beside a release on /downloads/windows/: which Windows versions
 * a CPython release no longer runs on, and, from 3.14, that the install manager is the
 * recommended way to install it.
 */
import type { ReleaseDoc } from '../cms/types';
import { versionNumbers } from './releaseOrdering';

/** The release "version" the CMS gives the Python install manager (python.org's pymanager). */
export const INSTALL_MANAGER_VERSION = 100;

export function windowsSupportNotes(release: Pick<ReleaseDoc, 'name' | 'version'>): string[] {
  if (release.version !== 3) return [];
  const [, minor = 0] = versionNumbers(release.name);
  const version = release.name.replace(/^Python\s+/, '');
  const notes: string[] = [];
  if (minor >= 14) notes.push(`Python ${version} is best installed with the Python install manager.`);
  if (minor >= 9) notes.push(`Note that Python ${version} cannot be used on Windows 7 or earlier.`);
  else if (minor >= 5) notes.push(`Note that Python ${version} cannot be used on Windows XP or earlier.`);
  return notes;
}

/** python.org swaps a release's Windows button for the install manager from 3.5 on. */
export function offersInstallManager(release: Pick<ReleaseDoc, 'name' | 'version'>): boolean {
  const [major = 0, minor = 0] = versionNumbers(release.name);
  return release.version === 3 && major === 3 && minor >= 5;
}
