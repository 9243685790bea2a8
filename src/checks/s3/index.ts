import type { AnyCheck } from '../types.js';
import accessControl from './access-control.js';
import acl from './acl.js';
import blockPublicAccess from './block-public-access.js';
import presignedUrl from './presigned-url.js';
import cloudfrontOai from './cloudfront-oai.js';
import mfaDelete from './mfa-delete.js';

export const s3Checks: AnyCheck[] = [accessControl, acl, blockPublicAccess, presignedUrl, cloudfrontOai, mfaDelete];
