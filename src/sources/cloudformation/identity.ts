import { arns, iamPath, type Where } from '../iac/arns.js';
import { Unknown, isUnknown } from '../iac/value.js';
import type { Value } from './evaluate.js';

/** A resource's evaluated properties, read lazily (a name may depend on another resource). */
export type Props = () => Record<string, Value>;

const name = (p: Record<string, Value>, key: string, fallback: string): string => {
  const v = p[key];
  return typeof v === 'string' && v !== '' ? v : fallback;
};

/**
 * What Ref returns for a resource, as AWS documents it per type. Names the template sets are
 * used; ids AWS generates are stood in for by the logical id, so references still meet.
 */
export function refOf(type: string, logicalId: string, props: Props, w: Where): Value {
  const p = () => props();
  switch (type) {
    case 'AWS::S3::Bucket':
      return name(p(), 'BucketName', logicalId.toLowerCase());
    case 'AWS::IAM::Role':
      return name(p(), 'RoleName', logicalId);
    case 'AWS::IAM::User':
      return name(p(), 'UserName', logicalId);
    case 'AWS::IAM::Group':
      return name(p(), 'GroupName', logicalId);
    case 'AWS::IAM::InstanceProfile':
      return name(p(), 'InstanceProfileName', logicalId);
    case 'AWS::IAM::ManagedPolicy':
      return arns.iam(w, 'policy', name(p(), 'ManagedPolicyName', logicalId), iamPath(p().Path));
    case 'AWS::RDS::DBInstance':
      return name(p(), 'DBInstanceIdentifier', logicalId.toLowerCase());
    case 'AWS::RDS::DBCluster':
      return name(p(), 'DBClusterIdentifier', logicalId.toLowerCase());
    case 'AWS::CloudTrail::Trail':
      return name(p(), 'TrailName', logicalId);
    case 'AWS::SNS::Topic':
      return arns.topic(w, name(p(), 'TopicName', logicalId));
    case 'AWS::ElasticLoadBalancingV2::LoadBalancer':
      return lbArn(logicalId, p(), w);
    case 'AWS::ElasticLoadBalancingV2::Listener':
      return arns.listener(w, logicalId);
    case 'AWS::ElasticLoadBalancingV2::TargetGroup':
      return arns.targetGroup(w, name(p(), 'Name', logicalId));
    case 'AWS::ElasticLoadBalancing::LoadBalancer':
      return name(p(), 'LoadBalancerName', logicalId);
    case 'AWS::WAFv2::WebACL':
      return `${name(p(), 'Name', logicalId)}|${logicalId}|${name(p(), 'Scope', 'REGIONAL')}`;
    case 'AWS::NetworkFirewall::Firewall':
      return arns.firewall(w, name(p(), 'FirewallName', logicalId));
    case 'AWS::NetworkFirewall::FirewallPolicy':
      return arns.firewallPolicy(w, name(p(), 'FirewallPolicyName', logicalId));
    case 'AWS::Logs::LogGroup':
      return name(p(), 'LogGroupName', logicalId);
    case 'AWS::CloudWatch::Alarm':
      return name(p(), 'AlarmName', logicalId);
    case 'AWS::KMS::Alias':
      return name(p(), 'AliasName', `alias/${logicalId}`);
    default:
      return logicalId;
  }
}

export function lbArn(logicalId: string, p: Record<string, Value>, w: Where): string {
  const type = typeof p.Type === 'string' ? p.Type : 'application';
  return arns.lbV2(w, type, name(p, 'Name', logicalId), logicalId);
}

