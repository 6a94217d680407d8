import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  Authorizer,
  DEFAULT_POLICIES,
  ROLES,
  validatePolicies,
  type Principal,
  type Role,
} from "../src/policy/cedar.js";

const auth = new Authorizer();
const user = (role: Role, person = ""): Principal => ({ userId: `u-${role}`, role, person, active: true });

describe("Cedar policies", () => {
  it("the shipped policies validate against the schema", () => {
    expect(validatePolicies(DEFAULT_POLICIES)).toEqual([]);
  });

  it("an invalid policy change is refused with the reason", () => {
    const bad =
      DEFAULT_POLICIES + '\npermit (principal, action == Tracevault::Action::"record.steal", resource);';
    expect(validatePolicies(bad).join(" ")).toMatch(/record\.steal/);
  });

  it("a person reads their own records and nobody else's", () => {
    const p = user("person", "alice");
    const own = { type: "Record" as const, id: "r1", owner: "alice", level: 3 };
    const other = { type: "Record" as const, id: "r2", owner: "bob", level: 3 };
    expect(auth.authorize(p, "record.read", own, { purpose: "self-access" }).allowed).toBe(true);
    expect(auth.authorize(p, "record.read", other, { purpose: "self-access" }).allowed).toBe(false);
  });

  it("no staff role reads raw records; an officer only with break-glass", () => {
    const rec = { type: "Record" as const, id: "r1", owner: "alice", level: 3 };
    for (const role of ROLES.filter((r) => r !== "person"))
      expect(
        auth.authorize(user(role), "record.read", rec, { purpose: "agent-training" }).allowed,
        role,
      ).toBe(false);
    const d = auth.authorize(user("privacy_officer"), "record.read", rec, {
      purpose: "incident",
      breakglass: true,
    });
    expect(d).toMatchObject({ allowed: true, policies: ["officer-breakglass-read"] });
  });

  it("researchers read only approved datasets they are on, for its purpose, at level 2 or below", () => {
    const r = user("researcher");
    const ds = {
      type: "Dataset" as const,
      id: "d1",
      status: "approved",
      proposer: "u-x",
      researchers: [r.userId],
      purpose: "agent-training",
      levelCap: 2,
    };
    expect(auth.authorize(r, "dataset.read", ds, { purpose: "agent-training" }).allowed).toBe(true);
    expect(
      auth.authorize(r, "dataset.read", { ...ds, status: "proposed" }, { purpose: "agent-training" }).allowed,
    ).toBe(false);
    expect(
      auth.authorize(r, "dataset.read", { ...ds, researchers: [] }, { purpose: "agent-training" }).allowed,
    ).toBe(false);
    expect(
      auth.authorize(r, "dataset.read", { ...ds, levelCap: 3 }, { purpose: "agent-training" }).allowed,
    ).toBe(false);
    expect(auth.authorize(r, "dataset.read", ds, { purpose: "other-research" }).allowed).toBe(false);
  });

  it("forbidden purposes are refused for every role and action", () => {
    for (const role of ROLES)
      for (const action of ACTIONS)
        for (const purpose of ["performance-evaluation", "emotion-inference"])
          expect(
            auth.authorize(
              user(role, "alice"),
              action,
              { type: "Person", id: "alice" },
              { purpose, breakglass: true },
            ).allowed,
          ).toBe(false);
  });

  it("fleet admins manage devices and pauses; auditors only the audit log", () => {
    const svc = (id: string) => ({ type: "Service" as const, id });
    expect(
      auth.authorize(user("fleet_admin"), "fleet.pause", svc("fleet"), { purpose: "operations" }).allowed,
    ).toBe(true);
    expect(
      auth.authorize(user("fleet_admin"), "audit.read", svc("audit"), { purpose: "operations" }).allowed,
    ).toBe(false);
    expect(auth.authorize(user("auditor"), "audit.verify", svc("audit"), { purpose: "audit" }).allowed).toBe(
      true,
    );
    expect(auth.authorize(user("auditor"), "fleet.pause", svc("fleet"), { purpose: "audit" }).allowed).toBe(
      false,
    );
    expect(
      auth.authorize({ ...user("auditor"), active: false }, "audit.read", svc("audit"), { purpose: "audit" })
        .allowed,
    ).toBe(false);
  });
});
