import type { LifecycleRule } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { lifecycleRule } from './s3-bucket.js';

const archive: LifecycleRule = { Status: 'Enabled', Transitions: [{ Days: 90, StorageClass: 'GLACIER' }] };

describe('lifecycle rule filters', () => {
  it('keeps the prefix of every form: legacy Rule.Prefix, Filter.Prefix, Filter.And.Prefix', () => {
    expect(lifecycleRule({ ...archive, Prefix: 'legacy/' }).prefix).toBe('legacy/');
    expect(lifecycleRule({ ...archive, Filter: { Prefix: 'AWSLogs/' } }).prefix).toBe('AWSLogs/');
    expect(lifecycleRule({ ...archive, Filter: { And: { Prefix: 'AWSLogs/', ObjectSizeLessThan: 1024 } } })).toMatchObject({ prefix: 'AWSLogs/', objectSizeLessThan: 1024 });
  });

  it('keeps tag filters (Filter.Tag, Filter.And.Tags) and size bounds (alone or under And)', () => {
    expect(lifecycleRule({ ...archive, ID: 'one-tag', Filter: { Tag: { Key: 'class', Value: 'logs' } } })).toEqual({
      id: 'one-tag',
      enabled: true,
      tags: { class: 'logs' },
      transitions: [{ days: 90, storageClass: 'GLACIER' }],
      noncurrentVersionTransitions: [],
    });
    expect(
      lifecycleRule({ ...archive, Filter: { And: { Prefix: 'data/', Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }], ObjectSizeGreaterThan: 131072 } } }),
    ).toMatchObject({ prefix: 'data/', tags: { a: '1', b: '2' }, objectSizeGreaterThan: 131072 });
    expect(lifecycleRule({ ...archive, Filter: { ObjectSizeGreaterThan: 10 } })).toMatchObject({ objectSizeGreaterThan: 10 });
  });

  it('adds no filter fields to a rule on the whole bucket', () => {
    const r = lifecycleRule({ ...archive, Filter: {} });
    expect(Object.keys(r).sort()).toEqual(['enabled', 'noncurrentVersionTransitions', 'transitions']);
  });
});
