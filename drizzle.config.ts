import { defineConfig } from 'drizzle-kit';

// One schema and one migrations folder serve Postgres and the embedded PGlite database.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  ...(process.env.DATABASE_URL
    ? { dbCredentials: { url: process.env.DATABASE_URL } }
    : { driver: 'pglite', dbCredentials: { url: './data/db' } }),
});
