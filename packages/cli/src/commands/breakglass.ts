import { parseCommand, UsageError } from "../usage.js";
import { CLIENT_OPTIONS, VaultClient, apiCommand, printJson } from "./client.js";

export const BREAKGLASS_USAGE = `usage (privacy officers; every step is audited):
  tracevault breakglass request --person P --reason "why, in 20+ characters" [--minutes 1-60]
  tracevault breakglass list [--person P]
  tracevault breakglass approve|deny|revoke ID     (a second officer approves)
  tracevault breakglass batches ID                 under a live grant: the person's batches
  tracevault breakglass read ID BATCH              under a live grant: one decrypted batch (JSON)
common: --url URL ($TRACEVAULT_URL) --token T ($TRACEVAULT_TOKEN) --purpose P (default incident-response)`;

/** `tracevault breakglass …`: two-person, time-limited raw access for privacy officers. */
export async function runBreakglass(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const parsed = parseCommand(
    rest,
    {
      ...CLIENT_OPTIONS,
      person: { type: "string" },
      reason: { type: "string" },
      minutes: { type: "string" },
    },
    BREAKGLASS_USAGE,
  );
  const { values: v, positionals: p } = parsed;
  const c = () => new VaultClient({ url: v.url, token: v.token, purpose: v.purpose ?? "incident-response" });
  const need = (i: number, what: string) => {
    if (!p[i]) throw new UsageError(`breakglass ${sub} needs ${what}\n${BREAKGLASS_USAGE}`);
    return encodeURIComponent(p[i]!);
  };
  return apiCommand(async () => {
    switch (sub) {
      case "request": {
        if (!v.person || !v.reason) throw new UsageError("breakglass request needs --person and --reason");
        printJson(
          await c().json("POST", "/api/v1/breakglass", {
            person: v.person,
            reason: v.reason,
            ...(v.minutes ? { minutes: Number(v.minutes) } : {}),
          }),
        );
        return 0;
      }
      case "list":
        printJson(
          await c().json(
            "GET",
            `/api/v1/breakglass${v.person ? `?person=${encodeURIComponent(v.person)}` : ""}`,
          ),
        );
        return 0;
      case "approve":
      case "deny":
      case "revoke":
        printJson(await c().json("POST", `/api/v1/breakglass/${need(0, "an ID")}/${sub}`));
        return 0;
      case "batches":
        printJson(await c().json("GET", `/api/v1/breakglass/${need(0, "an ID")}/batches`));
        return 0;
      case "read":
        printJson(
          await c().json("GET", `/api/v1/breakglass/${need(0, "an ID")}/batches/${need(1, "a BATCH")}`),
        );
        return 0;
      default:
        throw new UsageError(BREAKGLASS_USAGE);
    }
  });
}
