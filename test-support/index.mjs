export { startPostgres } from "./postgres.mjs";
export { startS3 } from "./s3.mjs";
