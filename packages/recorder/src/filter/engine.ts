import {
  analyze as engineAnalyze,
  redact as engineRedact,
  type AnalyzeOptions,
  type Analysis,
  type Redaction,
} from "@tracevault/privacy";

/** The part of the privacy engine the recorder uses (injectable so tests can make it fail). */
export interface PrivacyEngine {
  analyze(text: string, opts?: AnalyzeOptions): Analysis;
  redact(text: string, opts?: AnalyzeOptions): Redaction;
}

/** The real engine from @tracevault/privacy. */
export const DEFAULT_ENGINE: PrivacyEngine = {
  analyze: (t, o) => engineAnalyze(t, o),
  redact: (t, o) => engineRedact(t, o),
};

/**
 * The privacy engine failed. The recorder fails closed: it stops recording, drops everything not yet
 * filtered, and says why. The message never contains recorded content.
 */
export class EngineFailure extends Error {
  override name = "EngineFailure";
  constructor(where: string, cause: unknown) {
    const why = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    // The cause message comes from the engine; cut it short so that an engine echoing its input cannot
    // leak much of it into a log.
    super(`the privacy engine failed while filtering ${where} (${why.slice(0, 160)})`, { cause });
  }
}

/** Wrap an engine so that any exception becomes an {@link EngineFailure} naming what was being filtered. */
export function guardedEngine(engine: PrivacyEngine): PrivacyEngine & {
  analyzeFor(where: string, text: string, opts?: AnalyzeOptions): Analysis;
  redactFor(where: string, text: string, opts?: AnalyzeOptions): Redaction;
} {
  const analyzeFor = (where: string, text: string, opts?: AnalyzeOptions): Analysis => {
    try {
      return engine.analyze(text, opts);
    } catch (e) {
      throw new EngineFailure(where, e);
    }
  };
  const redactFor = (where: string, text: string, opts?: AnalyzeOptions): Redaction => {
    try {
      return engine.redact(text, opts);
    } catch (e) {
      throw new EngineFailure(where, e);
    }
  };
  return {
    analyze: (t, o) => analyzeFor("text", t, o),
    redact: (t, o) => redactFor("text", t, o),
    analyzeFor,
    redactFor,
  };
}
