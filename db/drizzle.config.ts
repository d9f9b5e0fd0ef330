import { defineConfig } from 'drizzle-kit';

/** @see https://orm.drizzle.team/docs/drizzle-config-file */
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './db/migrations',
});
