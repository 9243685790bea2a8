import type { ScanReport } from './model.js';
import { renderText } from './text/render.js';
import { renderJson } from './json/render.js';

export interface RenderOptions {
  color: boolean;
  /** Terminal: only fail and unknown findings, and the summary. */
  quiet?: boolean;
  /** A framework id (see src/compliance): adds its requirement-by-requirement status. */
  compliance?: string;
}

type Renderer = (report: ScanReport, opts: RenderOptions) => string;

const RENDERERS: Record<string, Renderer> = {
  text: (r, o) => renderText(r, o),
  json: (r) => renderJson(r),
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
