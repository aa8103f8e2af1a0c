import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BosunError } from '../../../../kernel/index.js';
import { compileTemplate } from './index.js';

const render = (source: string, data: unknown): string => compileTemplate(source).render(data);

const pod = {
  metadata: { name: 'web', labels: { b: '2', a: '1' }, annotations: { 'x/y': 'z' } },
  roleRef: { kind: 'Role', name: 'system:viewer' },
  spec: { minReplicas: 3, list: ['p', 'q'] },
};

test('field paths, missing keys and literals', () => {
  assert.equal(render('name={{ .metadata.name }}', pod), 'name=web');
  assert.equal(render('{{ .metadata.nope.deeper }}', pod), '<no value>');
  assert.equal(render('{{ .spec.minReplicas }} {{ "s" }} {{ 1.5 }} {{ true }}', pod), '3 s 1.5 true');
  assert.equal(render('{{ . }}', 'x'), 'x');
  assert.equal(render('{{ .spec.list }}', pod), '[p q]');
});

test('if / else if / else with comparisons and short-circuit and/or', () => {
  const t = '{{ if eq .roleRef.kind "ClusterRole" }}C{{ else if and (eq .roleRef.kind "Role") (hasPrefix .roleRef.name "system:") }}S{{ else }}O{{ end }}';
  assert.equal(render(t, pod), 'S');
  assert.equal(render('{{ if not .missing }}unset{{ end }}', pod), 'unset');
  assert.equal(render('{{ if ne .spec.minReplicas 3 }}x{{ else }}three{{ end }}', pod), 'three');
  assert.equal(render('{{ or .missing "fallback" }}', pod), 'fallback');
  assert.equal(render('{{ and .metadata.name .spec.minReplicas }}', pod), '3');
  // `and` stops at the first false operand, so the guarded index never runs on nothing.
  assert.equal(render('{{ if and .metadata.annotations (index .metadata.annotations "x/y") }}yes{{ end }}', pod), 'yes');
  assert.equal(render('{{ if hasSuffix .metadata.name "eb" }}suffix{{ end }}', pod), 'suffix');
  assert.equal(render('{{ if eq .spec.minReplicas 1 2 3 }}in{{ end }}', pod), 'in');
});

test('variables: declare, assign in an inner scope, root $', () => {
  const t = '{{ $found := false }}{{ if .metadata.annotations }}{{ $found = index .metadata.annotations "x/y" }}{{ end }}{{ $found }} {{ $.metadata.name }}';
  assert.equal(render(t, pod), 'z web');
  assert.equal(render('{{ $n := print "a/" .metadata.name }}{{ $n }}', pod), 'a/web');
});

test('range over a map visits keys in sorted order; over a list with index', () => {
  assert.equal(render('{{ range $k, $v := .metadata.labels }}{{ $k }}={{ $v }};{{ end }}', pod), 'a=1;b=2;');
  assert.equal(render('{{ range $i, $v := .spec.list }}{{ $i }}:{{ . }} {{ end }}', pod), '0:p 1:q ');
  assert.equal(render('{{ range .missing }}x{{ else }}empty{{ end }}', pod), 'empty');
});

test('trim markers and comments', () => {
  assert.equal(render('a  \n  {{- .metadata.name -}}  \n b', pod), 'awebb');
  assert.equal(render('a{{/* a comment */}}b', pod), 'ab');
  assert.equal(render('x {{- /* trimmed */ -}} y', pod), 'xy');
});

test('pipelines pass the value as the last argument', () => {
  assert.equal(render('{{ .metadata.name | printf "%s!" }}', pod), 'web!');
  assert.equal(render('{{ .spec.list | len }}', pod), '2');
});

test('syntax outside the subset is a config error, never executed', () => {
  for (const source of ['{{ define "x" }}{{ end }}', '{{ template "x" }}', '{{ exec "rm" }}', '{{ if .a }}open', '{{ .a ', '{{ end }}', '{{ "unterminated }}']) {
    assert.throws(() => compileTemplate(source), (e: unknown) => e instanceof BosunError && e.code === 'config.invalid', source);
  }
});
