import {
  absent,
  emptyInventory,
  notCollected,
  ok,
  type Bucket,
  type Inventory,
  type NetworkInterface,
  type RegionalInventory,
} from '../../inventory/index.js';
import type { IacCollector, RegionDrafts } from './collector.js';

export interface AssembleMeta {
  source: 'cloudformation' | 'terraform';
  collectedAt: string;
  files: string[];
  /** Regions to include even when nothing was declared there (the default region). */
  regions: string[];
  description?: string;
}

const WHY = 'templates do not declare it';

/**
 * Joins the parts onto their owners (split S3 resources onto buckets, rules onto security
 * groups, listeners onto load balancers...) and builds the inventory. Lists Rampart maps from
 * templates are `ok` (possibly empty: the template declares none); account-wide settings a
 * template did not declare stay "not collected", since they live outside the template.
 */
export function assemble(c: IacCollector, meta: AssembleMeta): Inventory {
  // The regions resources are declared in; the default region only when there are none.
  const declaredRegions = [...c.regions().map(([r]) => r), ...c.buckets.map((b) => b.region)];
  const regionNames = [...new Set(declaredRegions.length ? declaredRegions : meta.regions)].sort();
  const inv = emptyInventory(
    {
      source: meta.source,
      origin: 'iac',
      accountId: c.accountId,
      partition: c.partition,
      collectedAt: meta.collectedAt,
      regions: regionNames,
      files: meta.files,
      ...(meta.description ? { description: meta.description } : {}),
    },
    WHY,
  );

  inv.s3.buckets = ok(joinBuckets(c));
  if (c.accountPublicAccessBlock) inv.s3.accountPublicAccessBlock = c.accountPublicAccessBlock;
  if (c.passwordPolicy) inv.iam.passwordPolicy = c.passwordPolicy;
  for (const [k, v] of Object.entries(c.alternateContacts)) {
    if (v) inv.account.alternateContacts[k as keyof typeof c.alternateContacts] = v;
  }
  joinIam(c, inv);
  inv.cloudfront.distributions = ok(c.distributions);
  inv.wafGlobal.webAcls = ok(c.globalWebAcls);
  inv.route53.hostedZones = ok(joinZones(c));

  const allRegions = new Map(c.regions());
  for (const name of regionNames) {
    const drafts = allRegions.get(name) ?? c.region(name);
    inv.regions[name] = regionOf(drafts, inv.regions[name]!, c, name);
  }
  // CLOUDFRONT-scope web ACLs can be linked from a distribution; regional associations from any region.
  return inv;
}

function joinBuckets(c: IacCollector): Bucket[] {
  const byName = new Map(c.buckets.map((b) => [b.name, b]));
  for (const part of c.bucketParts) {
    const b = byName.get(part.bucket) ?? byName.get(part.bucket.replace(/^arn:[^:]+:s3:::/, ''));
    if (!b) continue; // a bucket managed elsewhere
    (b as Record<string, unknown>)[part.field] = part.value;
  }
  for (const b of c.buckets) {
    // AWS's verdict on a policy exists only once the bucket does.
    b.policyStatus =
      b.policy.state === 'absent'
        ? absent()
        : { state: 'unknown', reason: 'AWS computes the policy status once the bucket exists', ...(b.location ? { location: b.location } : {}) };
  }
  return c.buckets;
}

function joinIam(c: IacCollector, inv: Inventory): void {
  const find = <T extends { name: string }>(list: T[], name: string) => list.find((x) => x.name === name);
  for (const ip of c.inlinePolicies) {
    const owner = ip.kind === 'user' ? find(c.users, ip.name) : ip.kind === 'group' ? find(c.groups, ip.name) : find(c.roles, ip.name);
    if (owner && !owner.inlinePolicies.some((p) => p.name === ip.policy.name)) owner.inlinePolicies.push(ip.policy);
  }
  const counts = new Map<string, number>();
  for (const a of c.attachments) {
    const owner = a.kind === 'user' ? find(c.users, a.name) : a.kind === 'group' ? find(c.groups, a.name) : find(c.roles, a.name);
    if (!owner) continue;
    if (!owner.attachedManagedPolicies.includes(a.policyArn)) owner.attachedManagedPolicies.push(a.policyArn);
  }
  for (const p of [...c.users, ...c.groups, ...c.roles]) {
    for (const arn of p.attachedManagedPolicies) counts.set(arn, (counts.get(arn) ?? 0) + 1);
  }
  for (const m of c.memberships) {
    const u = find(c.users, m.user);
    if (u && !u.groups.includes(m.group)) u.groups.push(m.group);
  }
  for (const p of c.policies) p.attachmentCount = counts.get(p.arn) ?? 0;
  // A principal whose policies hold deploy-time values cannot pass either (see identityPolicy).
  const pending = (doc: unknown) => /\$\{deploy-time: ([^}]*)\}/.exec(JSON.stringify(doc))?.[1];
  for (const p of [...c.users, ...c.groups, ...c.roles]) {
    for (const ip of p.inlinePolicies) {
      const reason = pending(ip.document);
      if (reason) c.deferred.push({ resourceId: p.arn, field: `policy ${ip.name}`, reason, ...(p.location ? { location: p.location } : {}) });
    }
    for (const arn of p.attachedManagedPolicies) {
      const mp = c.policies.find((x) => x.arn === arn);
      const reason = mp ? pending(mp.document) : undefined;
      if (mp && reason) c.deferred.push({ resourceId: p.arn, field: `policy ${mp.name}`, reason, ...(mp.location ? { location: mp.location } : {}) });
    }
  }
  inv.iam.users = ok(c.users);
  inv.iam.groups = ok(c.groups);
  inv.iam.roles = ok(c.roles);
  inv.iam.policies = ok(c.policies);
}