/** Fn::GetAtt where the attribute is knowable before deploy; otherwise an Unknown naming it. */
export function getAttOf(type: string, logicalId: string, attribute: string, props: Props, w: Where, at: { file: string; line: number }): Value {
  const unknown = () => new Unknown(`${logicalId}.${attribute} is known only once the resource exists`, at);
  const ref = refOf(type, logicalId, props, w);
  if (isUnknown(ref)) return ref;
  const r = String(ref);
  const p = props();
  switch (`${type}.${attribute}`) {
    case 'AWS::S3::Bucket.Arn':
      return arns.bucket(w, r);
    case 'AWS::S3::Bucket.DomainName':
      return `${r}.s3.amazonaws.com`;
    case 'AWS::S3::Bucket.RegionalDomainName':
      return `${r}.s3.${w.region}.amazonaws.com`;
    case 'AWS::S3::Bucket.DualStackDomainName':
      return `${r}.s3.dualstack.${w.region}.amazonaws.com`;
    case 'AWS::S3::Bucket.WebsiteURL':
      return `http://${r}.s3-website-${w.region}.amazonaws.com`;
    case 'AWS::IAM::Role.Arn':
      return arns.iam(w, 'role', r, iamPath(p.Path));
    case 'AWS::IAM::Role.RoleName':
      return r;
    case 'AWS::IAM::User.Arn':
      return arns.iam(w, 'user', r, iamPath(p.Path));
    case 'AWS::IAM::Group.Arn':
      return arns.iam(w, 'group', r, iamPath(p.Path));
    case 'AWS::IAM::InstanceProfile.Arn':
      return arns.iam(w, 'instance-profile', r, iamPath(p.Path));
    case 'AWS::IAM::ManagedPolicy.PolicyArn':
      return r;
    case 'AWS::EC2::SecurityGroup.GroupId':
      return r;
    case 'AWS::EC2::SecurityGroup.VpcId':
      return p.VpcId ?? unknown();
    case 'AWS::EC2::VPC.CidrBlock':
      return p.CidrBlock ?? unknown();
    case 'AWS::EC2::VPC.VpcId':
    case 'AWS::EC2::Subnet.SubnetId':
    case 'AWS::EC2::Instance.InstanceId':
    case 'AWS::EC2::Volume.VolumeId':
    case 'AWS::KMS::Key.KeyId':
    case 'AWS::GuardDuty::Detector.Id':
    case 'AWS::CloudFront::Distribution.Id':
    case 'AWS::Route53::HostedZone.Id':
    case 'AWS::WAFv2::WebACL.Id':
      return logicalId;
    case 'AWS::EC2::Subnet.VpcId':
      return p.VpcId ?? unknown();
    case 'AWS::KMS::Key.Arn':
      return arns.kmsKey(w, logicalId);
    case 'AWS::SNS::Topic.TopicArn':
      return r;
    case 'AWS::SNS::Topic.TopicName':
      return name(p, 'TopicName', logicalId);
    case 'AWS::CloudTrail::Trail.Arn':
      return arns.trail(w, r);
    case 'AWS::RDS::DBInstance.DBInstanceArn':
      return arns.rdsDb(w, r);
    case 'AWS::RDS::DBCluster.DBClusterArn':
      return arns.rdsCluster(w, r);
    case 'AWS::ElasticLoadBalancingV2::LoadBalancer.LoadBalancerArn':
      return r;
    case 'AWS::ElasticLoadBalancingV2::LoadBalancer.LoadBalancerName':
      return name(p, 'Name', logicalId);
    case 'AWS::ElasticLoadBalancingV2::Listener.ListenerArn':
      return r;
    case 'AWS::WAFv2::WebACL.Arn':
      return arns.webAcl(w, p.Scope === 'CLOUDFRONT' ? 'CLOUDFRONT' : 'REGIONAL', name(p, 'Name', logicalId), logicalId);
    case 'AWS::Logs::LogGroup.Arn':
      return arns.logGroup(w, r);
    case 'AWS::NetworkFirewall::Firewall.FirewallArn':
    case 'AWS::NetworkFirewall::FirewallPolicy.FirewallPolicyArn':
      return r;
    case 'AWS::CloudWatch::Alarm.Arn':
      return arns.alarm(w, r);
    default:
      // An id AWS generates: the logical id stands in for it, as for Ref.
      return attribute === 'Id' ? logicalId : unknown();
  }
}
