import { z } from 'zod';
import { attr } from './attr.js';

/**
 * What the host loader (src/sources/host) reads from a root file system: an AMI volume, a chroot,
 * a container export or the running host. The host checks are pure over this part.
 * Owned by the host source; other sources leave it out.
 *
 * Paths are absolute inside the scanned root ('/etc/shadow'), whatever the root is. A file that could
 * not be read is an `error` attribute whose call is `read <path>`; a file that is not there is `absent`.
 * No secret is ever stored here: hashes, keys and passwords are reduced to their kind and a masked excerpt.
 */

const Line = z.number().int().nonnegative();
const Where = { file: z.string(), line: Line };

// ---------------------------------------------------------------- sshd

/** One sshd_config line, in the order sshd reads it (Include expanded in place). */
export const SshdDirectiveSchema = z.object({
  /** Lower-case, aliases resolved (challengeresponseauthentication -> kbdinteractiveauthentication). */
  keyword: z.string(),
  /** As written, for messages. */
  written: z.string(),
  args: z.array(z.string()),
  ...Where,
  /** Index into `matches` of the Match block the line belongs to; null in the global section. */
  match: z.number().int().nullable(),
});
export type SshdDirective = z.infer<typeof SshdDirectiveSchema>;

export const SshdMatchSchema = z.object({
  criteria: z.string(),
  /** `Match all`: applies to every connection. */
  all: z.boolean(),
  ...Where,
});
export type SshdMatch = z.infer<typeof SshdMatchSchema>;

/**
 * A point in the directive stream past which the configuration is not fully known: an Include whose
 * file could not be read, an Include loop or nesting deeper than sshd allows (sshd refuses to start).
 */
export const SshdProblemSchema = z.object({
  /** Index of the first directive read after the problem (directives.length when none follows). */
  at: z.number().int().nonnegative(),
  kind: z.enum(['unreadable', 'loop', 'depth']),
  ...Where,
  call: z.string(),
  error: z.string(),
});
export type SshdProblem = z.infer<typeof SshdProblemSchema>;

export const SshdConfigSchema = z.object({
  /** The main file, normally /etc/ssh/sshd_config. */
  file: z.string(),
  /** Every file read, in order. */
  files: z.array(z.string()),
  directives: z.array(SshdDirectiveSchema),
  matches: z.array(SshdMatchSchema),
  problems: z.array(SshdProblemSchema).default([]),
});
export type SshdConfig = z.infer<typeof SshdConfigSchema>;

// ---------------------------------------------------------------- host keys and cloud-init

export const HostKeyFileSchema = z.object({ path: z.string(), size: z.number().int().nonnegative() });

export const CloudInitSchema = z.object({
  /** The files merged, in cloud-init's order: cloud.cfg, then cloud.cfg.d/*.cfg sorted. */
  files: z.array(z.string()),
  /** /etc/cloud/cloud-init.disabled exists: cloud-init does not run at boot. */
  disabled: z.boolean(),
  /** The last ssh_deletekeys setting; null when none is set (cloud-init's default is true). */
  deleteKeys: z.object({ value: z.boolean(), ...Where }).nullable(),
  /** Whether the ssh module is in a module list; null when the config sets no module lists. */
  sshModule: z.boolean().nullable(),
});
export type CloudInit = z.infer<typeof CloudInitSchema>;

// ---------------------------------------------------------------- accounts

/** What a password field holds, never the hash itself. */
export const PasswordStateSchema = z.enum(['locked', 'empty', 'hash', 'shadow', 'other']);
export type PasswordState = z.infer<typeof PasswordStateSchema>;

export const PasswdEntrySchema = z.object({
  user: z.string(),
  uid: z.number().int(),
  home: z.string(),
  shell: z.string(),
  /** 'shadow' when the field is 'x' (the password is in /etc/shadow). */
  password: PasswordStateSchema,
  line: Line,
});
export type PasswdEntry = z.infer<typeof PasswdEntrySchema>;

export const ShadowEntrySchema = z.object({
  user: z.string(),
  password: PasswordStateSchema,
  /** The crypt scheme of a usable hash: sha512crypt, yescrypt, des... */
  scheme: z.string().optional(),
  line: Line,
});
export type ShadowEntry = z.infer<typeof ShadowEntrySchema>;

