import { randomUUID } from "node:crypto";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import pg from "pg";
import { startPostgres, startS3 } from "../../../test-support/index.mjs";
import type { BlobStore } from "../src/blobs/store.js";
import { S3BlobStore } from "../src/blobs/s3.js";
import { PostgresSql } from "../src/db/postgres.js";
import type { Sql } from "../src/db/sql.js";

/**
 * The storage backends every storage test runs against: the embedded default (SQLite + files, made by
 * Vault.open when nothing is injected) and the fleet configuration (PostgreSQL + an S3-compatible store).
 */
export interface Backend {
  name: string;
  /** Fresh, empty storage for one vault; undefined parts mean "the embedded default". */
  make(): Promise<{ sql?: Sql; blobs?: BlobStore }>;
  stop(): Promise<void>;
}

export const embedded: Backend = { name: "sqlite+files", make: async () => ({}), stop: async () => {} };

export async function fleet(): Promise<Backend> {
  const pgServer = await startPostgres();
  const s3 = await startS3();
  const made: Sql[] = [];
  return {
    name: "postgres+s3",
    make: async () => {
      const db = `tv_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
      const admin = new pg.Client({ connectionString: pgServer.url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${db}`);
      await admin.end();
      const bucket = `b-${randomUUID().slice(0, 8)}`;
      const cfg = {
        endpoint: s3.endpoint,
        region: "us-east-1",
        credentials: s3.credentials,
        forcePathStyle: true,
      };
      await new S3Client(cfg).send(new CreateBucketCommand({ Bucket: bucket }));
      const sql = new PostgresSql(pgServer.url.replace(/\/postgres$/, `/${db}`));
      made.push(sql);
      return { sql, blobs: new S3BlobStore(bucket, "vault", cfg) };
    },
    stop: async () => {
      for (const s of made) await s.close().catch(() => undefined);
      await s3.stop();
      await pgServer.stop();
    },
  };
}
