/**
 * whoCanMany: several actions and resources in one question. Its answers must be exactly those of
 * whoCan asked one (action, resource) at a time; it only avoids evaluating again what cannot differ.
 */
import { describe, expect, it } from 'vitest';
import { whoCan, whoCanMany, type IamView, type IamViewPolicy } from '../index.js';
import { ACCOUNT, doc, OTHER } from './helpers.js';

const arn = (r: string): string => `arn:aws:iam::${ACCOUNT}:${r}`;
const zone = (id: string): string => `arn:aws:route53:::hostedzone/${id}`;
const ZONES = [zone('Z1'), zone('Z2'), zone('Z3')];
const ACTIONS = ['route53:ChangeResourceRecordSets', 'route53:DeleteHostedZone'];
const inline = (name: string, ...statements: Record<string, unknown>[]): IamViewPolicy => ({ name, kind: 'inline', document: doc(...statements) });

const view: IamView = {
  accountId: ACCOUNT,
  groups: [{ arn: arn('group/dns'), name: 'dns', policies: [inline('all-zones', { Effect: 'Allow', Action: 'route53:*', Resource: '*' })] }],
  users: [
    { arn: arn('user/admin'), name: 'admin', groups: [], policies: [inline('admin', { Effect: 'Allow', Action: '*', Resource: '*' })] },
    { arn: arn('user/one'), name: 'one', groups: [], policies: [inline('one-zone', { Effect: 'Allow', Action: 'route53:ChangeResourceRecordSets', Resource: zone('Z2') })] },
    { arn: arn('user/most'), name: 'most', groups: ['dns'], policies: [inline('not-z3', { Effect: 'Deny', Action: 'route53:*', Resource: zone('Z3') })] },
    { arn: arn('user/prefix'), name: 'prefix', groups: [], policies: [inline('z-star', { Effect: 'Allow', Action: 'route53:Change*', NotResource: zone('Z1') })] },
    { arn: arn('user/mfa'), name: 'mfa', groups: [], policies: [inline('mfa', { Effect: 'Allow', Action: 'route53:*', Resource: zone('Z1'), Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } })] },
    { arn: arn('user/reader'), name: 'reader', groups: [], policies: [inline('read', { Effect: 'Allow', Action: ['route53:Get*', 'route53:List*'], Resource: '*' })] },
  ],
  roles: [{ arn: arn('role/ops'), name: 'ops', policies: [inline('deleter', { Effect: 'Allow', Action: 'route53:DeleteHostedZone', Resource: 'arn:aws:route53:::hostedzone/Z*' })] }],
};

const names = (rs: { name: string }[]): string[] => rs.map((r) => r.name);

describe('whoCanMany › one answer per (action, resource), as whoCan gives it', () => {
  const many = whoCanMany(view, ACTIONS, ZONES);
  it('answers every action for every resource, actions in the outer loop', () => {
    expect(many.map((e) => [e.action, e.resource])).toEqual(ACTIONS.flatMap((a) => ZONES.map((z) => [a, z])));
  });
  it.each(ACTIONS.flatMap((action) => ZONES.map((resource) => [action, resource] as const)))('%s on %s: the same principals, answers and policies as whoCan', (action, resource) => {
    const entry = many.find((e) => e.action === action && e.resource === resource);
    expect(entry?.results).toEqual(whoCan(view, { action, resource }));
  });
  it('resource-specific statements count per zone: a Deny on Z3, a NotResource on Z1, a grant on Z2 only', () => {
    const change = (z: string): string[] => names(many.find((e) => e.action === ACTIONS[0] && e.resource === z)?.results ?? []);
    expect(change(zone('Z1'))).toEqual(['admin', 'most', 'mfa']);
    expect(change(zone('Z2'))).toEqual(['admin', 'one', 'most', 'prefix']);
    expect(change(zone('Z3'))).toEqual(['admin', 'prefix']);
  });
  it('a principal whose policies ignore the resource is evaluated once: the same result object for every zone', () => {
    const admins = many.filter((e) => e.action === ACTIONS[0]).map((e) => e.results.find((r) => r.name === 'admin'));
    expect(admins[0]).toBeDefined();
    expect(admins[1]).toBe(admins[0]);
    expect(admins[2]).toBe(admins[0]);
  });
  it('a target without a resource is "*", as with whoCan', () => {
    const [e] = whoCanMany(view, ['route53:ChangeResourceRecordSets'], [{}]);
    expect(e?.resource).toBeUndefined();
    expect(e?.results).toEqual(whoCan(view, { action: 'route53:ChangeResourceRecordSets' }));
  });
  it('a target can bring its own resource policy; others are unaffected by it', () => {
    const bucket = (b: string): string => `arn:aws:s3:::${b}/key`;
    const grant = doc({ Effect: 'Allow', Principal: { AWS: arn('user/reader') }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared/*' });
    const [shared, other] = whoCanMany(view, ['s3:GetObject'], [{ resource: bucket('shared'), resourcePolicy: grant }, bucket('other')]);
    expect(names(shared?.results ?? [])).toEqual(['admin', 'reader']);
    expect(names(other?.results ?? [])).toEqual(['admin']);
  });
  it('Cross-account policy evaluation logic: a resource ARN of another account needs that account to allow too', () => {
    const [own, foreign] = whoCanMany(view, ['sqs:SendMessage'], [`arn:aws:sqs:us-east-1:${ACCOUNT}:q`, `arn:aws:sqs:us-east-1:${OTHER}:q`]);
    expect(names(own?.results ?? [])).toEqual(['admin']);
    expect(foreign?.results).toEqual([]);
  });
});