// ---------------------------------------------------------------- leftover keys and credentials

export const AuthorizedKeySchema = z.object({
  type: z.string(),
  /** SHA256:... of the key blob, as ssh-keygen -l prints it. */
  fingerprint: z.string(),
  comment: z.string().optional(),
  /** Options before the key type (from=, command=...), if any. */
  options: z.boolean(),
  line: Line,
});

export const AuthorizedKeysFileSchema = z.object({
  path: z.string(),
  /** The account whose home holds it, when known. */
  user: z.string().optional(),
  keys: attr(z.array(AuthorizedKeySchema)),
});
export type AuthorizedKeysFile = z.infer<typeof AuthorizedKeysFileSchema>;

export const PrivateKeySchema = z.object({
  path: z.string(),
  /** The PEM label: 'OPENSSH PRIVATE KEY', 'RSA PRIVATE KEY', 'ENCRYPTED PRIVATE KEY'... */
  label: z.string(),
  /** Protected by a passphrase; null when it could not be told. */
  encrypted: z.boolean().nullable(),
  line: Line,
});
export type PrivateKey = z.infer<typeof PrivateKeySchema>;

export const AwsCredentialsFileSchema = z.object({
  path: z.string(),
  profiles: attr(
    z.array(
      z.object({
        name: z.string(),
        line: Line,
        /** Masked: AKIA****WXYZ. */
        accessKeyId: z.string().optional(),
        hasSecretKey: z.boolean(),
        hasSessionToken: z.boolean(),
      }),
    ),
  ),
});
export type AwsCredentialsFile = z.infer<typeof AwsCredentialsFileSchema>;

/** A place the loader walked for keys but could not finish (unreadable folder, too many files). */
export const WalkGapSchema = z.object({ path: z.string(), call: z.string(), error: z.string() });

export const UserKeysSchema = z.object({
  /** The homes that were searched: /root and every home in /etc/passwd (and /home/*). */
  homes: z.array(z.string()),
  authorizedKeys: z.array(AuthorizedKeysFileSchema),
  privateKeys: z.array(PrivateKeySchema),
  awsCredentials: z.array(AwsCredentialsFileSchema),
  gaps: z.array(WalkGapSchema).default([]),
});
export type UserKeys = z.infer<typeof UserKeysSchema>;

// ---------------------------------------------------------------- history and logs

export const SecretTypeSchema = z.enum(['aws-access-key-id', 'aws-secret-access-key', 'private-key', 'password', 'url-credentials']);
export type SecretType = z.infer<typeof SecretTypeSchema>;

export const SecretHitSchema = z.object({
  type: SecretTypeSchema,
  line: Line,
  /** Redacted: the secret itself never appears (AKIA****WXYZ, password=****). */
  excerpt: z.string(),
});
export type SecretHit = z.infer<typeof SecretHitSchema>;

/** What a streamed scan of one file found. */
export const TextScanSchema = z.object({
  bytes: z.number().int().nonnegative(),
  lines: z.number().int().nonnegative(),
  /** The first hits (at most a few dozen); `secretCount` counts them all. */
  secrets: z.array(SecretHitSchema),
  secretCount: z.number().int().nonnegative(),
  /** Compressed (.gz) logs: read through gunzip. */
  decompressed: z.boolean().default(false),
  /** Stopped before the end (a decompression limit): what was not read is not judged. */
  truncated: z.boolean().default(false),
});
export type TextScan = z.infer<typeof TextScanSchema>;

export const HistoryFileSchema = z.object({
  path: z.string(),
  user: z.string().optional(),
  /** Bytes of the file, 0 when empty; a link to /dev/null or another non-file is `linked`. */
  size: z.number().int().nonnegative(),
  linked: z.string().optional(),
  scan: attr(TextScanSchema),
});
export type HistoryFile = z.infer<typeof HistoryFileSchema>;

export const LogFileSchema = z.object({
  path: z.string(),
  size: z.number().int().nonnegative(),
  scan: attr(TextScanSchema),
});
export type LogFile = z.infer<typeof LogFileSchema>;

export const HistoryLogsSchema = z.object({
  histories: z.array(HistoryFileSchema),
  /** Non-empty regular files under /var/log. */
  logs: attr(z.array(LogFileSchema)),
  gaps: z.array(WalkGapSchema).default([]),
});
export type HistoryLogs = z.infer<typeof HistoryLogsSchema>;

