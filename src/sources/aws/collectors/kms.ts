import { DescribeKeyCommand, GetKeyRotationStatusCommand, KMSClient, ListAliasesCommand, ListKeysCommand } from '@aws-sdk/client-kms';
import { ok, type KmsKey } from '../../../inventory/index.js';
import { commandTable, type RegionalCollector } from '../collector.js';
import { listAll } from '../list.js';
import { attrOf, compact, failedAttr, type Failure } from '../outcome.js';

const commands = commandTable([
  [ListKeysCommand, 'kms:ListKeys'],
  [DescribeKeyCommand, 'kms:DescribeKey'],
  [ListAliasesCommand, 'kms:ListAliases'],
  [GetKeyRotationStatusCommand, 'kms:GetKeyRotationStatus'],
]);

/**
 * Key metadata of one region: who manages each key, its state and aliases, and, for enabled
 * symmetric customer keys (the only ones with automatic rotation), whether rotation is on.
 */
export const kmsCollector: RegionalCollector = {
  service: 'kms',
  scope: 'regional',
  fills: ['kms'],
  commands,
  async collect(ctx) {
    const kms = ctx.client(KMSClient);
    const [keys, aliases] = await Promise.all([
      listAll(
        ctx,
        kms,
        (Marker) => new ListKeysCommand({ Marker, Limit: 1000 }),
        (o) => (o.Truncated ? o.NextMarker : undefined),
        (o) => o.Keys ?? [],
      ),
      listAll(
        ctx,
        kms,
        (Marker) => new ListAliasesCommand({ Marker, Limit: 100 }),
        (o) => (o.Truncated ? o.NextMarker : undefined),
        (o) => o.Aliases ?? [],
      ),
    ]);
    if (keys.state !== 'ok') return { kms: { keys } };
    const aliasesOf = new Map<string, string[]>();
    if (aliases.state === 'ok') {
      for (const a of aliases.value) {
        if (a.TargetKeyId && a.AliasName) aliasesOf.set(a.TargetKeyId, [...(aliasesOf.get(a.TargetKeyId) ?? []), a.AliasName]);
      }
    }
    const described = await Promise.all(
      keys.value.map(async (k): Promise<KmsKey | { fail: Failure }> => {
        const d = await ctx.send(kms, new DescribeKeyCommand({ KeyId: k.KeyArn ?? k.KeyId }));
        if (!d.ok) return { fail: d };
        const m = d.value.KeyMetadata;
        const id = m?.KeyId ?? k.KeyId ?? '';
        const key: KmsKey = compact({
          arn: m?.Arn ?? k.KeyArn ?? '',
          id,
          manager: m?.KeyManager === 'AWS' ? ('AWS' as const) : ('CUSTOMER' as const),
          state: m?.KeyState,
          aliases: aliasesOf.get(id) ?? [],
        });
        const rotatable = m?.KeyManager === 'CUSTOMER' && m.KeySpec === 'SYMMETRIC_DEFAULT' && m.KeyState === 'Enabled' && m.Origin !== 'EXTERNAL';
        if (rotatable) {
          key.rotationEnabled = attrOf(await ctx.send(kms, new GetKeyRotationStatusCommand({ KeyId: id })), (r) => r.KeyRotationEnabled === true);
        }
        return key;
      }),
    );
    const failure = described.find((x): x is { fail: Failure } => 'fail' in x);
    return { kms: { keys: failure ? failedAttr(failure.fail) : ok(described as KmsKey[]) } };
  },
};
