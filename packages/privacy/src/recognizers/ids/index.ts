import type { Recognizer } from "../../types.js";
import { bankAccount, iban } from "./bank.js";
import { paymentCard } from "./cards.js";
import { idDocument } from "./documents.js";
import { labelledIds } from "./labelled-ids.js";
import { nationalId } from "./national.js";

/**
 * Recognizers of the 'ids' group (financial and national identifiers, level 4; vehicle and staff numbers by their
 * label, level 3), registered in
 * ../index.ts. They share one scan of the text for digit runs (scan.ts) and one keyword lookup per
 * run (keywords.ts), both memoised for the record being analysed.
 */
export const ID_RECOGNIZERS: readonly Recognizer[] = [
  paymentCard,
  iban,
  bankAccount,
  nationalId,
  idDocument,
  labelledIds,
];
