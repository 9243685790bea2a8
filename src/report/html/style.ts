import { SEVERITY_COLOR, STATUS_COLOR } from './palette.js';

const RQ_COLOR: Record<string, string> = {
  fail: STATUS_COLOR.fail,
  unknown: STATUS_COLOR.unknown,
  muted: STATUS_COLOR.muted,
  manual: STATUS_COLOR.manual,
  pass: STATUS_COLOR.pass,
  'not-assessed': '#9e9e9e',
  'not-covered': '#bdbdbd',
};

/** The page's only stylesheet, inline: no fonts, images or anything fetched. */
export const CSS = `
:root { --fg:#1d232a; --muted:#5f6b76; --line:#dde3e8; --bg:#f6f8fa; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); margin: 0; background: #fff; }
header.top { padding: 20px 32px; background: #14213d; color: #fff; }
header.top h1 { margin: 0 0 4px; font-size: 22px; }
header.top .meta { color: #c9d3e0; }
main { padding: 16px 32px 48px; max-width: 1200px; }
section { scroll-margin-top: 96px; }
h2 { border-bottom: 2px solid var(--line); padding-bottom: 4px; margin-top: 32px; }
code, pre { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { background: var(--bg); border: 1px solid var(--line); padding: 8px 10px; overflow-x: auto; white-space: pre-wrap; word-break: break-word; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 16px; min-width: 110px; }
.card .n { font-size: 26px; font-weight: 700; }
.charts { display: flex; gap: 32px; flex-wrap: wrap; }
figure.chart { margin: 12px 0; }
figure.chart figcaption { font-weight: 600; margin-bottom: 6px; }
figure.chart svg text { font: 12px system-ui, sans-serif; fill: var(--fg); }
nav.toc a { margin-right: 12px; }
form#filters { position: sticky; top: 0; background: #fff; border-bottom: 1px solid var(--line); padding: 10px 0; z-index: 1; display: flex; gap: 18px; flex-wrap: wrap; align-items: center; }
form#filters fieldset { border: 0; margin: 0; padding: 0; }
form#filters legend { font-weight: 600; float: left; margin-right: 6px; }
form#filters label { margin-right: 8px; white-space: nowrap; }
.finding { border: 1px solid var(--line); border-left: 5px solid var(--line); border-radius: 4px; padding: 10px 14px; margin: 10px 0; break-inside: avoid; }
.finding[hidden] { display: none; }
.finding header { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.finding .res { margin-top: 4px; word-break: break-all; }
.finding .meta, .meta { color: var(--muted); }
.finding .loc { color: var(--muted); font-family: ui-monospace, monospace; }
.finding .msg { margin: 6px 0; }
.finding .guides { color: var(--muted); font-size: 12px; }
.finding .muted-note { color: ${STATUS_COLOR.muted}; font-style: italic; }
.snippet .lang { font-size: 12px; color: var(--muted); margin-top: 6px; }
.badge { display: inline-block; border-radius: 3px; padding: 0 6px; font-size: 12px; font-weight: 600; color: #fff; text-transform: uppercase; }
${Object.entries(STATUS_COLOR)
  .map(([s, c]) => `.st-${s} { background: ${c}; } .finding[data-status="${s}"] { border-left-color: ${c}; }`)
  .join('\n')}
${Object.entries(SEVERITY_COLOR)
  .map(([s, c]) => `.sev-${s} { background: ${c}; }`)
  .join('\n')}
${Object.entries(RQ_COLOR)
  .map(([s, c]) => `.rq-${s} { background: ${c}; }`)
  .join('\n')}
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
.chapter .count { color: var(--muted); font-weight: 400; font-size: 14px; }
.chapter .none { color: var(--muted); font-style: italic; }
#coverage li.warn { color: #8d5200; }
#coverage li.bad { color: ${STATUS_COLOR.fail}; }
@media print {
  form#filters, nav.toc { display: none; }
  header.top { background: none; color: #000; border-bottom: 2px solid #000; }
  header.top .meta { color: #333; }
  .finding { border-left-width: 3px; }
  a { color: inherit; text-decoration: none; }
}
`;
