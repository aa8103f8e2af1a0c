import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileReader } from '../../inventory/index.js';
import { mavenPom } from './index.js';

function reader(files: Record<string, string>): FileReader {
  return { readText: async (path) => files[path] };
}

const dependency = (g: string, a: string, extra = ''): string => `<dependency><groupId>${g}</groupId><artifactId>${a}</artifactId>${extra}</dependency>`;

describe('maven-pom', () => {
  it('inherits from ../pom.xml by default, with properties, management and project.version', async () => {
    const parent = `<project><groupId>org.acme</groupId><artifactId>parent</artifactId><version>7</version>
<properties><lib.version>2.0</lib.version></properties>
<dependencyManagement><dependencies>${dependency('org.lib', 'managed', '<version>${lib.version}</version><scope>test</scope>')}</dependencies></dependencyManagement>
<dependencies>${dependency('org.lib', 'inherited', '<version>1.0</version>')}</dependencies>
</project>`;
    const child = `<project>
  <parent><groupId>org.acme</groupId><artifactId>parent</artifactId><version>7</version></parent>
  <artifactId>child</artifactId>
  <dependencies>
    ${dependency('org.lib', 'managed')}
    ${dependency('org.acme', 'sibling', '<version>${project.version}</version>')}
    ${dependency('org.lib', 'ranged', '<version>(,1.0]</version>')}
    ${dependency('org.lib', 'unknown', '<version>${nowhere}</version>')}
  </dependencies>
</project>`;
    const out = await mavenPom.analyze({ path: 'app/pom.xml', content: child, files: reader({ 'pom.xml': parent }) });
    assert.deepEqual(out.errors, []);
    const got = out.packages.map((p) => [p.name, p.version, p.depGroups.join(','), p.locations.map((l) => `${l.path}:${l.line}`).join(' ')]);
    assert.deepEqual(got, [
      ['org.lib:managed', '2.0', 'test', 'app/pom.xml:5'],
      ['org.acme:sibling', '7', '', 'app/pom.xml:6'],
      ['org.lib:ranged', '', '', 'app/pom.xml:7'],
      ['org.lib:unknown', '', '', 'app/pom.xml:8'],
      ['org.lib:inherited', '1.0', '', 'app/pom.xml:2 pom.xml:4'],
    ]);
  });

  it('ignores a local POM that is not the declared parent, and profiles not active by default', async () => {
    const other = '<project><groupId>x</groupId><artifactId>y</artifactId><dependencies>' + dependency('bad', 'bad', '<version>1</version>') + '</dependencies></project>';
    const child = `<project><parent><groupId>org.acme</groupId><artifactId>parent</artifactId><version>1</version></parent>
<profiles><profile><id>ci</id><activation><property><name>ci</name></property></activation>
<dependencies>${dependency('org.ci', 'only', '<version>1</version>')}</dependencies></profile></profiles></project>`;
    const out = await mavenPom.analyze({ path: 'a/pom.xml', content: child, files: reader({ 'pom.xml': other }) });
    assert.deepEqual(out.packages, []);
    assert.deepEqual(out.errors, []);
  });

  it('puts classifier and type in the purl', async () => {
    const pom = `<project><dependencies>${dependency('org.a', 'b', '<version>1</version><classifier>linux</classifier><type>zip</type>')}</dependencies></project>`;
    const out = await mavenPom.analyze({ path: 'pom.xml', content: pom, files: reader({}) });
    assert.equal(out.packages[0]?.purl, 'pkg:maven/org.a/b@1?classifier=linux&type=zip');
  });

  it('reports malformed XML, a root that is not <project>, and a broken local parent', async () => {
    const bad = await mavenPom.analyze({ path: 'pom.xml', content: '<project>\n<dependencies>\n</project>', files: reader({}) });
    assert.equal(bad.errors[0]?.path, 'pom.xml');
    assert.equal(typeof bad.errors[0]?.line, 'number');
    const wrong = await mavenPom.analyze({ path: 'pom.xml', content: '<settings/>', files: reader({}) });
    assert.match(wrong.errors[0]?.message ?? '', /not a Maven <project>/);
    const child = '<project><parent><groupId>g</groupId><artifactId>p</artifactId><relativePath>../p/pom.xml</relativePath></parent></project>';
    const parent = await mavenPom.analyze({ path: 'c/pom.xml', content: child, files: reader({ 'p/pom.xml': 'not xml' }) });
    assert.equal(parent.errors[0]?.path, 'p/pom.xml');
  });
});
