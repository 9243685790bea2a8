import type { Inventory, RegionalInventory } from '../../inventory/index.js';
import { defineCheck, type CheckResult } from '../types.js';
import { accountResource, missing, regionsOf } from '../helpers.js';

type Message = 'scanning' | 'notScanning' | 'notActivated' | 'noEc2State' | 'noFindings' | 'findings';

const GONE = new Set(['terminated', 'shutting-down']);

function judgeRegion(inv: Inventory, region: string, r: RegionalInventory): CheckResult<Message | 'missing'>[] {
  const resource = accountResource(inv, region);
  const instances = r.ec2.instances;
  const count = instances.state === 'ok' ? instances.value.filter((i) => !GONE.has(i.state)).length : undefined;
  if (count === 0) return [];
  const status = r.inspector.status;
  const where = { region, count: count ?? 'an unknown number of' };
  if (status.state === 'error' || status.state === 'unknown') return [missing(resource, status, `the Amazon Inspector status of ${region}`, 'scanning')];
  // BatchGetAccountStatus answers DISABLED for an account that never activated Inspector; "absent" means the same.
  const ec2 = status.state === 'ok' ? status.value.ec2?.toUpperCase() : 'NOT ACTIVATED';
  const out: CheckResult<Message | 'missing'>[] = [];
  if (ec2 === 'ENABLED') {
    out.push({ status: 'pass', resource, detail: 'scanning', message: 'scanning', data: where });
  } else if (instances.state !== 'ok') {
    // Not scanning, and whether the region has instances to scan is unknown.
    return [missing(resource, instances, `the instances of ${region} (Inspector EC2 scanning is not enabled there)`, 'scanning')];
  } else if (status.state === 'absent') {
    out.push({ status: 'fail', resource, detail: 'scanning', message: 'notActivated', data: where });
  } else if (ec2 === undefined) {
    out.push({ status: 'unknown', resource, detail: 'scanning', message: 'noEc2State', data: { ...where, state: status.state === 'ok' ? status.value.state : '' } });
  } else {
    out.push({ status: 'fail', resource, detail: 'scanning', message: 'notScanning', data: { ...where, state: ec2 } });
  }
  if (ec2 !== 'ENABLED') return out;
  const f = r.inspector.activeFindings;
  if (f.state !== 'ok') {
    out.push(missing(resource, f, `the active Amazon Inspector findings of ${region}`, 'findings'));
  } else if (f.value.critical + f.value.high === 0) {
    out.push({ status: 'pass', resource, detail: 'findings', message: 'noFindings', data: { region } });
  } else {
    out.push({ status: 'fail', resource, detail: 'findings', message: 'findings', severity: f.value.critical > 0 ? 'high' : 'medium', data: { region, critical: f.value.critical, high: f.value.high } });
  }
  return out;
}

export default defineCheck({
  id: 'inspector.enabled',
  title: "Amazon Inspector scans the account's instances, and its critical findings are surfaced",
  description:
    'Amazon Inspector (v2) continuously scans EC2 instances for software vulnerabilities and unintended network exposure. It is activated per region and per resource type; a region with instances and no EC2 scanning has nobody looking for known-exploitable packages. Open critical and high findings are reported so they are not left unread in the console.',
  severity: 'medium',
  guideIds: ['inspector.enabled'],
  needs: ['regions.*.inspector.status', 'regions.*.inspector.activeFindings', 'regions.*.ec2.instances'],
  permissions: ['inspector2:BatchGetAccountStatus', 'inspector2:ListFindingAggregations', 'ec2:DescribeInstances'],
  sources: ['aws'],
  compliance: { fsbp: ['Inspector.1'] },
  remediation: {
    text: 'Activate Amazon Inspector EC2 scanning in every region with instances (in an organisation, from the delegated administrator with auto-enable for new members). Install or enable the SSM agent so that agent-based scanning covers the instances, or use agentless scanning. Triage critical and high findings first: patch, or rebuild from an updated image.',
    cli: 'aws inspector2 enable --resource-types EC2 --region eu-west-1\naws inspector2 list-findings --filter-criteria \'{"severity":[{"comparison":"EQUALS","value":"CRITICAL"}],"findingStatus":[{"comparison":"EQUALS","value":"ACTIVE"}]}\'',
    cloudformation: '# Inspector has no CloudFormation resource for activation: use the CLI or the console, or an AWS Organizations delegated administrator with auto-enable.',
    terraform: 'resource "aws_inspector2_enabler" "ec2" {\n  account_ids    = [data.aws_caller_identity.current.account_id]\n  resource_types = ["EC2"]\n}',
  },
  messages: {
    scanning: 'Amazon Inspector scans the EC2 instances of {{region}} ({{count}} instance(s)).',
    notScanning: 'Amazon Inspector EC2 scanning is {{state}} in {{region}}, which has {{count}} instance(s).',
    notActivated: 'Amazon Inspector is not activated in {{region}}, which has {{count}} instance(s).',
    noEc2State: 'Amazon Inspector reports account status {{state}} in {{region}} but no EC2 scanning status: whether its {{count}} instance(s) are scanned is unknown.',
    noFindings: 'Amazon Inspector has no active critical or high finding in {{region}}.',
    findings: 'Amazon Inspector has {{critical}} critical and {{high}} high active finding(s) in {{region}}: triage them in the Inspector console.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    return regionsOf(inventory).flatMap(([region, r]) => judgeRegion(inventory, region, r));
  },
});
