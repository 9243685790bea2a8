export * from './types.js';
export { PolicyParseError, isPolicyParseError } from './errors.js';
export { parsePolicy } from './parse.js';
export { evaluateRequest, isUnknownPolicy } from './evaluate.js';
export { principalFromArn, parseArn } from './principal.js';
