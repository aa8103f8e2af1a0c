import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeMarkdown } from './markdown.js';

describe('escapeMarkdown', () => {
  it('neutralizes links, images, HTML and emphasis', () => {
    assert.equal(escapeMarkdown('see [x](javascript:alert(1)) ![i](y) <b>b</b> & *e* _u_'), 'see \\[x\\](javascript:alert(1)) !\\[i\\](y) &lt;b&gt;b&lt;/b&gt; &amp; \\*e\\* \\_u\\_');
  });

  it('neutralizes block syntax only at the start of a line', () => {
    assert.equal(escapeMarkdown('# h\n1. one\n- item\nspec.hostNetwork - not a list'), '\\# h\n1\\. one\n\\- item\nspec.hostNetwork - not a list');
  });

  it('keeps code spans as written', () => {
    assert.equal(escapeMarkdown('Set `securityContext.privileged: false` *now*'), 'Set `securityContext.privileged: false` \\*now\\*');
    assert.equal(escapeMarkdown('a lone ` tick'), 'a lone \\` tick');
  });
});
