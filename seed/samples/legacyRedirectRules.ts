/**
 * python.org's legacy redirects that live in its nginx config (config/nginx.conf), as redirect
 * records an editor can change and extend in the admin. nginx's non-regex `location /x` is a
 * prefix; `location ~ ^/x(.*)` passing `$1` on is a prefix that keeps the rest. Targets on
 * www.python.org are written as site paths so they stay on this site.
 *
 * Where python.org's own rules are broken, the records say what they were meant to do:
 * - the code-of-conduct rules are written `location ^/psf/...` without `~`, a literal prefix
 *   starting with "^" that never matches, so python.org sends /psf/codeofconduct to
 *   /psf/conduct instead of policies.python.org as intended;
 * - `location /news/` is a prefix, which also swallows /news/security/, the page python.org's
 *   navigation and its own /security rule point to; here only /news/ itself goes to /blogs/.
 * - /peps/pep-N.html went through /dev/peps/ to peps.python.org in two hops; here in one.
 */
export interface LegacyRedirectRule {
  readonly from: string
  readonly match: 'exact' | 'prefix' | 'pattern'
  readonly to: string
  readonly permanent: boolean
  readonly keepRest?: boolean
}

const moved = (from: string, to: string, match: LegacyRedirectRule['match'] = 'prefix'): LegacyRedirectRule => ({ from, match, to, permanent: true })
const found = (from: string, to: string, match: LegacyRedirectRule['match'] = 'prefix'): LegacyRedirectRule => ({ from, match, to, permanent: false })
const codeOfConduct = 'https://policies.python.org/python.org/code-of-conduct/'

export const LEGACY_REDIRECT_RULES: readonly LegacyRedirectRule[] = [
  moved('/~barry', 'http://barry.warsaw.us/', 'exact'),
  moved('/~bwarsaw', 'http://barry.warsaw.us/', 'exact'),
  { ...moved('/~guido', 'https://gvanrossum.github.io/'), keepRest: true },
  moved('/consortium', '/psf/'),
  found('/psf/codeofconduct/', codeOfConduct, 'exact'),
  found('/psf/archive/codeofconduct/', codeOfConduct, 'exact'),
  found('/psf/conduct/', codeOfConduct, 'exact'),
  found('/psf/conduct/enforcement/', `${codeOfConduct}Enforcement-Procedures/`, 'exact'),
  found('/psf/conduct/reporting/', `${codeOfConduct}Procedures-for-Reporting-Incidents/`, 'exact'),
  moved('/topics/xml', 'http://pyxml.sourceforge.net/topics'),
  moved('/topics/web', 'https://wiki.python.org/moin/WebProgramming'),
  moved('/topics/database', 'https://wiki.python.org/moin/DatabaseProgramming'),
  moved('/doc/topics/database', 'https://wiki.python.org/moin/DatabaseProgramming'),
  moved('/audio', 'https://wiki.python.org/moin/Audio'),
  moved('/contact.html', '/community/'),
  moved('/community/psf', '/psf/'),
  moved('/community-landing', '/community/'),
  moved('/doc/Summary', 'http://legacy.python.org/doc/intros/summary'),
  moved('/doc/NonEnglish.html', 'https://wiki.python.org/moin/Languages'),
  moved('/doc/nonenglish/', 'https://wiki.python.org/moin/Languages'),
  moved('/doc/Intros.html', '/about/gettingstarted/'),
  ...['installed', 'gui', 'windows', 'extending', 'library', 'design', 'programming', 'general'].map((topic) => moved(`/doc/faq/${topic}/`, `https://docs.python.org/faq/${topic}`)),
  moved('/dev/lists.html', '/community/lists/'),
  moved('/dev/doc/devel', 'https://docs.python.org/dev'),
  moved('/security', '/news/security/'),
  moved('/sigs', '/community/sigs/'),
  moved('/Jobs.html', '/jobs/'),
  { ...moved('/newjobs', '/jobs'), keepRest: true },
  moved('/Help.html', '/about/help/'),
  moved('/help', '/about/help/'),
  moved('/News.html', '/blogs/'),
  moved('/2.2.3/descrintro.html', '/download/releases/2.2.3/descrintro/'),
  moved('/download/download_linux.html', '/downloads/source/'),
  moved('/download/download_mac.html', '/downloads/macos/'),
  moved('/download/download_os2.html', '/downloads/operating-systems/'),
  moved('/download/download_other.html', '/downloads/operating-systems/'),
  moved('/download/download_source.html', '/downloads/source/'),
  moved('/download/download_win31.html', '/downloads/windows/'),
  moved('/download/download_windows.html', '/downloads/windows/'),
  moved('/windows/', '/downloads/windows/'),
  moved('/Mirrors', '/mirrors/'),
  moved('/cgi-bin/moinmoin', 'https://wiki.python.org/moin'),
  moved('/doc/howto/', 'https://docs.python.org/dev/howto/index.html'),
  moved('/doc/Comparisons.html', 'https://wiki.python.org/moin/LanguageComparisons'),
  moved('/python.rdf', 'http://legacy.python.org/channews.rdf'),
  moved('/mailman-bugs', 'http://sourceforge.net/bugs/?group_id=103'),
  moved('/python-bugs', 'http://bugs.python.org/'),
  moved('/jpython', 'http://www.jython.org/'),
  { ...moved('/mailman/', 'https://mail.python.org/mailman/'), keepRest: true },
  { ...moved('/pipermail/', 'https://mail.python.org/pipermail/'), keepRest: true },
  { ...moved('/pypi', 'https://pypi.python.org/pypi'), keepRest: true },
  moved('/dev/peps/peps.rss', 'https://peps.python.org/peps.rss/', 'exact'),
  { ...found('/dev/peps', 'https://peps.python.org/'), keepRest: true },
  found('/peps/', 'https://peps.python.org/'),
  { ...found('/sf/', 'https://bugs.python.org/issue'), keepRest: true },
  found('/news/', '/blogs/', 'exact'),
  moved('/blog/', '/blogs/'),
  // python.org's code: a page at /download/releases/X.Y.Z/ goes to that release's page.
  moved('/download/releases/{version}/', '/downloads/release/python-{version_nodots}/', 'pattern'),
]
