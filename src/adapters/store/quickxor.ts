// QuickXorHash, the hash SharePoint and OneDrive for Business report in file.hashes.quickXorHash.
// Each input byte is XORed into a 160-bit register at bit offset (11 * index) mod 160, wrapping round;
// the 64-bit little-endian input length is then XORed into the register's last 8 bytes.
// The result is the register's 20 bytes, little-endian, in base64.

const WIDTH_BITS = 160;
const SHIFT = 11;

export function quickXorHash(data: Uint8Array): string {
  // Bytes whose index is congruent mod 160 land at the same bit offset, so fold them first.
  const folded = new Uint8Array(WIDTH_BITS);
  for (let i = 0; i < data.length; i++) folded[i % WIDTH_BITS]! ^= data[i]!;

  const register = new Uint8Array(WIDTH_BITS / 8);
  const count = Math.min(data.length, WIDTH_BITS);
  for (let r = 0; r < count; r++) {
    const value = folded[r]!;
    if (value === 0) continue;
    const offset = (SHIFT * r) % WIDTH_BITS;
    const byteIndex = offset >> 3;
    const bit = offset & 7;
    const spread = value << bit; // up to 15 bits
    register[byteIndex]! ^= spread & 0xff;
    if (bit !== 0) register[(byteIndex + 1) % register.length]! ^= (spread >> 8) & 0xff;
  }

  let length = BigInt(data.length);
  for (let i = 0; i < 8; i++) {
    register[WIDTH_BITS / 8 - 8 + i]! ^= Number(length & 0xffn);
    length >>= 8n;
  }
  return Buffer.from(register).toString('base64');
}
