import type { Inventory, RegionalInventory } from '../../inventory/index.js';
import type { CollectContext } from './context.js';

/** An SDK command class (ListBucketsCommand...). */
export type CommandClass = abstract new (input: never) => object;

/**
 * Every command a collector may send, with the IAM action it needs. The action is also the
 * call's name in the inventory ('s3:GetEncryptionConfiguration'), so an `unknown` finding names
 * the permission to grant. `rampart permissions` is built from these tables.
 */
export type CommandTable = ReadonlyMap<CommandClass, string>;

export const commandTable = (entries: ReadonlyArray<readonly [CommandClass, string]>): CommandTable => new Map(entries);

/** The global parts of the inventory a collector can fill. */
export type GlobalPart = Partial<Pick<Inventory, 'account' | 'iam' | 's3' | 'cloudfront' | 'wafGlobal' | 'route53'>>;
/** The parts of one region a collector can fill. */
export type RegionalPart = Partial<RegionalInventory>;

interface CollectorBase {
  /** The --services name it answers to. */
  service: string;
  commands: CommandTable;
  /**
   * Actions AWS checks besides a command's own (IAM "dependent actions"): without them the call
   * is denied although its own action is granted. Added to `rampart permissions`.
   */
  dependentActions?: readonly string[];
}

export interface GlobalCollector extends CollectorBase {
  scope: 'global';
  /** The top-level inventory keys it fills (all of them, whatever fails). */
  fills: ReadonlyArray<keyof GlobalPart>;
  collect(ctx: CollectContext): Promise<GlobalPart>;
}

export interface RegionalCollector extends CollectorBase {
  scope: 'regional';
  fills: ReadonlyArray<keyof RegionalInventory>;
  collect(ctx: CollectContext): Promise<RegionalPart>;
}

export type Collector = GlobalCollector | RegionalCollector;
