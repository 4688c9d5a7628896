/**
 * Loaded before every test file (vitest's `setupFiles`, see vitest.config.ts): fixed secrets,
 * so tests never generate development secrets into ./data, and quiet defaults.
 */
process.env.SWITCHBOARD_JWT_SECRET ??= 'test-only-jwt-secret-0123456789abcdef';
process.env.SWITCHBOARD_INTERNAL_SECRET ??= 'test-only-internal-secret-0123456789abcdef';
process.env.SWITCHBOARD_PII_KEY ??= Buffer.alloc(32, 7).toString('base64');
process.env.SWITCHBOARD_WEBHOOK_KEY ??= Buffer.alloc(32, 9).toString('base64');
process.env.SWITCHBOARD_SEED_CUSTOMERS ??= '0';
process.env.CTI_WEBHOOK_SECRETS ??= 'test-only-cti-secret';
process.env.LOG_LEVEL ??= 'warn';
