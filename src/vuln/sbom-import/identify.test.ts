import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { identifyPurl } from './identify.js';

function summary(purl: string): string {
  const identity = identifyPurl(purl);
  if ('problem' in identity) return `! ${identity.problem}`;
  return `${identity.ecosystem} ${identity.name} ${identity.version}${identity.source !== undefined ? ` < ${identity.source.name}@${identity.source.version}` : ''}`;
}

describe('identifyPurl', () => {
  it('maps language purl types to OSV ecosystems and OSV names', () => {
    assert.deepEqual(
      [
        'pkg:npm/%40types/node@20.1.0',
        'pkg:pypi/django@4.2',
        'pkg:golang/github.com/gin-gonic/gin@v1.9.1',
        'pkg:cargo/serde@1.0.0',
        'pkg:composer/laravel/framework@10.0.0',
        'pkg:gem/rails@7.1.0',
        'pkg:maven/org.yaml/snakeyaml@2.0',
        'pkg:nuget/Newtonsoft.Json@13.0.3',
      ].map(summary),
      [
        'npm @types/node 20.1.0',
        'PyPI django 4.2',
        'Go github.com/gin-gonic/gin v1.9.1',
        'crates.io serde 1.0.0',
        'Packagist laravel/framework 10.0.0',
        'RubyGems rails 7.1.0',
        'Maven org.yaml:snakeyaml 2.0',
        'NuGet Newtonsoft.Json 13.0.3',
      ],
    );
  });

  it('maps OS purls by namespace or distro qualifier, with their source packages', () => {
    assert.deepEqual(
      [
        'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?distro=debian-12&upstream=openssl',
        'pkg:deb/ubuntu/libc6@2.35-0ubuntu3.6?upstream=glibc%402.35-0ubuntu3.6',
        'pkg:deb/libc6@2.36?distro=debian-12',
        'pkg:apk/alpine/libcrypto3@3.1.4-r5?upstream=openssl',
        'pkg:rpm/redhat/bash@5.1.8-6.el9?epoch=0&upstream=bash-5.1.8-6.el9.src.rpm',
        'pkg:rpm/amzn/curl@8.3.0-1.amzn2023?distro=amzn-2023',
        'pkg:rpm/almalinux/zlib@1.2.11-40.el9',
        'pkg:rpm/opensuse/zlib@1.2.13',
      ].map(summary),
      [
        'Debian libssl3 3.0.11-1~deb12u2 < openssl@3.0.11-1~deb12u2',
        'Ubuntu libc6 2.35-0ubuntu3.6 < glibc@2.35-0ubuntu3.6',
        'Debian libc6 2.36 < libc6@2.36',
        'Alpine libcrypto3 3.1.4-r5 < openssl@3.1.4-r5',
        'Red Hat bash 0:5.1.8-6.el9 < bash@0:5.1.8-6.el9',
        'Amazon Linux curl 8.3.0-1.amzn2023 < curl@8.3.0-1.amzn2023',
        'AlmaLinux zlib 1.2.11-40.el9 < zlib@1.2.11-40.el9',
        'Red Hat zlib 1.2.13 < zlib@1.2.13',
      ],
    );
  });

  it('says why it cannot place a purl', () => {
    assert.deepEqual(['pkg:github/actions/checkout@v4', 'pkg:deb/raspbian/x@1', 'pkg:apk/wolfi/glibc@2.39', 'not a purl'].map(summary), [
      '! no advisory ecosystem for purl type github/actions',
      '! no advisory ecosystem for purl type deb/raspbian',
      '! no advisory ecosystem for purl type apk/wolfi',
      '! not a valid purl',
    ]);
  });
});
