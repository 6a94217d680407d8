export { DEFAULT_POLICY } from "./default.js";
export { DEFAULT_POLICY_SOURCE } from "./default-policy.js";
export {
  loadPolicy,
  entityRule,
  PolicyValidationError,
  type PolicyIssue,
  type PrivacyPolicy,
  type CompiledCategory,
} from "./load.js";
export { matchContext, type ContextMatch, type RecordContext } from "./match.js";
export type { PolicySourceInput, PolicyData, ContextCategoryData, EntityRuleData } from "./schema.js";
