export { loadHost, loadHostInventory, HOST_ACCOUNT, type LoadHostOptions } from './load.js';
export { HostInputError } from './errors.js';
