/**
 * The report's stylesheet: system fonts only (no download), light and dark schemes from
 * `prefers-color-scheme`, visible keyboard focus, and a print layout without the controls.
 */
export const REPORT_CSS = `
:root {
  color-scheme: light dark;
  --bg: #fbfbfa; --fg: #1d232b; --muted: #5b6572; --panel: #ffffff; --line: #d9dde3;
  --accent: #2f5fd0; --mark: #ffe27a; --mark-fg: #1d232b; --chip: #e9eef9; --chip-fg: #23408a;
  --focus: #f2a900;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #14171c; --fg: #e5e8ec; --muted: #9aa4b1; --panel: #1c2027; --line: #323944;
    --accent: #8fb1ff; --mark: #7a5d00; --mark-fg: #fff6d5; --chip: #243152; --chip-fg: #c9d7ff;
    --focus: #ffc940;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 64px; }
h1 { font-size: 1.7rem; margin: 0 0 4px; letter-spacing: -0.01em; }
h2 { font-size: 1.25rem; margin: 40px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 1rem; margin: 0; }
a { color: var(--accent); }
code, kbd { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.88em; }
kbd { border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; padding: 0 4px; margin: 0 1px; background: var(--panel); }
.meta, .caption, .note, .keys, .status, .empty { color: var(--muted); }
.caption { margin: 2px 0 8px; font-size: 0.9rem; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 12px; top: 12px; background: var(--panel); padding: 6px 10px; z-index: 10; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.headline { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin-top: 20px; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 12px 16px; }
.card .value { font-size: 1.7rem; font-weight: 650; font-variant-numeric: tabular-nums; }
.card .label { font-weight: 550; }
.card .note { font-size: 0.85rem; }
.chart { margin: 0 0 20px; background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; overflow-x: auto; }
.chart svg { --plot-background: var(--panel); max-width: 100%; height: auto; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 0 20px; }
.controls { display: flex; flex-wrap: wrap; gap: 10px 16px; align-items: end; margin-bottom: 8px; }
.controls label { display: flex; flex-direction: column; font-size: 0.82rem; color: var(--muted); gap: 2px; }
input, select, button { font: inherit; color: var(--fg); background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 5px 8px; }
input[type=search] { min-width: 260px; }
button { cursor: pointer; }
button:disabled { opacity: 0.45; cursor: default; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); font-weight: 600; }
.papers tbody tr { cursor: pointer; }
.papers tbody tr:hover { background: color-mix(in srgb, var(--accent) 7%, transparent); }
.papers tbody tr:focus { background: color-mix(in srgb, var(--accent) 14%, transparent); outline-offset: -3px; }
.papers td.title { font-weight: 520; width: 44%; min-width: 18em; }
.papers .chip { white-space: normal; }
.papers td.date { white-space: nowrap; font-variant-numeric: tabular-nums; color: var(--muted); }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.chip { display: inline-block; background: var(--chip); color: var(--chip-fg); border-radius: 999px; padding: 0 8px; margin: 1px 0; font-size: 0.8rem; white-space: nowrap; }
.pager { display: flex; gap: 12px; align-items: center; justify-content: center; margin: 12px 0; }
.keys { font-size: 0.85rem; text-align: center; }
mark { background: var(--mark); color: var(--mark-fg); border-radius: 3px; padding: 0 1px; }
dialog { width: min(920px, 94vw); max-height: 90vh; border: 1px solid var(--line); border-radius: 12px; background: var(--panel); color: var(--fg); padding: 0 24px 20px; box-shadow: 0 20px 60px rgba(0,0,0,0.35); }
dialog::backdrop { background: rgba(10, 14, 20, 0.55); }
.dialog-bar { position: sticky; top: 0; display: flex; justify-content: flex-end; padding: 12px 0 4px; background: var(--panel); }
#detail-body h2 { border: 0; margin: 0 0 4px; font-size: 1.3rem; }
.abstract { line-height: 1.65; }
.tags .reasons { margin: 0; padding-left: 18px; font-size: 0.88rem; }
.tags .id { font-size: 0.8rem; color: var(--muted); font-family: ui-monospace, monospace; }
.score-bar { display: block; height: 4px; margin-top: 4px; border-radius: 2px; background: linear-gradient(90deg, var(--accent) calc(var(--score) * 100%), var(--line) 0); }
.names { padding-left: 18px; }
.plain td, .plain th { padding: 4px 8px; }
@media print {
  :root { --bg: #fff; --fg: #000; --panel: #fff; --line: #bbb; --mark: #ffe27a; --mark-fg: #000; }
  main { max-width: none; padding: 0; }
  .controls, .pager, .keys, .skip, dialog { display: none !important; }
  .chart, .card, tr { break-inside: avoid; }
  h2 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
