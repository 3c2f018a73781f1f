import { loadWebConfig, type WebConfig } from '../../../web/src/config';
import type { Services } from '../../../web/src/services/index';
import type { ReleasePage } from '../../../web/src/services/downloadService';
import type { ReleaseSummary } from '../../../web/src/services/releaseService';
import { createFakeJobPostingService } from './fakeJobPostingService';
import { createFakeAccountService, type FakeAccounts } from './fakeAccountService';
import { createFakeMembershipService } from './fakeMembershipService';
import { createFakeSponsorshipService } from './fakeSponsorshipService';

export const testConfig: WebConfig = loadWebConfig({});

export const python3147: ReleaseSummary = {
  name: 'Python 3.14.7',
  slug: 'python-3147',
  path: '/downloads/release/python-3147/',
  releaseDate: '2026-01-13T00:00:00.000Z',
};

const python3147Link = { name: 'Python 3.14.7', path: '/downloads/release/python-3147/', date: 'August 5, 2026', isoDate: '2026-08-05', notesUrl: null };

export const python3147Page: ReleasePage = {
  release: { ...python3147Link, contentHtml: '<p>Notes</p>' },
  endOfLife: null,
  supersededBy: null,
  featured: [{ label: 'Download Python install manager', url: 'https://www.python.org/ftp/python/pymanager/python-manager-25.0.msix' }],
  files: [
    {
      name: 'Windows installer (64-bit)',
      url: 'https://www.python.org/ftp/python/3.14.7/python-3.14.7-amd64.exe',
      osName: 'Windows',
      description: 'Recommended',
      size: '27.0 MB',
      sha256: 'a'.repeat(64),
      md5: null,
      gpg: null,
      sigstoreBundle: 'https://www.python.org/ftp/python/3.14.7/python-3.14.7-amd64.exe.sigstore',
      sigstoreCert: null,
      sigstoreSignature: null,
      sbom: null,
    },
  ],
  columns: { gpg: false, sigstore: true, sbom: false, sha256: true, md5: false },
};

const installManager = {
  release: { name: 'Python install manager 25.0', path: '/downloads/release/pymanager-250/', date: 'June 30, 2026', isoDate: '2026-06-30', notesUrl: null },
  url: 'https://www.python.org/ftp/python/pymanager/python-manager-25.0.msix',
};

const emptyNavigation = { topBar: [], mainNav: [{ title: 'Downloads', url: '/downloads/', hint: null, children: [] }], footer: [] };

