import { z } from 'zod';

/** The OCSF version every event is written against; bump only with the schema below. */
export const OCSF_VERSION = '1.3.0';

/**
 * The subset of OCSF 1.3.0 `compliance_finding` (class 2003) that Rampart writes, with the schema's
 * required attributes required, its enums as literals, and no attribute the class does not define
 * (strict objects), except the schema's own escape hatch `unmapped`. Facts from the ocsf-schema
 * repository at tag 1.3.0: events/findings/compliance_finding.json and the objects it uses.
 */
const timestamp = z.number().int().nonnegative(); // timestamp_t: milliseconds since the epoch

const Product = z.object({ name: z.string(), vendor_name: z.string(), version: z.string().optional(), uid: z.string().optional() }).strict();

const Metadata = z
  .object({
    version: z.literal(OCSF_VERSION),
    product: Product,
    uid: z.string().optional(),
    event_code: z.string().optional(),
    profiles: z.array(z.string()).optional(),
    tenant_uid: z.string().optional(),
    log_name: z.string().optional(),
    log_provider: z.string().optional(),
  })
  .strict();

const Account = z.object({ uid: z.string(), type_id: z.literal(10), type: z.literal('AWS Account') }).strict();
const Cloud = z.object({ provider: z.literal('AWS'), region: z.string().optional(), account: Account }).strict();

const FindingInfo = z
  .object({
    uid: z.string().min(1),
    title: z.string().min(1),
    desc: z.string().optional(),
    types: z.array(z.string()).optional(),
    created_time: timestamp.optional(),
    data_sources: z.array(z.string()).optional(),
  })
  .strict();

const KbArticle = z.object({ uid: z.string(), title: z.string().optional() }).strict();

const Compliance = z
  .object({
    standards: z.array(z.string()).min(1),
    requirements: z.array(z.string()).optional(),
    control: z.string().optional(),
    status_id: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    status: z.enum(['Pass', 'Warning', 'Fail']),
    status_detail: z.string().optional(),
    compliance_references: z.array(KbArticle).optional(),
  })
  .strict()
  .refine((c) => ({ 1: 'Pass', 2: 'Warning', 3: 'Fail' })[c.status_id] === c.status, 'status must be the caption of status_id');

const Resource = z
  .object({
    uid: z.string().min(1),
    name: z.string().optional(),
    type: z.string().optional(),
    region: z.string().optional(),
    cloud_partition: z.string().optional(),
    labels: z.array(z.string()).optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

const Remediation = z.object({ desc: z.string().min(1), references: z.array(z.string()).optional() }).strict();

const SEVERITY_CAPTIONS = { 1: 'Informational', 2: 'Low', 3: 'Medium', 4: 'High', 5: 'Critical' } as const;
const STATUS_CAPTIONS = { 1: 'New', 3: 'Suppressed' } as const;

export const OcsfComplianceFindingSchema = z
  .object({
    metadata: Metadata,
    category_uid: z.literal(2),
    category_name: z.literal('Findings'),
    class_uid: z.literal(2003),
    class_name: z.literal('Compliance Finding'),
    activity_id: z.literal(1),
    activity_name: z.literal('Create'),
    type_uid: z.literal(200301), // class_uid * 100 + activity_id
    type_name: z.literal('Compliance Finding: Create'),
    time: timestamp,
    severity_id: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
    severity: z.enum(['Informational', 'Low', 'Medium', 'High', 'Critical']),
    status_id: z.union([z.literal(1), z.literal(3)]),
    status: z.enum(['New', 'Suppressed']),
    message: z.string().optional(),
    comment: z.string().optional(),
    finding_info: FindingInfo,
    compliance: Compliance,
    resources: z.array(Resource).min(1),
    cloud: Cloud,
    remediation: Remediation.optional(),
    unmapped: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .refine((e) => SEVERITY_CAPTIONS[e.severity_id] === e.severity, 'severity must be the caption of severity_id')
  .refine((e) => STATUS_CAPTIONS[e.status_id] === e.status, 'status must be the caption of status_id');

export type OcsfComplianceFinding = z.infer<typeof OcsfComplianceFindingSchema>;
