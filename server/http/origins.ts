/**
 * Which web pages may talk to this server (the widget runs on other sites). One policy is
 * enforced on HTTP CORS (`/api/*`) and on the socket.io handshake.
 *
 * - A request without an `Origin` header (curl, server to server) is allowed: origins
 *   protect browsers' users, and non-browser clients can send any header anyway.
 * - The server's own origin (the `Host` the request was sent to) is always allowed.
 * - `"*"` allows every origin.
 * - Default (no list): the own origin plus `localhost`, `127.0.0.1` and `[::1]` on any port,
 *   for development.
 * - A list: the own origin plus exactly those origins.
 */

export type AllowedOrigins = readonly string[] | "*";

export interface OriginPolicy {
  allows(origin: string | undefined, host: string | undefined): boolean;
  /** For frame-ancestors: the sources allowed to embed the chat page. */
  readonly frameAncestors: string[];
}

const LOCAL_HOSTNAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Parses `ALLOWED_ORIGINS` ("*" or comma-separated origins); empty means the default. */
export function parseAllowedOrigins(value: string | undefined): AllowedOrigins | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  if (value.trim() === "*") return "*";
  return value.split(",").map((entry) => entry.trim()).filter(Boolean);
}

function normalize(entry: string): string {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    throw new Error(`allowed origin "${entry}" is not an origin; write it like https://example.com or http://localhost:8080`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`allowed origin "${entry}" must start with http:// or https://`);
  }
  return url.origin;
}

export function createOriginPolicy(allowed: AllowedOrigins | undefined): OriginPolicy {
  const any = allowed === "*";
  const list = allowed === undefined || allowed === "*" ? undefined : new Set(allowed.map(normalize));

  return {
    frameAncestors: any ? ["*"] : ["'self'", ...(list ?? ["http://localhost:*", "http://127.0.0.1:*"])],
    allows(origin, host) {
      if (origin === undefined) return true;
      if (any) return true;
      let url: URL;
      try {
        url = new URL(origin);
      } catch {
        return false; // includes the opaque origin "null"
      }
      if (url.protocol !== "http:" && url.protocol !== "https:") return false;
      if (host !== undefined && url.host === host.toLowerCase()) return true;
      if (list) return list.has(url.origin);
      return LOCAL_HOSTNAMES.has(url.hostname);
    },
  };
}
