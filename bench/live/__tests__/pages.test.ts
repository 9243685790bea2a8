import { describe, expect, it } from 'vitest';
import { decodeToken, InvalidTokenError, minPages, pageOf } from '../pages.js';

describe('pageOf', () => {
  it('covers a list exactly once, in pages of the requested size', () => {
    const seen: number[] = [];
    let token: string | undefined;
    let calls = 0;
    do {
      const p = pageOf('ec2:DescribeInstances', 2345, token, 1000);
      for (let i = p.start; i < p.end; i++) seen.push(i);
      token = p.next;
      calls++;
    } while (token);
    expect(calls).toBe(3);
    expect(seen).toEqual(Array.from({ length: 2345 }, (_, i) => i));
  });

  it('clamps a page larger than AWS allows, and says so', () => {
    const p = pageOf('ec2:DescribeVolumes', 2000, undefined, 1000);
    expect(p.end).toBe(500);
    expect(p.overMax).toBe(true);
    expect(pageOf('ec2:DescribeVolumes', 2000, undefined, 500).overMax).toBe(false);
  });

  it("uses the API's own default when the request names no size", () => {
    expect(pageOf('iam:GetAccountAuthorizationDetails', 4800, undefined, undefined).end).toBe(100);
    expect(pageOf('ec2:DescribeSecurityGroups', 4800, undefined, undefined).end).toBe(4800);
  });

  it('rejects a token it did not issue, or one issued for another call', () => {
    const next = pageOf('kms:ListKeys', 300, undefined, 100).next ?? '';
    expect(decodeToken('kms:ListKeys', next)).toBe(100);
    expect(() => decodeToken('kms:ListAliases', next)).toThrow(InvalidTokenError);
    expect(() => decodeToken('kms:ListKeys', '2s.bogus')).toThrow(InvalidTokenError);
  });
});

describe('minPages', () => {
  it('divides by the largest page and needs one call for an empty list', () => {
    expect(minPages('ec2:DescribeVolumes', 1001)).toBe(3);
    expect(minPages('ec2:DescribeNetworkAcls', 101)).toBe(2);
    expect(minPages('route53:ListResourceRecordSets', 0)).toBe(1);
  });
});
