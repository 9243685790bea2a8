import type {
  Alarm,
  Attr,
  Bucket,
  ClassicLoadBalancer,
  DbCluster,
  DbInstance,
  Distribution,
  FlowLog,
  HostedZone,
  IamGroup,
  IamRole,
  IamUser,
  InlinePolicy,
  Instance,
  KmsKey,
  Listener,
  ListenerRule,
  LoadBalancerV2,
  ManagedPolicy,
  NetworkAcl,
  NetworkFirewallInventory,
  NetworkInterface,
  PasswordPolicy,
  PublicAccessBlock,
  RecordSet,
  SecurityGroup,
  SecurityGroupRule,
  SnsTopic,
  SourceLocation,
  Trail,
  Volume,
  Vpc,
  VpnConnection,
  WebAcl,
  AccountInventory,
  GuardDutyInventory,
  PolicyDocument,
} from '../../inventory/index.js';
import { FieldReader, type DeferredField } from './fields.js';

type Firewall = Extract<NetworkFirewallInventory['firewalls'], { state: 'ok' }>['value'][number];
type Detector = Extract<GuardDutyInventory['detectors'], { state: 'ok' }>['value'][number];
type Subscription = Extract<SnsTopic['subscriptions'], { state: 'ok' }>['value'][number];
type NaclEntry = NetworkAcl['entries'][number];

/** Bucket attributes that the split Terraform resources (and CloudFormation's BucketPolicy) set. */
export type BucketAttrField = 'acl' | 'policy' | 'publicAccessBlock' | 'ownershipControls' | 'versioning' | 'encryption' | 'lifecycle' | 'logging' | 'tags';
export interface BucketPart<K extends BucketAttrField = BucketAttrField> {
  /** The bucket's name, as the part names it. */
  bucket: string;
  field: K;
  value: Bucket[K];
  /** Where the part is declared: a finding on the bucket can point at the bucket itself. */
  location?: SourceLocation;
}

export type PrincipalKind = 'user' | 'group' | 'role';

/** What one region of one template set declares. */
export interface RegionDrafts {
  instances: Instance[];
  securityGroups: SecurityGroup[];
  sgRules: Array<{ groupId: string; direction: 'ingress' | 'egress'; rule: SecurityGroupRule }>;
  networkInterfaces: NetworkInterface[];
  volumes: Volume[];
  volumeAttachments: Array<{ volumeId: string; instanceId: string }>;
  ebsDefault?: { enabled?: Attr<boolean>; kmsKeyId?: string };
  vpcs: Vpc[];
  flowLogs: FlowLog[];
  networkAcls: NetworkAcl[];
  naclEntries: Array<{ naclId: string; entry: NaclEntry }>;
  naclSubnets: Array<{ naclId: string; subnetId: string }>;
  vpnConnections: VpnConnection[];
  dbInstances: DbInstance[];
  dbClusters: DbCluster[];
  trails: Trail[];
  alarms: Alarm[];
  classicLbs: ClassicLoadBalancer[];
  classicPolicies: Array<{ lbName: string; policy: Extract<ClassicLoadBalancer['policies'], { state: 'ok' }>['value'][number] }>;
  classicListenerPolicies: Array<{ lbName: string; port: number; policyNames: string[] }>;
  lbs: LoadBalancerV2[];
  listeners: Array<{ lbArn: string; listener: Listener }>;
  /** Separate rule resources, joined onto their listener; a deploy-time rule makes the listener's rules unknown. */
  listenerRules: Array<{ listenerArn: string; rule: Attr<ListenerRule> }>;
  lbAttributes: Array<{ lbArn: string; attributes: Record<string, string> }>;
  webAcls: WebAcl[];
  wafAssociations: Array<{ webAclArn: string; resourceArn: string }>;
  wafLogging: Array<{ webAclArn: string; destinations: string[] }>;
  detectors: Detector[];
  firewalls: Firewall[];
  topics: SnsTopic[];
  topicPolicies: Array<{ topicArn: string; policy: Attr<PolicyDocument> }>;
  subscriptions: Array<{ topicArn: string; subscription: Subscription }>;
  keys: KmsKey[];
  keyAliases: Array<{ keyRef: string; alias: string }>;
}

function emptyRegionDrafts(): RegionDrafts {
  return {
    instances: [], securityGroups: [], sgRules: [], networkInterfaces: [], volumes: [], volumeAttachments: [],
    vpcs: [], flowLogs: [], networkAcls: [], naclEntries: [], naclSubnets: [], vpnConnections: [], dbInstances: [],
    dbClusters: [], trails: [], alarms: [], classicLbs: [], classicPolicies: [], classicListenerPolicies: [], lbs: [], listeners: [], listenerRules: [], lbAttributes: [], webAcls: [],
    wafAssociations: [], wafLogging: [], detectors: [], firewalls: [], topics: [], topicPolicies: [], subscriptions: [],
    keys: [], keyAliases: [],
  };
}

/**
 * Gathers what the mappers read from templates, before the parts are joined onto their owners
 * (see ./assemble.ts). One collector per source kind and template set.
 */
export class IacCollector {
  readonly deferred: DeferredField[] = [];
  readonly buckets: Bucket[] = [];
  readonly bucketParts: BucketPart[] = [];
  accountPublicAccessBlock?: Attr<PublicAccessBlock>;
  passwordPolicy?: Attr<PasswordPolicy>;
  alternateContacts: Partial<AccountInventory['alternateContacts']> = {};
  readonly users: IamUser[] = [];
  readonly groups: IamGroup[] = [];
  readonly roles: IamRole[] = [];
  readonly policies: ManagedPolicy[] = [];
  readonly inlinePolicies: Array<{ kind: PrincipalKind; name: string; policy: InlinePolicy }> = [];
  readonly attachments: Array<{ kind: PrincipalKind; name: string; policyArn: string }> = [];
  readonly memberships: Array<{ group: string; user: string }> = [];
  readonly distributions: Distribution[] = [];
  readonly globalWebAcls: WebAcl[] = [];
  readonly hostedZones: HostedZone[] = [];
  readonly records: Array<{ zoneId: string; record: RecordSet }> = [];
  /** Strings that resources Rampart does not model refer to (security group ids: they use those groups). */
  readonly otherReferences: Array<{ address: string; region: string; strings: string[] }> = [];
  private readonly byRegion = new Map<string, RegionDrafts>();

  constructor(
    readonly accountId: string,
    readonly partition: string,
  ) {}

  region(name: string): RegionDrafts {
    let r = this.byRegion.get(name);
    if (!r) {
      r = emptyRegionDrafts();
      this.byRegion.set(name, r);
    }
    return r;
  }

  regions(): Array<[string, RegionDrafts]> {
    return [...this.byRegion.entries()].sort(([a], [b]) => a.localeCompare(b));
  }

  /** A field reader for one resource, recording its deploy-time fields. */
  fields(resourceId: string, location: SourceLocation | undefined): FieldReader {
    return new FieldReader(this.deferred, resourceId, location);
  }
}
