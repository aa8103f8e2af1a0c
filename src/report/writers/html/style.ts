/**
 * Inline stylesheet: no fonts, images or other requests. System colours (`Canvas`, `CanvasText`)
 * and translucent greys follow the reader's light or dark scheme; badges are solid colours with
 * white text, readable on either. Print keeps badge colours and avoids splitting a resource.
 */
export const STYLESHEET = `
:root { color-scheme: light dark; --line: rgba(128,128,128,.35); --shade: rgba(128,128,128,.12); }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; background: Canvas; color: CanvasText;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 0 0 .5rem; overflow-wrap: anywhere; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
.muted { opacity: .75; }
.meta { margin: 0; }
ul.counts { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
ul.counts li { border: 1px solid var(--line); border-radius: .4rem; padding: .4rem .75rem; min-width: 7rem; }
ul.counts .n { display: block; font-size: 1.4rem; font-weight: 700; }
table { border-collapse: collapse; width: 100%; margin: 0 0 .5rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
th { background: var(--shade); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
article.resource { border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; margin: 0 0 1rem; }
.badge { display: inline-block; white-space: nowrap; min-width: 4.5rem; text-align: center; padding: .05rem .45rem; border-radius: .3rem;
  font-size: .8rem; font-weight: 700; text-transform: uppercase; letter-spacing: .02em; color: #fff; background: #546e7a;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.sev-critical { background: #6a1b9a; } .sev-high { background: #c62828; } .sev-medium { background: #a15c00; }
.sev-low { background: #1565c0; } .sev-info { background: #546e7a; }
.st-skip { background: transparent; color: inherit; border: 1px dashed currentColor; }
.st-pass { background: #2e7d32; } .st-error { background: #37474f; }
.lvl-error { background: #c62828; } .lvl-warning { background: #a15c00; }
p { margin: .2rem 0; }
.fix::before { content: "Fix: "; font-weight: 600; }
.also::before { content: "Also: "; font-weight: 600; }
.why::before { content: "Skipped: "; font-weight: 600; }
tr.skip td, tr.pass td { opacity: .8; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; background: #fff; color: #000; }
  article.resource, tr { break-inside: avoid; }
  h2 { break-after: avoid; }
}
`;
