import type { ScanReport } from './model.js';
import { renderText } from './text/render.js';
import { renderJson } from './json/render.js';
import { renderSarif } from './sarif/render.js';
import { renderOcsf } from './ocsf/render.js';
import { renderAsff } from './asff/render.js';
import { renderCsv } from './csv/render.js';
import { renderJunit } from './junit/render.js';
import { renderMarkdown } from './markdown/render.js';
import { renderHtml } from './html/render.js';
import { complianceStatus, complianceTextLines, getFramework } from '../compliance/index.js';

export interface RenderOptions {
  color: boolean;
  /** Terminal: only fail and unknown findings, and the summary. */
  quiet?: boolean;
  /** A framework id or alias (cis-3.0, fsbp): text and html add its requirement-by-requirement status. */
  compliance?: string;
  /** asff: the Security Hub region written into each ProductArn (default: us-east-1 if scanned, else the first region). */
  region?: string;
}

type Renderer = (report: ScanReport, opts: RenderOptions) => string;

const RENDERERS: Record<string, Renderer> = {
  text: (r, o) =>
    renderText(r, {
      color: o.color,
      quiet: o.quiet ?? false,
      ...(o.compliance ? { appendix: (c) => complianceTextLines(complianceStatus(getFramework(o.compliance as string), r.findings), c) } : {}),
    }),
  json: (r) => renderJson(r),
  sarif: (r) => renderSarif(r),
  ocsf: (r) => renderOcsf(r),
  asff: (r, o) => renderAsff(r, o.region ? { region: o.region } : {}),
  csv: (r) => renderCsv(r),
  junit: (r) => renderJunit(r),
  markdown: (r) => renderMarkdown(r),
  html: (r, o) => renderHtml(r, o.compliance ? { compliance: complianceStatus(getFramework(o.compliance), r.findings) } : {}),
};

/** Every `--format` value. */
export const FORMATS: readonly string[] = Object.keys(RENDERERS);

export class UnknownFormatError extends Error {}

/** Renders a report in one format; pure, so the CLI decides where it goes (stdout or --output). */
export function renderReport(format: string, report: ScanReport, opts: RenderOptions): string {
  const render = RENDERERS[format];
  if (!render) throw new UnknownFormatError(`unknown format "${format}" (one of: ${FORMATS.join(', ')})`);
  return render(report, opts);
}

export { buildReport, type ReportInputs } from './build.js';
export type { ScanReport } from './model.js';
