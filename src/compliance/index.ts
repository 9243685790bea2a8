export { FRAMEWORKS, getFramework, knownIds, UnknownFrameworkError, type Framework, type Requirement } from './framework.js';
export { mapping, checksFor, unknownReferences, type MappedRequirement } from './mapping.js';
export { complianceStatus, REQUIREMENT_STATUSES, type ComplianceResult, type RequirementResult, type RequirementStatus } from './status.js';
export { complianceTextLines } from './text.js';
