import { describe, expect, it } from 'vitest';
import { CredentialReportFormatError, parseCredentialReport } from './credential-report.js';

const HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';

describe('parseCredentialReport', () => {
  it('reads the root row: not_supported password is false, N/A dates are left out', () => {
    const csv = `${HEADER}\n<root_account>,arn:aws:iam::123456789012:root,2019-01-01T00:00:00+00:00,not_supported,2026-05-01T10:00:00+00:00,not_supported,not_supported,true,true,2020-02-02T00:00:00+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n`;
    const [root] = parseCredentialReport(csv);
    expect(root).toEqual({
      user: '<root_account>',
      arn: 'arn:aws:iam::123456789012:root',
      userCreationTime: '2019-01-01T00:00:00.000Z',
      passwordEnabled: false,
      passwordLastUsed: '2026-05-01T10:00:00.000Z',
      mfaActive: true,
      accessKey1Active: true,
      accessKey1LastRotated: '2020-02-02T00:00:00.000Z',
      accessKey2Active: false,
      cert1Active: false,
      cert2Active: false,
    });
  });

  it('finds columns by name, whatever their order, and keeps no_information out', () => {
    const csv = 'arn,mfa_active,user,access_key_2_active,access_key_1_active,password_enabled,password_last_used\r\narn:aws:iam::1:user/ana,false,ana,true,false,true,no_information\r\n';
    expect(parseCredentialReport(csv)).toEqual([
      {
        user: 'ana',
        arn: 'arn:aws:iam::1:user/ana',
        passwordEnabled: true,
        mfaActive: false,
        accessKey1Active: false,
        accessKey2Active: true,
        cert1Active: false,
        cert2Active: false,
      },
    ]);
  });

  it('refuses a report without the columns the checks need', () => {
    expect(() => parseCredentialReport('user,arn\nx,y\n')).toThrow(CredentialReportFormatError);
  });
});