// ---------------------------------------------------------------- Linux

export const LinuxHostSchema = z.object({
  /** sshd is installed (usr/sbin/sshd or sshd_config present). */
  sshdInstalled: z.boolean(),
  /** absent: no sshd_config. */
  sshd: attr(SshdConfigSchema),
  /** Private host key files: /etc/ssh/ssh_host_*_key and HostKey paths. */
  hostKeys: attr(z.array(HostKeyFileSchema)),
  /** absent: cloud-init is not installed (no /etc/cloud/cloud.cfg). */
  cloudInit: attr(CloudInitSchema),
  passwd: attr(z.array(PasswdEntrySchema)),
  shadow: attr(z.array(ShadowEntrySchema)),
  userKeys: attr(UserKeysSchema),
  historyLogs: attr(HistoryLogsSchema),
});
export type LinuxHost = z.infer<typeof LinuxHostSchema>;

// ---------------------------------------------------------------- Windows

export const Ec2LaunchV2Schema = z.object({
  file: z.string(),
  /** The setAdminAccount task, null when the config has none (no administrator password is set). */
  setAdminAccount: z
    .object({
      /** random | static | doNothing, as written; null when the task sets no password type. */
      passwordType: z.string().nullable(),
      name: z.string().optional(),
      line: Line,
    })
    .nullable(),
  /** state/.run-once exists: tasks that run once (setAdminAccount among them) are skipped at next boot. */
  runOnce: z.boolean(),
});

export const Ec2LaunchV1Schema = z.object({
  file: z.string(),
  adminPasswordType: z.object({ value: z.string(), line: Line }).nullable(),
});

export const Ec2ConfigSchema = z.object({
  file: z.string(),
  /** State of the Ec2SetPassword plugin (Enabled/Disabled), null when the plugin is not listed. */
  setPassword: z.object({ state: z.string(), line: Line }).nullable(),
});

export const EventLogSchema = z.object({
  path: z.string(),
  size: z.number().int().nonnegative(),
  /** Records counted from the chunk headers; null when the file is not a readable EVTX file. */
  records: z.number().int().nonnegative().nullable(),
  error: z.string().optional(),
});
export type EventLog = z.infer<typeof EventLogSchema>;

export const UnattendFileSchema = z.object({
  path: z.string(),
  /** <JoinDomain> in the UnattendedJoin component. */
  joinDomain: z.object({ value: z.string(), line: Line }).nullable(),
  joinWorkgroup: z.object({ value: z.string(), line: Line }).nullable(),
});
export type UnattendFile = z.infer<typeof UnattendFileSchema>;

export const WindowsHostSchema = z.object({
  /** The Windows directory as found (case varies on NTFS mounts). */
  systemRoot: z.string(),
  ec2launchV2: attr(Ec2LaunchV2Schema),
  ec2launchV1: attr(Ec2LaunchV1Schema),
  ec2config: attr(Ec2ConfigSchema),
  /** Windows/System32/winevt/Logs/*.evtx */
  eventLogs: attr(z.array(EventLogSchema)),
  /** Unattend answer files found (Panther, Sysprep, the launch agents' sysprep files). */
  unattend: attr(z.array(UnattendFileSchema)),
  /** The registry hives' paths, when present: no maintained offline hive parser is used, so checks give steps. */
  hives: z.object({ system: z.string().nullable(), sam: z.string().nullable(), security: z.string().nullable() }),
});
export type WindowsHost = z.infer<typeof WindowsHostSchema>;

// ---------------------------------------------------------------- the host

export const HostSchema = z.object({
  /** The path or tar that was scanned. */
  root: z.string(),
  /** The name findings use as resourceId: --name, else the root. */
  name: z.string().optional(),
  /** How the root was read. */
  kind: z.enum(['directory', 'tar']).optional(),
  os: z.enum(['linux', 'windows', 'unknown']),
  /** /etc/os-release PRETTY_NAME, or the Windows product when known. */
  osName: z.string().optional(),
  linux: LinuxHostSchema.optional(),
  windows: WindowsHostSchema.optional(),
});
export type HostInventory = z.infer<typeof HostSchema>;
