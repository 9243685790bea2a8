import type { AnyCheck } from '../types.js';
import linuxSshd from './linux-sshd.js';
import linuxHostKeys from './linux-host-keys.js';
import linuxPasswords from './linux-passwords.js';
import linuxSshKeys from './linux-ssh-keys.js';
import linuxHistoryLogs from './linux-history-logs.js';
import windowsAdminPassword from './windows-admin-password.js';
import windowsGuest from './windows-guest.js';
import windowsEventLogs from './windows-event-logs.js';
import windowsDomain from './windows-domain.js';
import windowsServices from './windows-services.js';

/** The guide's AMI hardening, judged from an image's file system (rampart host ROOT). */
export const hostChecks: AnyCheck[] = [
  linuxSshd,
  linuxHostKeys,
  linuxPasswords,
  linuxSshKeys,
  linuxHistoryLogs,
  windowsAdminPassword,
  windowsGuest,
  windowsEventLogs,
  windowsDomain,
  windowsServices,
];
