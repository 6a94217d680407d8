import type { Recognizer } from "../../types.js";
import { commandSecrets } from "./commands.js";
import { jwt } from "./jwt.js";
import { keyedSecrets } from "./keyed.js";
import { privateKey } from "./private-key.js";
import { secretTokens } from "./provider-tokens.js";
import { screenKeys } from "./screen-keys.js";
import { announcedSecrets } from "./typed-password.js";
import { urlCredentials } from "./url-credentials.js";

/**
 * Recognizers of the 'secrets' group, registered in ../index.ts. Each scans the text for its own cheap trigger:
 * - secret-tokens: long token-like runs → provider token formats (token-formats.ts) and raw private keys
 *   (crypto-keys.ts);
 * - secret-private-key: "-----BEGIN … PRIVATE KEY-----" blocks, PuTTY keys, service-account JSON;
 * - secret-jwt: "eyJ" → JSON Web Tokens;
 * - secret-url-credentials: "://" → user:password@host, connection strings, credential query parameters;
 * - secret-keyed: ':' and '=' → secrets assigned to secret-sounding names (keyed-formats.ts), CLI flags, XML;
 * - secret-announced: announcing words → typed passwords/PINs/OTPs, seed phrases, Bearer/Basic credentials;
 * - secret-screen-label (ocr only): keys whose label OCR garbled or whose value it split into words;
 * - secret-commands: passwords that commands take as plain arguments (htpasswd -b, net user, echo … |
 *   --password-stdin, openssl pass:, xfreerdp /p:, smbclient -U user%pass, lftp -u user,pass).
 */
export const SECRET_RECOGNIZERS: readonly Recognizer[] = [
  secretTokens,
  privateKey,
  jwt,
  urlCredentials,
  keyedSecrets,
  announcedSecrets,
  screenKeys,
  commandSecrets,
];
