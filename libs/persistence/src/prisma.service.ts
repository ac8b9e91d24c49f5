import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient, type Prisma } from './generated/prisma/client';

/** The Prisma client on node-postgres (no query-engine binary needed). */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  /**
   * The connection pool under Prisma. The hottest read (a task queue's page) runs its
   * statement here without Prisma's query layer, about a sixth of its time; $disconnect
   * ends the pool.
   */
  private readonly pool: Pool;

  constructor(databaseUrl: string) {
    const pool = new Pool({ connectionString: databaseUrl, max: 10 });
    // An idle connection that PostgreSQL drops must not crash the process; the next query
    // reports the outage.
    pool.on('error', () => undefined);
    super({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
    this.pool = pool;
  }

  /**
   * A written-out statement on the pool directly. Rows come as node-postgres parses them
   * (timestamptz as Date, int4 as number, text as string): select only such columns.
   */
  async queryRows<T>(statement: Prisma.Sql): Promise<T[]> {
    const result = await this.pool.query(statement.text, statement.values);
    return result.rows as T[];
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
