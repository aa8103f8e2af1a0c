import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml } from '../escape.js';
import { emptyReport, fixtureReport, HOSTILE_MESSAGE, HOSTILE_NAME } from '../fixture.test-helper.js';
import { assertGolden } from '../golden.test-helper.js';
import { locationText } from '../subject.js';
import { htmlWriter } from './index.js';
import { html, prose, raw } from './markup.js';

describe('html writer', () => {
  it('matches the golden file', () => {
    assertGolden('html/testdata/fixture.html', htmlWriter.write(fixtureReport()));
  });

  const report = fixtureReport();
  const page = htmlWriter.write(report);

  it('escapes every interpolated string', () => {
    assert.ok(!page.includes(HOSTILE_NAME));
    assert.ok(page.includes('Pod dev/&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(page.includes('value &quot;a&amp;b&quot; is &lt;not&gt; &#39;ok&#39;\uFFFD here'));
    assert.ok(!page.includes(HOSTILE_MESSAGE));
    assert.doesNotMatch(page, /<script|<img|<b>|<legacy>/i);
    assert.ok(!page.includes('\u0007'));
  });

  it('is self-contained: no scripts, no external requests', () => {
    assert.doesNotMatch(page, /<(script|link|img|iframe|object|embed)\b/i);
    // Inside tags only: escaped text may legitimately say `src=`.
    assert.doesNotMatch(page, /<[^>]*\s(src|href|srcset|action|formaction)=/i);
    assert.doesNotMatch(page, /url\(|@import/i);
    assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;/);
    assert.match(page, /^<!DOCTYPE html>\n<html lang="en">/);
    assert.match(page, /<\/html>\n$/);
  });

  it('shows every finding with its check, message, location, remediation and compatible ids', () => {
    for (const f of report.findings) {
      assert.ok(page.includes(escapeHtml(f.message)), f.message);
      assert.ok(page.includes(`<code>${escapeHtml(f.checkId)}</code>`), f.checkId);
      if (f.location !== undefined) assert.ok(page.includes(escapeHtml(locationText(f.location))), locationText(f.location));
      if (f.status !== 'pass' && f.remediation !== '') assert.ok(page.includes(escapeHtml(f.remediation)), f.remediation);
      if (f.compatibleIds.length > 0) assert.ok(page.includes(escapeHtml(f.compatibleIds.join(', '))));
    }
    const rows = page.match(/<tr class="(fail|warn|error|skip|pass)">/g) ?? [];
    assert.equal(rows.length, report.findings.length);
  });

  it('groups findings by resource', () => {
    const headings = [...page.matchAll(/<article class="resource">\n<h3>([^<]*)/g)].map((m) => m[1]?.trim());
    assert.deepEqual(headings, ['Deployment prod/web', 'ClusterRole wide-open', 'DaemonSet kube-system/agent', 'Pod dev/&lt;script&gt;alert(1)&lt;/script&gt;', 'Job ci/migrate', 'Pod default/generated']);
  });

  it('shows severity counts, scores, skip reasons and input problems', () => {
    assert.match(page, /<span class="n">2<\/span><span class="badge sev-critical">critical<\/span>/);
    assert.match(page, /<span class="n">1<\/span><span class="badge st-skip">skipped<\/span>/);
    assert.match(page, /<section id="scores">[\s\S]*<td>namespace prod<\/td><td class="num">40<\/td><td><strong>F<\/strong>/);
    assert.match(page, /<p class="why">CNI agent needs the host network <span class="muted">\(\.bosun\.yaml:14, owner platform-team, ticket OPS-123, expires 2031-01-01\)/);
    assert.match(page, /<section id="input-problems">[\s\S]*deploy\/broken\.yaml:3:8[\s\S]*malformed document/);
  });

  it('leaves out empty sections', () => {
    const empty = htmlWriter.write(emptyReport());
    assert.ok(!empty.includes('id="scores"'));
    assert.ok(!empty.includes('id="input-problems"'));
    assert.match(empty, /<p>No findings\.<\/p>/);
  });
});

describe('html template', () => {
  it('escapes strings and numbers but not nested templates', () => {
    const inner = html`<b>${'<i>'}</b>`;
    assert.equal(html`<p title="${'"x"'}">${inner}${[inner, inner]}${undefined}${false}${3}</p>`.html, '<p title="&quot;x&quot;"><b>&lt;i&gt;</b><b>&lt;i&gt;</b><b>&lt;i&gt;</b>3</p>');
    assert.equal(html`${raw('<hr>')}`.html, '<hr>');
  });

  it('shows backtick spans as code, escaped', () => {
    assert.equal(prose('Set `a: <b>` & go').html, 'Set <code>a: &lt;b&gt;</code> &amp; go');
    assert.equal(prose('one ` tick').html, 'one ` tick');
  });
});
