/**
 * Small inventories for the SBOM writer tests: an image (Debian, with source packages and layers)
 * holding an npm project with a scoped, a dev and a duplicated package, and a project directory
 * with one package of each language ecosystem.
 */
import type { Package, SbomInventory } from '../../vuln/index.js';
import { formatPurl, npmPurl } from '../../vuln/index.js';

const LAYER_1 = 'sha256:1111111111111111111111111111111111111111111111111111111111111111';
const LAYER_2 = 'sha256:2222222222222222222222222222222222222222222222222222222222222222';

function deb(name: string, version: string, source: { name: string; version: string }): Package {
  const upstream = source.name === name ? '' : source.version === version ? source.name : `${source.name}@${source.version}`;
  return {
    name,
    version,
    ecosystem: 'Debian',
    purl: formatPurl({ type: 'deb', namespace: 'debian', name, version, qualifiers: { arch: 'amd64', distro: 'debian-12', upstream } }),
    depGroups: [],
    source,
    locations: [{ path: 'var/lib/dpkg/status', line: name.length, layer: LAYER_1 }],
  };
}

function npm(name: string, version: string, depGroups: string[], path: string): Package {
  return { name, version, ecosystem: 'npm', purl: npmPurl(name, version), depGroups, locations: [{ path, layer: LAYER_2 }] };
}

export function imageInventory(): SbomInventory {
  return {
    os: { family: 'debian', id: 'debian', name: 'Debian GNU/Linux', version: '12 (bookworm)', versionId: '12', codename: 'bookworm', source: 'etc/os-release' },
    packages: [
      deb('libc6', '2.36-9+deb12u4', { name: 'glibc', version: '2.36-9+deb12u4' }),
      deb('libssl3', '3.0.11-1~deb12u2', { name: 'openssl', version: '3.0.11-1~deb12u2' }),
      deb('openssl', '3.0.11-1~deb12u2', { name: 'openssl', version: '3.0.11-1~deb12u2' }),
      deb('tzdata', '2024a-0+deb12u1', { name: 'tzdata', version: '2024a-0+deb12u1' }),
      npm('@babel/core', '7.24.0', [], 'app/node_modules/@babel/core/package.json'),
      npm('lodash', '4.17.21', [], 'app/node_modules/lodash/package.json'),
      npm('lodash', '4.17.21', [], 'app/node_modules/x/node_modules/lodash/package.json'),
      npm('jest', '29.7.0', ['dev'], 'app/node_modules/jest/package.json'),
      npm('fsevents', '2.3.3', ['dev', 'optional'], 'app/node_modules/fsevents/package.json'),
    ],
    errors: [],
    image: {
      name: 'registry.example.com/team/app:1.4',
      manifestDigest: 'sha256:abababababababababababababababababababababababababababababababab',
      manifestMediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { os: 'linux', architecture: 'amd64', created: '2024-03-01T10:00:00Z', diffIds: ['sha256:d1', 'sha256:d2'] },
      layers: [
        { digest: LAYER_1, mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', size: 1000, diffId: 'sha256:d1' },
        { digest: LAYER_2, mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', size: 2000, diffId: 'sha256:d2' },
      ],
    },
  };
}

export function projectInventory(): SbomInventory {
  const at = (path: string, line?: number): Package['locations'] => [{ path, ...(line !== undefined ? { line } : {}) }];
  return {
    os: null,
    packages: [
      { name: 'Django', version: '4.2.11', ecosystem: 'PyPI', purl: formatPurl({ type: 'pypi', name: 'Django', version: '4.2.11' }), depGroups: [], locations: at('requirements.txt', 3) },
      { name: 'pytest', version: '8.1.1', ecosystem: 'PyPI', purl: formatPurl({ type: 'pypi', name: 'pytest', version: '8.1.1' }), depGroups: ['test'], locations: at('poetry.lock', 40) },
      { name: 'github.com/sirupsen/logrus', version: 'v1.9.3', ecosystem: 'Go', purl: formatPurl({ type: 'golang', namespace: 'github.com/sirupsen', name: 'logrus', version: 'v1.9.3' }), depGroups: [], locations: at('go.mod', 5) },
      { name: 'serde', version: '1.0.197', ecosystem: 'crates.io', purl: formatPurl({ type: 'cargo', name: 'serde', version: '1.0.197' }), depGroups: [], locations: at('Cargo.lock', 12) },
      { name: 'monolog/monolog', version: '3.5.0', ecosystem: 'Packagist', purl: formatPurl({ type: 'composer', namespace: 'monolog', name: 'monolog', version: '3.5.0' }), depGroups: [], locations: at('composer.lock') },
      { name: 'rack', version: '3.0.9', ecosystem: 'RubyGems', purl: formatPurl({ type: 'gem', name: 'rack', version: '3.0.9' }), depGroups: [], locations: at('Gemfile.lock', 8) },
      { name: 'org.apache.commons:commons-text', version: '1.10.0', ecosystem: 'Maven', purl: formatPurl({ type: 'maven', namespace: 'org.apache.commons', name: 'commons-text', version: '1.10.0' }), depGroups: ['provided'], locations: at('pom.xml', 20) },
      { name: 'Newtonsoft.Json', version: '13.0.3', ecosystem: 'NuGet', purl: formatPurl({ type: 'nuget', name: 'Newtonsoft.Json', version: '13.0.3' }), depGroups: [], locations: at('packages.lock.json', 4) },
      { name: 'left-pad', version: '', ecosystem: 'npm', purl: npmPurl('left-pad', ''), depGroups: [], commit: '0123456789abcdef0123456789abcdef01234567', locations: at('package-lock.json', 9) },
    ],
    errors: [],
  };
}

/** The time every test document is created at. */
export const FIXED_NOW = new Date('2024-05-01T12:00:00.000Z');
