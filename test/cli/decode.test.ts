import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { decodeFile, NotUtf8 } from "../../cli/decode";

// The file is read in chunks of 1 MiB: ASCII chunks take a fast path, the others the streaming decoder.
const MIB = 1 << 20;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vendorscore-decode-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function decoded(bytes: Buffer, from: "utf-8" | "given" = "utf-8"): Promise<string> {
  const file = path.join(tmp, `f${Math.random().toString(36).slice(2)}.csv`);
  fs.writeFileSync(file, bytes);
  let text = "";
  for await (const part of decodeFile(file, { encoding: "utf-8", from })) text += part;
  return text;
}

const ascii = (n: number) => "Vendor,Qty\n".repeat(Math.ceil(n / 11)).slice(0, n);

describe("reading UTF-8 in chunks", () => {
  it.each([
    ["é", 1],
    ["€", 1],
    ["€", 2],
    ["𝄞", 1],
    ["𝄞", 3],
  ])("keeps %s cut by a chunk's end (%i bytes before it) whole, with ASCII chunks before and after", async (char, before) => {
    const text = ascii(MIB - before) + char + ascii(MIB + 17) + "Zoë\n" + ascii(2 * MIB);
    expect(await decoded(Buffer.from(text, "utf8"))).toBe(text);
  });

  it("keeps a U+FEFF that begins a later chunk, and drops a byte-order mark only at the start", async () => {
    const later = ascii(MIB) + "\uFEFFAcme\n";
    expect(await decoded(Buffer.from(later, "utf8"))).toBe(later);
    expect(await decoded(Buffer.from("\uFEFFVendor\nAcme\n", "utf8"), "given")).toBe("Vendor\nAcme\n");
  });

  it("says a file is not UTF-8 at an invalid byte after ASCII chunks", async () => {
    const bytes = Buffer.concat([Buffer.from(ascii(2 * MIB)), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a])]);
    await expect(decoded(bytes)).rejects.toBeInstanceOf(NotUtf8);
  });
});
