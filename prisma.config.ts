import { defineConfig } from 'prisma/config';

// Prisma 7 reads the connection from here, not from schema.prisma. Only `prisma generate`
// is used in this project (migrations are applied by libs/persistence), so a placeholder
// URL is enough when DATABASE_URL is unset.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  datasource: {
    url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/unused',
  },
});
