import { z } from 'zod';
import { attr, ResourceBase } from './attr.js';

export const TrailSchema = z.object({
  ...ResourceBase,
  arn: z.string(),
  name: z.string(),
  homeRegion: z.string(),
  isMultiRegion: z.boolean(),
  isOrganizationTrail: z.boolean(),
  includeGlobalServiceEvents: z.boolean().optional(),
  s3BucketName: z.string().optional(),
  s3KeyPrefix: z.string().optional(),
  snsTopicArn: z.string().optional(),
  kmsKeyId: z.string().optional(),
  logFileValidationEnabled: z.boolean(),
  cloudWatchLogsLogGroupArn: z.string().optional(),
  /** GetTrailStatus (read in the home region). */
  status: attr(z.object({ isLogging: z.boolean(), latestDeliveryError: z.string().optional(), latestDeliveryTime: z.string().optional() })),
  /** GetEventSelectors: classic or advanced selectors. */
  eventSelectors: attr(
    z.object({
      classic: z
        .array(
          z.object({
            readWriteType: z.enum(['ReadOnly', 'WriteOnly', 'All']),
            includeManagementEvents: z.boolean(),
            excludeManagementEventSources: z.array(z.string()).default([]),
          }),
        )
        .default([]),
      advanced: z
        .array(
          z.object({
            name: z.string().optional(),
            fieldSelectors: z.array(
              z.object({
                field: z.string(),
                equals: z.array(z.string()).optional(),
                notEquals: z.array(z.string()).optional(),
                startsWith: z.array(z.string()).optional(),
                notStartsWith: z.array(z.string()).optional(),
                endsWith: z.array(z.string()).optional(),
                notEndsWith: z.array(z.string()).optional(),
              }),
            ),
          }),
        )
        .default([]),
    }),
  ),
});
export type Trail = z.infer<typeof TrailSchema>;

/** Per region: the trails DescribeTrails shows there, shadow trails included (dedupe by ARN). */
export const CloudTrailSchema = z.object({ trails: attr(z.array(TrailSchema)) });
export type CloudTrailInventory = z.infer<typeof CloudTrailSchema>;
