import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { Channel, RedactInputLine } from "@tracevault/core";
import { redact, redactMany, type Redaction } from "@tracevault/privacy";
import { UsageError } from "../usage.js";

/** Output line for one record: offsets are UTF-16 code units into the input text. */
function outputLine(id: string | number, r: Redaction): string {
  return JSON.stringify({
    id,
    level: r.level,
    redacted: r.redacted,
    spans: r.spans.map((s) => ({ start: s.start, end: s.end, type: s.type, level: s.level })),
  });
}

/** Longest input line accepted before parsing (a 10 MB text inside JSON escapes fits). */
const MAX_LINE = 64 * 1024 * 1024;
/** Text (UTF-16 code units) read ahead of the output at most, besides the line that crosses it. */
const PENDING_UNITS = 4 * 1024 * 1024;

export async function runRedact(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { in: { type: "string" }, channel: { type: "string" } },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  const channel = values.channel === undefined ? undefined : Channel.safeParse(values.channel);
  if (channel && !channel.success)
    throw new UsageError(`--channel must be one of ${Channel.options.join(", ")}, got '${values.channel}'`);
  if (values.in === undefined) {
    if (positionals.length !== 1) throw new UsageError("redact takes one TEXT argument, or --in FILE.jsonl");
    const r = redact(positionals[0]!, { channel: channel?.data });
    process.stdout.write(r.redacted + "\n");
    return 0;
  }
  if (positionals.length > 0) throw new UsageError("give either TEXT or --in, not both");
  const stream = values.in === "-" ? process.stdin : createReadStream(values.in);
  const opened = new Promise<void>((resolve, reject) => {
    stream.once("error", reject);
    if (values.in === "-") resolve();
    else stream.once("open", () => resolve());
  });
  try {
    await opened;
  } catch (e) {
    process.stderr.write(
      `tracevault: cannot read ${values.in}: ${(e as NodeJS.ErrnoException).code ?? "error"}\n`,
    );
    return 1;
  }
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNo = 0;
  let errors = 0;
  const out = process.stdout;
  // Records are redacted up to 1,024 at a time (redactMany: the engine's batch path), then written in input order;
  // a few long lines flush sooner, so that memory stays bounded by PENDING_UNITS, not by 1,024 long lines.
  let pending: Pending[] = [];
  let units = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const { lines, failed } = redactPending(pending);
    errors += failed;
    pending = [];
    units = 0;
    if (!out.write(lines.join("\n") + "\n")) await new Promise<void>((r) => out.once("drain", () => r()));
  };
  for await (const line of rl) {
    lineNo++;
    if (line.trim() === "") continue;
    const res = parseLine(line, lineNo, channel?.data);
    if ("error" in res) {
      errors++;
      pending.push(JSON.stringify(res));
    } else {
      pending.push(res);
      units += res.text.length;
    }
    if (pending.length >= 1024 || units >= PENDING_UNITS) await flush();
  }
  await flush();
  if (errors > 0)
    process.stderr.write(`tracevault: ${errors} of ${lineNo} lines had errors (see error lines)\n`);
  return 0;
}

/** A record to redact, or a line already serialised (an error line). */
type Pending = string | ParsedLine;
interface ParsedLine {
  id: string | number;
  text: string;
  channel: Channel | undefined;
  line: number;
}
interface LineError {
  error: string;
  line: number;
  id?: string | number;
}

function parseLine(line: string, lineNo: number, channel: Channel | undefined): ParsedLine | LineError {
  if (line.length > MAX_LINE) return { error: `line is longer than ${MAX_LINE} characters`, line: lineNo };
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { error: "not valid JSON", line: lineNo };
  }
  const rec = RedactInputLine.safeParse(json);
  if (!rec.success) {
    const issue = rec.error.issues[0];
    const where = issue?.path.length ? issue.path.join(".") : "record";
    const id = typeof json === "object" && json && "id" in json ? (json as { id: unknown }).id : undefined;
    return {
      error: `${where}: ${issue?.message ?? "invalid"}`,
      line: lineNo,
      ...(typeof id === "string" || typeof id === "number" ? { id } : {}),
    };
  }
  return { id: rec.data.id, text: rec.data.text, channel: rec.data.channel ?? channel, line: lineNo };
}

/** The output lines of `pending`, in order (records of one channel are redacted together), and how many failed. */
function redactPending(pending: readonly Pending[]): { lines: string[]; failed: number } {
  let failed = 0;
  const lines = pending.map((p) => (typeof p === "string" ? p : ""));
  const byChannel = new Map<Channel | undefined, number[]>();
  pending.forEach((p, i) => {
    if (typeof p === "string") return;
    const at = byChannel.get(p.channel);
    if (at) at.push(i);
    else byChannel.set(p.channel, [i]);
  });
  for (const [channel, at] of byChannel) {
    const recs = at.map((i) => pending[i] as ParsedLine);
    let rs: Redaction[] | undefined;
    try {
      rs = redactMany(
        recs.map((r) => r.text),
        { channel },
      );
    } catch {
      // one record the engine refuses (e.g. too long): the others still get their results, each its own error
    }
    at.forEach((i, k) => {
      const rec = recs[k]!;
      try {
        lines[i] = outputLine(rec.id, rs ? rs[k]! : redact(rec.text, { channel }));
      } catch (e) {
        lines[i] = JSON.stringify({ error: (e as Error).message, line: rec.line, id: rec.id });
        failed++;
      }
    });
  }
  return { lines, failed };
}
