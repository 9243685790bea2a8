import type { WebAcl } from '../../inventory/index.js';
import { missing } from '../helpers.js';
import { defineCheck, type CheckResult } from '../types.js';
import { forEachWebAcl, webAclResource } from './web-acls.js';

type Msg = 'hasRules' | 'noRules' | 'logging' | 'noLogging' | 'missing';

const MAX_NAMES = 5;
function ruleNames(acl: WebAcl): string {
  const names = [...acl.rules].sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0)).map((r) => r.name);
  return names.slice(0, MAX_NAMES).join(', ') + (names.length > MAX_NAMES ? ` and ${names.length - MAX_NAMES} more` : '');
}

function judge(acl: WebAcl, region: string): CheckResult<Msg>[] {
  const resource = webAclResource(acl, region);
  const data = { acl: acl.name, scope: acl.scope, action: acl.defaultAction };
  const rules: CheckResult<Msg> =
    acl.rules.length > 0
      ? { status: 'pass', resource, detail: 'rules', message: 'hasRules', data: { ...data, count: acl.rules.length, names: ruleNames(acl) } }
      : { status: 'fail', resource, detail: 'rules', message: 'noRules', data };
  const log = acl.logging;
  let logging: CheckResult<Msg>;
  if (log.state === 'ok' && log.value.destinations.length > 0) {
    logging = { status: 'pass', resource, detail: 'logging', message: 'logging', data: { ...data, destinations: log.value.destinations.join(', ') } };
  } else if (log.state === 'ok' || log.state === 'absent') {
    logging = { status: 'fail', resource, detail: 'logging', message: 'noLogging', data, severity: 'low' };
  } else {
    logging = missing(resource, log, `the logging configuration of web ACL ${acl.name}`, 'logging');
  }
  // WAF.10 asks for a rule; logging is Security Hub's WAF.11, which Rampart does not cite.
  return [rules, { ...logging, compliance: {} }];
}

export default defineCheck<Record<string, never>, Msg>({
  id: 'waf.rules',
  title: 'Each WAF web ACL has rules and logging',
  description:
    'A web ACL comes with no rules: until rules (managed rule groups, rate limits, your own conditions) are added, it applies its default action to every request and filters nothing. Without logging, blocked and allowed requests leave no trace to investigate or tune the rules with.',
  severity: 'medium',
  guideIds: ['waf.rules'],
  needs: ['regions.*.wafv2.webAcls', 'wafGlobal.webAcls'],
  permissions: ['wafv2:ListWebACLs', 'wafv2:GetWebACL', 'wafv2:GetLoggingConfiguration'],
  sources: ['aws', 'cloudformation', 'terraform'],
  compliance: { fsbp: ['WAF.10'] },
  remediation: {
    text: 'Add rules to the web ACL: start with the AWS managed rule groups (AWSManagedRulesCommonRuleSet, AWSManagedRulesKnownBadInputsRuleSet, AWSManagedRulesAmazonIpReputationList) and a rate-based rule, in count mode first, then block. Send its logs to CloudWatch Logs, S3 or Firehose (the destination name must start with aws-waf-logs-).',
    cli: 'aws wafv2 get-web-acl --scope REGIONAL --name NAME --id ID   # note the LockToken\naws wafv2 update-web-acl --scope REGIONAL --name NAME --id ID --lock-token TOKEN --default-action Allow={} \\\n  --visibility-config SampledRequestsEnabled=true,CloudWatchMetricsEnabled=true,MetricName=NAME \\\n  --rules \'[{"Name":"common","Priority":0,"OverrideAction":{"None":{}},"Statement":{"ManagedRuleGroupStatement":{"VendorName":"AWS","Name":"AWSManagedRulesCommonRuleSet"}},"VisibilityConfig":{"SampledRequestsEnabled":true,"CloudWatchMetricsEnabled":true,"MetricName":"common"}}]\'\naws wafv2 put-logging-configuration --logging-configuration ResourceArn=WEB_ACL_ARN,LogDestinationConfigs=arn:aws:logs:REGION:ACCOUNT:log-group:aws-waf-logs-NAME',
    cloudformation:
      'Rules:\n  - Name: common\n    Priority: 0\n    OverrideAction: { None: {} }\n    Statement:\n      ManagedRuleGroupStatement: { VendorName: AWS, Name: AWSManagedRulesCommonRuleSet }\n    VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: common }\n# and a logging configuration:\nWafLogging:\n  Type: AWS::WAFv2::LoggingConfiguration\n  Properties:\n    ResourceArn: !GetAtt WebAcl.Arn\n    LogDestinationConfigs: [!GetAtt WafLogGroup.Arn]   # log group named aws-waf-logs-...',
    terraform:
      'rule {\n  name     = "common"\n  priority = 0\n  override_action {\n    none {}\n  }\n  statement {\n    managed_rule_group_statement {\n      vendor_name = "AWS"\n      name        = "AWSManagedRulesCommonRuleSet"\n    }\n  }\n  visibility_config {\n    sampled_requests_enabled   = true\n    cloudwatch_metrics_enabled = true\n    metric_name                = "common"\n  }\n}\n\nresource "aws_wafv2_web_acl_logging_configuration" "this" {\n  resource_arn            = aws_wafv2_web_acl.this.arn\n  log_destination_configs = [aws_cloudwatch_log_group.waf.arn] # name starts with aws-waf-logs-\n}',
  },
  messages: {
    hasRules: 'Web ACL {{acl}} ({{scope}}) has {{count}} rule(s): {{names}}.',
    noRules: 'Web ACL {{acl}} ({{scope}}) has no rules: it applies its default action ({{action}}) to every request and filters nothing.',
    logging: 'Web ACL {{acl}} ({{scope}}) logs to {{destinations}}.',
    noLogging: 'Web ACL {{acl}} ({{scope}}) has no logging configured: its decisions leave no trace.',
    missing: 'Could not read {{what}}: {{why}}.',
  },
  evaluate({ inventory }) {
    return forEachWebAcl<Msg>(inventory, judge);
  },
});
