import { failed } from '../../inventory/index.js';
import { testCheck, TEST_ACCOUNT } from '../../test-utils/check-tester.js';
import check from './https.js';
import { arnOf, distribution, distributions } from './__tests__/fixtures.js';

const A = arnOf('EDFDVBD6EXAMPLE');
const viewerOk = (n = 1) => ({ status: 'pass' as const, resourceId: A, detail: 'viewer', message: `Distribution EDFDVBD6EXAMPLE redirects or requires HTTPS on all ${n} cache behaviour(s).` });
const originOk = { status: 'pass' as const, resourceId: A, detail: 'origin:app', message: 'Distribution EDFDVBD6EXAMPLE reaches custom origin app (app.example.com) over HTTPS (https-only).' };

testCheck(check, {
  pass: [
    { name: 'redirect-to-https everywhere and an https-only origin', inventory: [distributions(distribution('EDFDVBD6EXAMPLE'))], findings: [viewerOk(), originOk] },
    {
      name: 'match-viewer is fine when no behaviour allows HTTP; S3 REST origins get no origin result',
      inventory: [
        distributions(
          distribution('EDFDVBD6EXAMPLE', {
            origins: [
              { id: 'app', domainName: 'app.example.com', custom: { originProtocolPolicy: 'match-viewer', originSslProtocols: ['TLSv1.2'] } },
              { id: 'assets', domainName: 'assets.s3.us-east-1.amazonaws.com', hasS3OriginConfig: true, originAccessControlId: 'E2OAC' },
            ],
            cacheBehaviors: [{ pathPattern: '/static/*', targetOriginId: 'assets', viewerProtocolPolicy: 'https-only' }],
          }),
        ),
      ],
      findings: [
        viewerOk(2),
        { ...originOk, message: 'Distribution EDFDVBD6EXAMPLE reaches custom origin app (app.example.com) over HTTPS (match-viewer).' },
      ],
    },
  ],
  fail: [
    {
      name: 'allow-all on a path behaviour, named with its alias',
      inventory: [
        distributions(
          distribution('EDFDVBD6EXAMPLE', {
            aliases: ['www.example.com'],
            cacheBehaviors: [{ pathPattern: '/legacy/*', targetOriginId: 'app', viewerProtocolPolicy: 'allow-all' }],
          }),
        ),
      ],
      findings: [
        { status: 'fail', resourceId: A, detail: 'viewer', message: 'Distribution EDFDVBD6EXAMPLE (www.example.com) serves plain HTTP (viewer protocol policy allow-all) on /legacy/*.' },
        { ...originOk, message: 'Distribution EDFDVBD6EXAMPLE (www.example.com) reaches custom origin app (app.example.com) over HTTPS (https-only).' },
      ],
    },
    {
      name: 'http-only custom origin',
      inventory: [distributions(distribution('EDFDVBD6EXAMPLE', { origins: [{ id: 'app', domainName: 'app.example.com', custom: { originProtocolPolicy: 'http-only' } }] }))],
      findings: [
        viewerOk(),
        { status: 'fail', resourceId: A, detail: 'origin:app', message: 'Distribution EDFDVBD6EXAMPLE reaches custom origin app (app.example.com) over plain HTTP (origin protocol policy http-only).' },
      ],
    },
    {
      name: 'an S3 website endpoint origin is named as such',
      inventory: [
        distributions(
          distribution('EDFDVBD6EXAMPLE', {
            origins: [{ id: 'site', domainName: 'www.example.com.s3-website-eu-west-1.amazonaws.com', custom: { originProtocolPolicy: 'http-only' } }],
            defaultCacheBehavior: { pathPattern: '*', targetOriginId: 'site', viewerProtocolPolicy: 'redirect-to-https' },
          }),
        ),
      ],
      findings: [
        viewerOk(),
        {
          status: 'fail',
          resourceId: A,
          detail: 'origin:site',
          message:
            "Distribution EDFDVBD6EXAMPLE reaches origin site (www.example.com.s3-website-eu-west-1.amazonaws.com), an S3 website endpoint, over plain HTTP: website endpoints do not support HTTPS. Use the bucket's REST endpoint with origin access control.",
        },
      ],
    },
    {
      name: 'match-viewer fails only for the origin an allow-all behaviour reaches',
      inventory: [
        distributions(
          distribution('EDFDVBD6EXAMPLE', {
            origins: [
              { id: 'app', domainName: 'app.example.com', custom: { originProtocolPolicy: 'match-viewer' } },
              { id: 'api', domainName: 'api.example.com', custom: { originProtocolPolicy: 'match-viewer' } },
            ],
            cacheBehaviors: [{ pathPattern: '/api/*', targetOriginId: 'api', viewerProtocolPolicy: 'allow-all' }],
          }),
        ),
      ],
      findings: [
        { status: 'fail', resourceId: A, detail: 'viewer', message: 'Distribution EDFDVBD6EXAMPLE serves plain HTTP (viewer protocol policy allow-all) on /api/*.' },
        { ...originOk, message: 'Distribution EDFDVBD6EXAMPLE reaches custom origin app (app.example.com) over HTTPS (match-viewer).' },
        {
          status: 'fail',
          resourceId: A,
          detail: 'origin:api',
          message:
            'Distribution EDFDVBD6EXAMPLE reaches custom origin api (api.example.com) with match-viewer while /api/* allow HTTP viewers: those requests travel to the origin unencrypted.',
        },
      ],
    },
    {
      name: 'a behaviour aimed at an origin group counts for every origin',
      inventory: [
        distributions(
          distribution('EDFDVBD6EXAMPLE', {
            origins: [{ id: 'app', domainName: 'app.example.com', custom: { originProtocolPolicy: 'match-viewer' } }],
            defaultCacheBehavior: { pathPattern: '*', targetOriginId: 'failover-group', viewerProtocolPolicy: 'allow-all' },
          }),
        ),
      ],
      findings: [
        { status: 'fail', resourceId: A, detail: 'viewer', message: 'Distribution EDFDVBD6EXAMPLE serves plain HTTP (viewer protocol policy allow-all) on the default behaviour (*).' },
        {
          status: 'fail',
          resourceId: A,
          detail: 'origin:app',
          message:
            'Distribution EDFDVBD6EXAMPLE reaches custom origin app (app.example.com) with match-viewer while the default behaviour (*) allow HTTP viewers: those requests travel to the origin unencrypted.',
        },
      ],
    },
    {
      name: 'SSLv3 still allowed towards an https-only origin',
      inventory: [
        distributions(
          distribution('EDFDVBD6EXAMPLE', { origins: [{ id: 'app', domainName: 'app.example.com', custom: { originProtocolPolicy: 'https-only', originSslProtocols: ['SSLv3', 'TLSv1.2'] } }] }),
        ),
      ],
      findings: [
        viewerOk(),
        { status: 'fail', resourceId: A, detail: 'origin:app', message: 'Distribution EDFDVBD6EXAMPLE still allows SSLv3 towards custom origin app (app.example.com): origin SSL protocols SSLv3, TLSv1.2.' },
      ],
    },
  ],
  unknown: [
    {
      name: 'the distribution list could not be read',
      inventory: [{ cloudfront: { distributions: failed('cloudfront:ListDistributions', 'AccessDenied') } }],
      findings: [
        {
          status: 'unknown',
          resourceId: `arn:aws:iam::${TEST_ACCOUNT}:root`,
          message: 'Could not read the CloudFront distributions: cloudfront:ListDistributions failed: AccessDenied.',
        },
      ],
    },
    {
      name: 'a viewer protocol policy Rampart does not know is never a pass',
      inventory: [distributions(distribution('EDFDVBD6EXAMPLE', { defaultCacheBehavior: { pathPattern: '*', targetOriginId: 'app', viewerProtocolPolicy: 'https-preferred' } }))],
      findings: [
        { status: 'unknown', resourceId: A, detail: 'viewer', message: 'Distribution EDFDVBD6EXAMPLE has viewer protocol policies Rampart does not know: the default behaviour (*): "https-preferred".' },
        originOk,
      ],
    },
  ],
});
