import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Every setting is validated once at start-up; a bad value stops
 * the process with a message naming the variable, instead of failing later somewhere else.
 */
const ZBool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const ZEnv = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('localhost'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    PUBLIC_URL: z.url().optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    MAIL_FROM: z.string().min(3).default('Lederprogram <no-reply@lederprogram.local>'),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(24 * 14),
    TRUST_PROXY: ZBool.default(false),
    COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
    MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(1024 * 1024),
    SEED_DEMO: ZBool.default(true),
    MAIL_WORKER: ZBool.default(true),
    /** How long before an event its reminder e-mail is queued (the day before: 24). */
    REMINDER_HOURS_BEFORE: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 14)
      .default(24),
    /** How long before a coaching session a leader may still move or cancel it themselves. */
    COACHING_CHANGE_CUTOFF_HOURS: z.coerce
      .number()
      .int()
      .min(0)
      .max(24 * 14)
      .default(24),
    /** Graceful shutdown: how long in-flight requests may take to finish after SIGTERM. */
    SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(25),
    /** Graceful shutdown: keep serving (with /api/ready at 503) this long, so the proxy notices first. */
    SHUTDOWN_DELAY_SECONDS: z.coerce.number().int().min(0).max(120).default(0),
    /** Connections each instance may hold to PostgreSQL (N instances × this ≤ max_connections). */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Where gathering materials (uploaded files) are kept: a folder (disk) or an S3-compatible bucket. */
    MATERIALS_STORAGE: z.enum(['disk', 's3']).default('disk'),
    MATERIALS_DIR: z.string().min(1).optional(),
    MATERIAL_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(5 * 1024 * 1024 * 1024)
      .default(50 * 1024 * 1024),
    S3_ENDPOINT: z.url().optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_BUCKET: z.string().min(3).max(63).optional(),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: ZBool.optional(),
    /**
     * Encrypts stored secrets (each municipality's OpenID Connect client secret) with AES-256-GCM:
     * 32 random bytes, as 64 hex characters or base64 (`openssl rand -base64 32`).
     */
    SECRETS_KEY: z
      .string()
      .refine(
        (v) => decodeSecretsKey(v) !== null,
        '32 bytes as 64 hex characters or base64 (openssl rand -base64 32)',
      )
      .optional(),
    /**
     * Lets the server fetch an OpenID issuer over plain http on this machine (localhost, 127.0.0.0/8,
     * ::1), for a test identity provider. Default: on only when NODE_ENV=test. Private, link-local
     * and metadata addresses stay refused either way.
     */
    OIDC_ALLOW_LOOPBACK: ZBool.optional(),
  })
  .superRefine((e, ctx) => {
    if (e.MATERIALS_STORAGE !== 's3') return;
    if (!e.S3_BUCKET)
      ctx.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'required when MATERIALS_STORAGE=s3' });
    if (!e.S3_ACCESS_KEY_ID !== !e.S3_SECRET_ACCESS_KEY) {
      const missing = e.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID';
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: 'set both S3 keys, or neither (the SDK default chain)',
      });
    }
  });

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** PUBLIC_URL; undefined means "http://localhost:<the port actually bound>". */
  publicUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionTtlHours: number;
  trustProxy: boolean;
  cookieSecure: 'auto' | 'always' | 'never';
  maxBodyBytes: number;
  seedDemo: boolean;
  mailWorker: boolean;
  reminderHoursBefore: number;
  coachingChangeCutoffHours: number;
  shutdownTimeoutSeconds: number;
  shutdownDelaySeconds: number;
  databasePoolSize: number;
  logLevel: string;
  /** Gathering materials: where they are stored and the largest file accepted. */
  materials: MaterialsConfig;
  /** SECRETS_KEY decoded (32 bytes); undefined: stored secrets (OIDC client secrets) cannot be saved or used. */
  secretsKey: Buffer | undefined;
  /** OIDC_ALLOW_LOOPBACK: the server may fetch an issuer on this machine over http (tests). */
  oidcAllowLoopback: boolean;
}

/** SECRETS_KEY as 32 bytes, or null when it is neither 64 hex characters nor base64 of 32 bytes. */
function decodeSecretsKey(value: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (!/^[A-Za-z0-9+/]{43}=?$/.test(value)) return null;
  const key = Buffer.from(value, 'base64');
  return key.length === 32 ? key : null;
}

export type MaterialsConfig = { maxBytes: number } & (
  | { storage: 'disk'; dir: string }
  | {
      storage: 's3';
      /** Unset: AWS itself. */
      endpoint: string | undefined;
      region: string;
      bucket: string;
      /** Unset: the SDK's default credential chain (environment, instance role). */
      credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
      forcePathStyle: boolean;
    }
);

export class ConfigError extends Error {}

/** Parses an environment (process.env by default) into a Config, or throws a ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset: `FOO= npm start` should mean "default", not "invalid".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZEnv.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    trustProxy: e.TRUST_PROXY,
    cookieSecure: e.COOKIE_SECURE === 'true' ? 'always' : e.COOKIE_SECURE === 'false' ? 'never' : 'auto',
    maxBodyBytes: e.MAX_BODY_BYTES,
    seedDemo: e.SEED_DEMO,
    mailWorker: e.MAIL_WORKER,
    reminderHoursBefore: e.REMINDER_HOURS_BEFORE,
    coachingChangeCutoffHours: e.COACHING_CHANGE_CUTOFF_HOURS,
    shutdownTimeoutSeconds: e.SHUTDOWN_TIMEOUT_SECONDS,
    shutdownDelaySeconds: e.SHUTDOWN_DELAY_SECONDS,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    logLevel: e.LOG_LEVEL,
    secretsKey: e.SECRETS_KEY ? (decodeSecretsKey(e.SECRETS_KEY) ?? undefined) : undefined,
    oidcAllowLoopback: e.OIDC_ALLOW_LOOPBACK ?? e.NODE_ENV === 'test',
    materials:
      e.MATERIALS_STORAGE === 's3'
        ? {
            storage: 's3',
            maxBytes: e.MATERIAL_MAX_BYTES,
            endpoint: e.S3_ENDPOINT,
            region: e.S3_REGION,
            bucket: e.S3_BUCKET!,
            credentials:
              e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
                ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY }
                : undefined,
            // S3-compatible servers (MinIO, Ceph) usually need path-style addressing; AWS does not.
            forcePathStyle: e.S3_FORCE_PATH_STYLE ?? e.S3_ENDPOINT !== undefined,
          }
        : {
            storage: 'disk',
            maxBytes: e.MATERIAL_MAX_BYTES,
            dir: e.MATERIALS_DIR ?? path.join(e.DATA_DIR, 'materials'),
          },
  };
}
