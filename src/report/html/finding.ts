import type { Finding } from '../../engine/finding.js';
import { recommendation } from '../../guide/index.js';
import { snippets } from '../remediation.js';
import { esc } from './escape.js';

/** The service a finding belongs to, for the filter: AWS::S3::Bucket → S3, AWS::::Account → Account. */
export function serviceOf(f: Finding): string {
  const parts = f.resourceType.split('::');
  if (parts[0] === 'AWS') return parts[1] || 'Account';
  return parts[0] || 'Other';
}

/** One finding: verdict, resource, message, evidence and the fix, every value escaped. */
export function findingHtml(f: Finding): string {
  const verdict = f.muted?.originalStatus ?? f.status;
  const where = f.location ? `<div class="loc">${esc(f.location.file)}:${f.location.line}</div>` : '';
  const muted = f.muted
    ? `<p class="muted-note">Muted (was ${esc(f.muted.originalStatus)}): ${esc(f.muted.reason)}${f.muted.expires ? ` · until ${esc(f.muted.expires)}` : ''}</p>`
    : '';
  const evidence = f.evidence ? `<details class="evidence"><summary>Evidence</summary><pre>${esc(JSON.stringify(f.evidence, null, 2))}</pre></details>` : '';
  const fix =
    verdict === 'fail' || verdict === 'manual'
      ? `<details class="fix"${verdict === 'fail' ? ' open' : ''}><summary>Remediation</summary><p>${esc(f.remediation.text)}</p>${snippets(f.remediation)
          .map((s) => `<div class="snippet"><div class="lang">${esc(s.label)}</div><pre><code>${esc(s.code)}</code></pre></div>`)
          .join('')}</details>`
      : '';
  const guide = f.guideIds.map((g) => `<span class="guide" title="${esc(recommendation(g)?.title ?? g)}">${esc(g)}</span>`).join(' ');
  return `<article class="finding" data-status="${esc(f.status)}" data-severity="${esc(f.severity)}" data-service="${esc(serviceOf(f))}" id="f-${esc(f.id)}">
<header><span class="badge st-${esc(f.status)}">${esc(f.status)}</span><span class="badge sev-${esc(f.severity)}">${esc(f.severity)}</span><strong>${esc(f.title)}</strong> <code class="check">${esc(f.checkId)}</code></header>
<div class="res"><code>${esc(f.resourceId)}</code> <span class="meta">${esc(f.resourceType)} · ${esc(f.region)} · ${esc(f.account)}</span></div>${where}
<p class="msg">${esc(f.message)}</p>${muted}${fix}${evidence}<div class="guides">Guide: ${guide}</div>
</article>`;
}
