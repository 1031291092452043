// The sandbox's attachment CDN: a script's `attach FILE` holds a file for the acting user's next
// command, whose attachment option then carries it (in `data.resolved.attachments`, as Discord
// sends it) with a URL on this server, `http://127.0.0.1:PORT/cdn/attachments/…`, that serves its
// bytes — the bot downloads it as it would from cdn.discordapp.com (DISCORD_CDN_BASE points here).
import type { IncomingMessage, ServerResponse } from "node:http";
import { randomInt } from "node:crypto";

export interface SandboxAttachment {
  id: string;
  filename: string;
  /** What the payload says (Discord's `size`); the bytes served may differ only when a script says so. */
  size: number;
  url: string;
  proxy_url: string;
  content_type: string;
}

export class SandboxCdn {
  private readonly files = new Map<string, { attachment: SandboxAttachment; data: Buffer }>();
  private pending: SandboxAttachment | null = null;
  /** Downloads served so far (a refused attachment is never downloaded). */
  downloads = 0;

  constructor(private readonly port: () => number) {}

  /** Where attachments are served from: DISCORD_CDN_BASE for the bot. */
  get base(): string {
    return `http://127.0.0.1:${this.port()}/cdn/`;
  }

  /** Holds a file for the next command's attachment option; `size` overrides the size the payload declares. */
  attach(filename: string, data: Buffer, size = data.length): SandboxAttachment {
    const id = `${(BigInt(Date.now() - 1420070400000) << 22n) | BigInt(randomInt(1 << 22))}`;
    const name = filename.replace(/[^\w.-]+/g, "_").slice(0, 100) || "file";
    const url = `${this.base}attachments/${id}/${name}`;
    const attachment = {
      id,
      filename: name,
      size,
      url,
      proxy_url: url,
      content_type: name.endsWith(".json") ? "application/json" : "application/octet-stream",
    };
    this.files.set(id, { attachment, data });
    this.pending = attachment;
    return attachment;
  }

  /** The file held for the next command (then no longer held). */
  take(): SandboxAttachment | null {
    const file = this.pending;
    this.pending = null;
    return file;
  }

  /** Answers GET /cdn/attachments/{id}/{name}; false when the request isn't for the CDN. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    const m = /^\/cdn\/attachments\/(\d+)\/([^/?]+)/.exec(req.url ?? "");
    if (!m) return false;
    const file = this.files.get(m[1]!);
    if (!file || req.method !== "GET") {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
      return true;
    }
    this.downloads++;
    res.writeHead(200, { "content-type": file.attachment.content_type, "content-length": file.data.length }).end(file.data);
    return true;
  }
}
