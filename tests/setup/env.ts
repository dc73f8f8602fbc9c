/** Which optional services this test run has, decided once from the environment. */
export const isCI = process.env.CI === 'true' || process.env.CI === '1';
export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
