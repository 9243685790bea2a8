export { loadMutelist, parseMutelist } from './load.js';
export { applyMutelist, isExpired } from './apply.js';
export { MutelistError } from './errors.js';
export { demoMutelist } from './demo.js';
export type { Mutelist, MuteEntry, ExpiredEntry } from './types.js';
