/**
 * Builds the client once before any test file runs, so the integration and end-to-end
 * tests serve the real dist/public (and a widget over its size budget fails the run).
 */
import { buildClient } from "../client/build.ts";

export default async function setup(): Promise<void> {
  await buildClient({ quiet: true });
}
