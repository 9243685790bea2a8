/** The demo company: Northwind Analytics, a small SaaS team with one AWS account in two regions. */
export const DEMO_ACCOUNT = '210987654321';
export const DEMO_REGIONS = ['us-east-1', 'eu-west-1'];
export const DEMO_COLLECTED_AT = '2026-11-20T09:30:00.000Z';
export const iamArn = (resource: string) => `arn:aws:iam::${DEMO_ACCOUNT}:${resource}`;
