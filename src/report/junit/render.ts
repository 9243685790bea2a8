import type { Finding } from '../../engine/finding.js';
import type { ScanReport } from '../model.js';
import { sortFindings } from '../order.js';
import { xmlAttr, xmlText } from './xml.js';

/**
 * `--format junit`: one testsuite per check, one testcase per check × resource (× detail).
 * fail → <failure>, unknown → <error> (the check could not run on it), manual and muted →
 * <skipped> (with what to verify, or the mutelist reason), pass → a plain testcase.
 */
export function renderJunit(report: ScanReport): string {
  const byCheck = new Map<string, Finding[]>();
  for (const f of sortFindings(report.findings)) {
    const list = byCheck.get(f.checkId);
    if (list) list.push(f);
    else byCheck.set(f.checkId, [f]);
  }
  const suites = [...byCheck.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([checkId, fs]) => suite(checkId, fs, report));
  const total = count(report.findings);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="rampart" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}" skipped="${total.skipped}" time="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function count(fs: readonly Finding[]) {
  return {
    tests: fs.length,
    failures: fs.filter((f) => f.status === 'fail').length,
    errors: fs.filter((f) => f.status === 'unknown').length,
    skipped: fs.filter((f) => f.status === 'manual' || f.status === 'muted').length,
  };
}

function suite(checkId: string, fs: Finding[], report: ScanReport): string {
  const c = count(fs);
  const head = `  <testsuite name="${xmlAttr(checkId)}" tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="${c.skipped}" time="0" timestamp="${xmlAttr(report.scan.startedAt.replace(/\.\d+Z$/, ''))}">`;
  return [head, ...fs.map(testcase), '  </testsuite>'].join('\n');
}

function testcase(f: Finding): string {
  const name = `${f.resourceId}${f.detail !== undefined ? ` [${f.detail}]` : ''}${f.region !== 'global' ? ` (${f.region})` : ''}`;
  const open = `    <testcase classname="${xmlAttr(f.checkId)}" name="${xmlAttr(name)}" time="0"`;
  const body = bodyOf(f);
  return body ? `${open}>\n${body}\n    </testcase>` : `${open}/>`;
}

function bodyOf(f: Finding): string | undefined {
  const where = f.location ? `\n${f.location.file}:${f.location.line}` : '';
  switch (f.status) {
    case 'fail':
      return `      <failure message="${xmlAttr(f.message)}" type="${f.severity}">${xmlText(`${f.message}${where}\nFix: ${f.remediation.text}`)}</failure>`;
    case 'unknown':
      return `      <error message="${xmlAttr(f.message)}" type="unknown">${xmlText(f.message + where)}</error>`;
    case 'manual':
      return `      <skipped message="${xmlAttr(`manual: ${f.message}`)}"/>`;
    case 'muted':
      return `      <skipped message="${xmlAttr(`muted (${f.muted?.originalStatus ?? 'fail'}): ${f.muted?.reason ?? ''}`)}"/>`;
    case 'pass':
      return undefined;
  }
}
