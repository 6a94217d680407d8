export function startPostgres(): Promise<{ url: string; stop(): Promise<void> }>;
export function startS3(): Promise<{
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  stop(): Promise<void>;
}>;
