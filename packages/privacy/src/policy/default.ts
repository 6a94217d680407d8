import { DEFAULT_POLICY_SOURCE } from "./default-policy.js";
import { loadPolicy, type PrivacyPolicy } from "./load.js";

/**
 * The policy shipped with tracevault (`default-policy.json`), validated and compiled once at import.
 * @example DEFAULT_POLICY.version // "2026-11-30.1"
 */
export const DEFAULT_POLICY: PrivacyPolicy = loadPolicy(DEFAULT_POLICY_SOURCE);
