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
 * A key whose DescribeKey failed (most often a key policy that does not let the account's IAM
 * policies in). It stays in the list: one locked key must not hide the others. AWS managed keys
 * always let the account describe them and carry an alias/aws/ name, so any other such key is a
 * customer key whose rotation is unknown.
 */
function undescribed(arn: string, id: string, aliases: string[], f: Failure): KmsKey {
  if (aliases.some((a) => a.startsWith('alias/aws/'))) return { arn, id, manager: 'AWS', aliases };
  return { arn, id, manager: 'CUSTOMER', aliases, rotationEnabled: failedAttr(f) };
}

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
    const keyList = await Promise.all(
      keys.value.map(async (k): Promise<KmsKey> => {
        const id = k.KeyId ?? '';
        const d = await ctx.send(kms, new DescribeKeyCommand({ KeyId: k.KeyArn ?? k.KeyId }));
        if (!d.ok) return undescribed(k.KeyArn ?? '', id, aliasesOf.get(id) ?? [], d);
        const m = d.value.KeyMetadata;
        const key: KmsKey = compact({
          arn: m?.Arn ?? k.KeyArn ?? '',
          id: m?.KeyId ?? id,
          manager: m?.KeyManager === 'AWS' ? ('AWS' as const) : ('CUSTOMER' as const),
          state: m?.KeyState,
          aliases: aliasesOf.get(m?.KeyId ?? id) ?? [],
        });
        // Automatic rotation exists only for enabled symmetric keys whose material KMS generated:
        // imported (EXTERNAL), CloudHSM and external key store keys answer UnsupportedOperationException.
        const rotatable = m?.KeyManager === 'CUSTOMER' && m.KeySpec === 'SYMMETRIC_DEFAULT' && m.KeyState === 'Enabled' && m.Origin === 'AWS_KMS';
        if (rotatable) {
          key.rotationEnabled = attrOf(await ctx.send(kms, new GetKeyRotationStatusCommand({ KeyId: key.id })), (r) => r.KeyRotationEnabled === true);
        }
        return key;
      }),
    );
    return { kms: { keys: ok(keyList) } };
  },
};