function joinZones(c: IacCollector) {
  for (const { zoneId, record } of c.records) {
    const z = c.hostedZones.find((h) => h.id === zoneId || h.arn === zoneId || h.name === zoneId || h.name === `${zoneId}.`);
    if (!z || z.records.state !== 'ok') continue;
    // Terraform accepts names relative to the zone ("www"); Route 53 stores them fully qualified.
    const zone = z.name.replace(/\.$/, '');
    let name = record.name.replace(/\.$/, '');
    if (name !== zone && !name.endsWith(`.${zone}`)) name = name === '' || name === '@' ? zone : `${name}.${zone}`;
    z.records.value.push({ ...record, name: `${name}.` });
  }
  return c.hostedZones;
}

function regionOf(d: RegionDrafts, base: RegionalInventory, c: IacCollector, region: string): RegionalInventory {
  // Security groups: the separate rule resources join the group they name.
  for (const r of d.sgRules) {
    const g = d.securityGroups.find((s) => s.id === r.groupId || s.arn === r.groupId);
    if (g) g[r.direction].push(r.rule);
  }
  for (const a of d.volumeAttachments) {
    const v = d.volumes.find((x) => x.id === a.volumeId || x.arn === a.volumeId);
    if (v && !v.attachedInstanceIds.includes(a.instanceId)) {
      v.attachedInstanceIds.push(a.instanceId);
      v.state = 'in-use';
    }
  }
  for (const e of d.naclEntries) d.networkAcls.find((n) => n.id === e.naclId)?.entries.push(e.entry);
  for (const s of d.naclSubnets) d.networkAcls.find((n) => n.id === s.naclId)?.subnetIds.push(s.subnetId);
  for (const db of d.dbInstances) {
    const cl = db.clusterId ? d.dbClusters.find((x) => x.id === db.clusterId) : undefined;
    if (cl) {
      // Aurora members take storage encryption from their cluster.
      db.storageEncrypted = cl.storageEncrypted;
      if (cl.kmsKeyId) db.kmsKeyId = cl.kmsKeyId;
      if (!cl.memberIds.includes(db.id)) cl.memberIds.push(db.id);
    }
  }
  for (const p of d.classicPolicies) {
    const lb = d.classicLbs.find((x) => x.name === p.lbName);
    if (lb && lb.policies.state === 'ok') lb.policies.value.push(p.policy);
  }
  for (const p of d.classicListenerPolicies) {
    const l = d.classicLbs.find((x) => x.name === p.lbName)?.listeners.find((x) => x.port === p.port);
    if (l) l.policyNames = [...new Set([...l.policyNames, ...p.policyNames])];
  }
  for (const l of d.listeners) {
    const lb = d.lbs.find((x) => x.arn === l.lbArn || x.name === l.lbArn);
    if (lb && lb.listeners.state === 'ok') lb.listeners.value.push(l.listener);
  }
  for (const r of d.listenerRules) {
    const l = d.listeners.find((x) => x.listener.arn === r.listenerArn)?.listener;
    if (!l) continue;
    if (r.rule.state !== 'ok') l.rules = r.rule;
    else if (l.rules?.state === 'ok') l.rules.value.push(r.rule.value);
  }
  for (const a of d.lbAttributes) {
    const lb = d.lbs.find((x) => x.arn === a.lbArn || x.name === a.lbArn);
    if (lb && lb.attributes.state === 'ok') lb.attributes = ok({ ...lb.attributes.value, ...a.attributes });
  }
  const acls = [...d.webAcls, ...(region === 'us-east-1' ? c.globalWebAcls : [])];
  for (const a of d.wafAssociations) {
    const acl = acls.find((x) => x.arn === a.webAclArn || x.id === a.webAclArn);
    if (acl && acl.associatedResources.state === 'ok' && !acl.associatedResources.value.includes(a.resourceArn)) {
      acl.associatedResources.value.push(a.resourceArn);
    }
  }
  for (const l of d.wafLogging) {
    const acl = acls.find((x) => x.arn === l.webAclArn || x.id === l.webAclArn);
    if (acl) acl.logging = ok({ destinations: l.destinations });
  }
  for (const p of d.topicPolicies) {
    const t = d.topics.find((x) => x.arn === p.topicArn);
    if (t) t.policy = p.policy;
  }
  for (const s of d.subscriptions) {
    const t = d.topics.find((x) => x.arn === s.topicArn);
    if (t && t.subscriptions.state === 'ok') t.subscriptions.value.push(s.subscription);
  }
  for (const a of d.keyAliases) {
    const k = d.keys.find((x) => x.id === a.keyRef || x.arn === a.keyRef);
    if (k && !k.aliases.includes(a.alias)) k.aliases.push(a.alias);
  }

  return {
    ...base,
    ec2: {
      ...base.ec2,
      instances: ok(d.instances),
      securityGroups: ok(d.securityGroups),
      networkInterfaces: ok([...d.networkInterfaces, ...impliedInterfaces(d, c, region)]),
      volumes: ok(d.volumes),
      ebsEncryptionByDefault: d.ebsDefault?.enabled
        ? d.ebsDefault.enabled.state === 'ok'
          ? ok({ enabled: d.ebsDefault.enabled.value, ...(d.ebsDefault.kmsKeyId ? { kmsKeyId: d.ebsDefault.kmsKeyId } : {}) })
          : d.ebsDefault.enabled.state === 'unknown'
            ? d.ebsDefault.enabled
            : base.ec2.ebsEncryptionByDefault
        : base.ec2.ebsEncryptionByDefault,
      vpcs: ok(d.vpcs),
      flowLogs: ok(d.flowLogs),
      networkAcls: ok(d.networkAcls),
      vpnConnections: ok(d.vpnConnections),
      images: notCollected('ec2:DescribeImages', 'templates name images, they do not describe them'),
      // Templates declare no snapshots (they are taken from running volumes): none to judge.
      snapshots: ok([]),
      peeringConnections: notCollected('ec2:DescribeVpcPeeringConnections', 'Rampart does not read peering from templates'),
    },
    rds: { ...base.rds, instances: ok(d.dbInstances), clusters: ok(d.dbClusters), snapshots: ok([]) },
    cloudtrail: { trails: ok(d.trails) },
    cloudwatch: { alarms: ok(d.alarms) },
    elb: { classic: ok(d.classicLbs), v2: ok(d.lbs) },
    wafv2: { webAcls: ok(d.webAcls) },
    // GuardDuty is account state: a template without a detector says nothing about the account.
    guardduty: d.detectors.length ? { detectors: ok(d.detectors) } : base.guardduty,
    networkFirewall: { firewalls: ok(d.firewalls) },
    sns: { topics: ok(d.topics) },
    kms: { keys: ok(d.keys) },
  };
}

