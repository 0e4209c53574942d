// Receive Convene's webhooks and verify their signatures (Standard Webhooks): TypeScript for
// Node, no packages. WEBHOOK_SECRET is the `whsec_...` secret shown when the subscription was
// made; PORT is where to listen.

import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";

const TOLERANCE_SECONDS = 5 * 60;

/** Whether `body` (exactly as received) was signed with `secret`, recently. */
export function verify(secret: string, headers: IncomingHttpHeaders, body: Buffer): boolean {
  const id = String(headers["webhook-id"] ?? "");
  const timestamp = String(headers["webhook-timestamp"] ?? "");
  if (!id || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key)
    .update(`${id}.${timestamp}.`)
    .update(body)
    .digest();
  // the header may hold several signatures, "v1,<base64>" separated by spaces
  return String(headers["webhook-signature"] ?? "")
    .split(" ")
    .filter((s) => s.startsWith("v1,"))
    .map((s) => Buffer.from(s.slice(3), "base64"))
    .some((given) => given.length === expected.length && timingSafeEqual(given, expected));
}

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (c: Buffer) => chunks.push(c));
  request.on("end", () => {
    const body = Buffer.concat(chunks);
    if (!verify(process.env.WEBHOOK_SECRET!, request.headers, body)) {
      console.log("rejected");
      response.writeHead(401).end();
      return;
    }
    const event = JSON.parse(body.toString("utf8")) as { type: string; data: unknown };
    // the same webhook-id arrives again if a delivery is retried: handle it once
    console.log("verified", event.type, request.headers["webhook-id"]);
    response.writeHead(204).end();
  });
});
server.listen(Number(process.env.PORT ?? "8000"), "127.0.0.1", () => {
  const address = server.address();
  console.log("listening", typeof address === "object" && address ? address.port : "");
});
