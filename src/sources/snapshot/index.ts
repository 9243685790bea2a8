export { readSnapshot, parseSnapshot } from './read.js';
export { writeSnapshot } from './write.js';
export { SnapshotError } from './errors.js';