/** Services that answer from memory; override a member to simulate a CMS state. */
export function createFakeServices(overrides: Partial<Services> = {}): Services {
  return {
    releases: { latestPython3: async () => python3147 },
    downloads: {
      downloadsHome: async () => ({
        buttons: [{ osSlug: 'windows', osName: 'Windows', fileName: 'python-3.14.7-amd64.exe', url: 'https://www.python.org/ftp/python/3.14.7/python-3.14.7-amd64.exe', release: python3147Link, installManager }],
        cycles: [],
        releases: [python3147Link],
      }),
      osPage: async (slug) => (slug === 'windows' ? {
              os: { name: 'Windows', slug },
              latest: python3147Link,
              installManager,
              stable: [{ release: python3147Link, files: python3147Page.files, notes: ['Note that Python 3.14.7 cannot be used on Windows 7 or earlier.'] }],
              preReleases: [],
            } : null),
      operatingSystems: async () => [{ name: 'Windows', slug: 'windows', path: '/downloads/windows/' }],
      releasePage: async (slug) => (slug === 'python-3147' ? python3147Page : null),
      releasePageFor: async () => python3147Page,
      latestPath: async (target) => (target === 'python3' ? python3147Link.path : null),
      newestReleases: async () => [python3147Link],
      docVersions: async () => [{ series: '3.14', releases: [{ name: 'Python 3.14.7', date: 'August 5, 2026', docsUrl: 'https://docs.python.org/release/3.14.7/' }] }],
    },
    site: {
      chrome: async () => ({ navigation: emptyNavigation, breadcrumbs: [{ title: 'Home', url: '/' }], banner: null, supernav: {} }),
      boxes: async (labels) => Object.fromEntries(labels.filter((label) => label === 'download-sources').map((label) => [label, '<p>Sources</p>'])),
      codeSamples: async () => [],
    },
    events: {
      calendars: async () => [],
      calendar: async () => null,
      listings: async () => [],
      categories: async () => null,
      locations: async () => null,
      event: async () => null,
      feedOccurrences: async () => null,
    },
    stories: {
      landing: async () => ({ latest: [], categories: [] }),
      category: async () => null,
      story: async () => null,
      storyFor: async () => {
        throw new Error('not used');
      },
      featured: async () => null,
      categories: async () => [{ name: 'Arts', slug: 'arts', path: '/success-stories/category/arts/' }],
      submit: async () => ({ ok: true, message: 'Thanks' }),
    },
    pages: {
      resolve: async () => ({ kind: 'none' }),
      redirectFor: async () => null,
      pageFor: () => {
        throw new Error('not used');
      },
      publishedPaths: async () => [],
    },
    // Nothing imported yet, as on a freshly seeded site.
    news: { latest: async () => [], blogsPage: async () => ({ latest: null, recent: [] }) },
    preview: { preview: async () => null },
    health: { checkCms: async () => ({ healthy: true }) },
    search: { search: async () => ({ status: 200, query: '', results: null, error: null }) },
    minutes: {
      archive: async () => [{ year: '2026', meetings: [{ day: '2026-11-18', date: 'November 18, 2026', path: '/psf/records/board/minutes/2026-11-18/' }] }],
      meeting: async (day) =>
        day === '2026-11-18'
          ? { day, date: 'November 18, 2026', path: '/psf/records/board/minutes/2026-11-18/', title: 'PSF Board Meeting Minutes for November 18, 2026', contentHtml: '<p>The board met.</p>', sameYear: [] }
          : null,
      latest: async () => [],
    },
    jobs: {
      list: async (request, page) =>
        request.kind === 'all' && page === 1 ? { heading: 'Python Jobs', jobs: [], total: 0, page: 1, pages: 1, previousPage: null, nextPage: null } : null,
      job: async () => null,
      taxonomyIndex: async () => [],
      locationIndex: async () => ({ remoteCount: 0, countries: [] }),
      feed: async () => [],
      describe: async (doc) => ({
        id: doc.id,
        path: `/jobs/${doc.id}/`,
        title: doc.title,
        companyName: doc.companyName,
        location: [doc.city, doc.region, doc.country].filter(Boolean).join(', '),
        locationPath: null,
        remote: doc.remote,
        types: '',
        category: null,
        date: 'November 21, 2026',
        isoDate: '2026-11-21',
        isNew: true,
        // The real service renders Markdown through the sanitiser; the fake escapes it whole.
        descriptionHtml: `<p>${doc.description.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`,
        requirementsHtml: '',
        companyDescriptionHtml: '',
        agencies: doc.agencies,
        contactName: doc.contactName,
        emailUser: doc.email.split('@')[0] ?? '',
        emailDomain: doc.email.split('@')[1] ?? '',
        url: doc.url,
      }),
      choices: async () => ({ types: [{ id: 1, name: 'Full Time', slug: 'full-time', active: true }], categories: [{ id: 2, name: 'Software Engineering', slug: 'software-engineering', active: true }] }),
    },
    // No elections yet, as on a freshly seeded site without the sample.
    nominations: {
      elections: async () => [],
      election: async () => null,
      nominee: async () => null,
      previewStatement: async () => ({ ok: true, value: '', message: '' }),
      nominate: async () => ({ ok: false, status: 403, message: 'Only PSF members may nominate.', errors: {} }),
      invitation: async () => ({ ok: false, status: 404, message: 'This link is not valid.', errors: {} }),
      history: async () => ({ received: [], made: [] }),
      answer: async () => ({ ok: false, status: 403, message: 'Only the nominee accepts a nomination, while nominations are open.', errors: {} }),
    },
    sponsors: { sponsorLevels: async () => [], downloadSponsors: async () => [], jobSponsors: async () => [] },
    jobPostings: createFakeJobPostingService(() => null),
    ...withAccounts(overrides.accounts),
    ...overrides,
  };
}

/** The fake accounts (unless overridden), memberships and sponsorships keyed by their sessions. */
function withAccounts(accounts: Services['accounts'] | undefined): Pick<Services, 'accounts' | 'memberships' | 'sponsorships'> {
  const fakeAccounts = accounts !== undefined && 'sessions' in accounts ? (accounts as FakeAccounts) : createFakeAccountService();
  return { accounts: accounts ?? fakeAccounts, memberships: createFakeMembershipService(fakeAccounts), sponsorships: createFakeSponsorshipService(fakeAccounts) };
}
