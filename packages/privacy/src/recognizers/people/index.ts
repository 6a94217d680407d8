import type { Recognizer } from "../../types.js";
import { accountNames } from "./account-names.js";
import { streetAddress } from "./address.js";
import { addressField } from "./address-field.js";
import { codeNames } from "./code-names.js";
import { handles } from "./handles.js";
import { dobAge } from "./dob-age.js";
import { documentNames } from "./document-names.js";
import { honorificNames } from "./honorific-names.js";
import { lexicon } from "./lexicon.js";
import { person } from "./person.js";
import { screenNames } from "./screen-names.js";
import { tableColumns } from "./table-columns.js";

export { prepareDirectory } from "./directory.js";
export { person, detectPersons } from "./person.js";
export { streetAddress, detectAddresses } from "./address.js";
export { addressField } from "./address-field.js";
export { codeNames } from "./code-names.js";
export { handles } from "./handles.js";
export { detectPostcodes, isPostcodeText } from "./postcode.js";
export { dobAge } from "./dob-age.js";
export { documentNames } from "./document-names.js";
export { honorificNames } from "./honorific-names.js";
export { screenNames } from "./screen-names.js";
export { accountNames, detectAccountNames } from "./account-names.js";
export { tableColumns } from "./table-columns.js";

// Build the name lexicon (about 250K words, a few tens of milliseconds) when the recognizers are
// loaded rather than on the first record, so that no record pays for it.
lexicon();

/** Recognizers of the 'people' group, registered in ../index.ts. */
export const PEOPLE_RECOGNIZERS: readonly Recognizer[] = [
  person,
  honorificNames,
  documentNames,
  codeNames,
  screenNames,
  streetAddress,
  addressField,
  dobAge,
  accountNames,
  handles,
  tableColumns,
];