/**
 * The network interfaces AWS creates for what a template declares: one per instance, database
 * and load balancer, and one for any other resource that names a security group (a Lambda
 * function in a VPC, an ECS service...). Without them every group would look unused.
 */
function impliedInterfaces(d: RegionDrafts, c: IacCollector, region: string): NetworkInterface[] {
  const out: NetworkInterface[] = [];
  const add = (id: string, groups: string[], type: string, extra: Partial<NetworkInterface> = {}) => {
    if (groups.length) out.push({ id: `eni:${id}`, securityGroupIds: groups, interfaceType: type, status: 'in-use', requesterManaged: type !== 'interface', ...extra });
  };
  for (const i of d.instances) add(i.id, i.securityGroupIds, 'interface', { attachedInstanceId: i.id, ...(i.vpcId ? { vpcId: i.vpcId } : {}) });
  for (const db of d.dbInstances) add(db.id, db.securityGroupIds, 'rds', db.vpcId ? { vpcId: db.vpcId } : {});
  for (const lb of d.lbs) add(lb.arn, lb.securityGroupIds, 'load_balancer', lb.vpcId ? { vpcId: lb.vpcId } : {});
  for (const lb of d.classicLbs) add(lb.arn, lb.securityGroupIds, 'load_balancer', lb.vpcId ? { vpcId: lb.vpcId } : {});
  const groupIds = new Set(d.securityGroups.map((g) => g.id));
  for (const ref of c.otherReferences) {
    if (ref.region !== region) continue;
    const used = [...new Set(ref.strings.filter((s) => groupIds.has(s)))];
    add(ref.address, used, 'other', { description: `used by ${ref.address}` });
  }
  return out;
}
