import { z } from 'zod';
import { whoCanMany, type WhoCanResult } from '../../policy/index.js';
import { defineCheck, type CheckResult } from '../types.js';
import { accountResource, missing } from '../helpers.js';
import { ActionList } from '../account/privileged-actions.js';
import { listText, policyView, principalLabel, viewGap } from '../account/policy-view.js';
import { zoneName, zoneResource } from './zone-resource.js';

const Options = z.object({
  /** Calls that change where a domain's traffic goes. */
  actions: ActionList.default(['route53:ChangeResourceRecordSets', 'route53:DeleteHostedZone', 'route53domains:UpdateDomainNameservers']),
  /** How many principals besides administrators may hold them before it is a finding. */
  maxPrincipals: z.number().int().min(0).default(2),
});

export default defineCheck({
  id: 'route53.limit-access',
  title: 'Only a few principals can change DNS records',
  description:
    "Whoever can change a zone's records can send its users, its mail and its certificate validations anywhere. Besides administrators, only the few deployment identities that need it should hold route53:ChangeResourceRecordSets, preferably scoped to their zone.",
  severity: 'high',
  guideIds: ['route53.limit-access'],
  needs: ['route53.hostedZones', 'iam.users', 'iam.groups', 'iam.roles', 'iam.policies'],
  permissions: ['route53:ListHostedZones', 'iam:GetAccountAuthorizationDetails'],
  sources: ['aws'],
  remediation: {
    text: 'Remove route53:ChangeResourceRecordSets (and route53:* or *) from everyone who does not manage DNS. Give the deployment identity that needs it a policy scoped to its own zone (Resource arn:aws:route53:::hostedzone/ZONE_ID), ideally with route53:ChangeResourceRecordSetsNormalizedRecordNames / RecordTypes conditions.',
    cli: 'aws iam detach-user-policy --user-name USER --policy-arn POLICY_ARN\naws iam put-role-policy --role-name dns-deployer --policy-name one-zone --policy-document \'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"route53:ChangeResourceRecordSets","Resource":"arn:aws:route53:::hostedzone/ZONE_ID"}]}\'',
    cloudformation:
      'DnsDeployerPolicy:\n  Type: AWS::IAM::Policy\n  Properties:\n    PolicyName: one-zone\n    Roles: [!Ref DnsDeployer]\n    PolicyDocument:\n      Version: "2012-10-17"\n      Statement:\n        - Effect: Allow\n          Action: route53:ChangeResourceRecordSets\n          Resource: !Sub "arn:${AWS::Partition}:route53:::hostedzone/${Zone}"',
    terraform:
      'data "aws_iam_policy_document" "one_zone" {\n  statement {\n    actions   = ["route53:ChangeResourceRecordSets"]\n    resources = ["arn:aws:route53:::hostedzone/${aws_route53_zone.main.zone_id}"]\n  }\n}\nresource "aws_iam_role_policy" "dns_deployer" {\n  role   = aws_iam_role.dns_deployer.id\n  policy = data.aws_iam_policy_document.one_zone.json\n}',
  },
  messages: {
    onlyAdmins: 'Zone {{zone}}: only administrators can change its records.',
    few: 'Zone {{zone}}: {{count}} principal(s) besides administrators can change its records ({{principals}}), within the limit of {{max}}.',
    tooMany: 'Zone {{zone}}: {{count}} principal(s) besides administrators can change its records, more than {{max}}: {{principals}}.',
    undecided: 'Zone {{zone}}: could not decide who can change its records: {{why}}.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  options: Options,
  evaluate({ inventory, options }) {
    const zones = inventory.route53.hostedZones;
    if (zones.state !== 'ok' && zones.state !== 'absent') return [missing(accountResource(inventory), zones, 'the hosted zones')];
    const pv = policyView(inventory);
    const gap = viewGap(pv);
    const out: CheckResult[] = [];
    const zoneList = zones.state === 'ok' ? zones.value : [];
    // Registrar calls (route53domains:*) name no hosted zone: one question serves every zone.
    const accountWide = new Map(options.actions.filter((a) => !a.startsWith('route53:')).map((action) => [action, pv.who({ action })]));
    // Zone calls: one question for all zones, so a principal whose policies ignore the zone is evaluated once.
    const perZone = new Map<string, WhoCanResult[]>();
    const zoneActions = options.actions.filter((a) => a.startsWith('route53:'));
    for (const e of whoCanMany(pv.view, zoneActions, zoneList.map((z) => z.arn))) perZone.set(`${e.action} ${e.resource ?? ''}`, e.results);
    for (const hz of zoneList) {
      const resource = zoneResource(hz);
      const zone = zoneName(hz);
      const others = new Map<string, string[]>();
      const undecided: string[] = [];
      for (const action of options.actions) {
        for (const r of accountWide.get(action) ?? perZone.get(`${action} ${hz.arn}`) ?? []) {
          const can = r.allowedWithMfa === true || r.allowedWithoutMfa === true;
          const admin = pv.admin(r.principal);
          if (can && admin === true) continue;
          const label = principalLabel(r);
          if (can && admin === false) others.set(label, [...(others.get(label) ?? []), action]);
          else undecided.push(`${label}: ${(r.undecidedBecause ?? ['its administrator status is undecided']).join('; ')}`);
        }
      }
      const names = listText([...others.keys()]);
      const max = options.maxPrincipals;
      const why = listText([...(gap ? [gap] : []), ...new Set(undecided)], 3);
      // Too many is proven by the sure ones alone; "few" needs everyone decided.
      if (others.size > max) out.push({ status: 'fail', resource, message: 'tooMany', data: { zone, count: others.size, max, principals: names }, evidence: Object.fromEntries(others) });
      else if (undecided.length > 0 || gap) out.push({ status: 'unknown', resource, message: 'undecided', data: { zone, why } });
      else if (others.size === 0) out.push({ status: 'pass', resource, message: 'onlyAdmins', data: { zone } });
      else out.push({ status: 'pass', resource, message: 'few', data: { zone, count: others.size, max, principals: names } });
    }
    return out;
  },
});
