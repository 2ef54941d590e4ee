// QuickXorHash, the hash SharePoint reports in file.hashes.quickXorHash. Pure, so that the Graph
// adapter (in the browser and in Node) and the local store compute it the same way.

const WIDTH_BITS = 160;

/** QuickXorHash over bytes given in pieces (the local store hashes files it never holds whole). */
export class QuickXorHasher {
  private readonly folded = new Uint8Array(WIDTH_BITS);
  private length = 0;

  update(data: Uint8Array): this {
    let at = this.length % WIDTH_BITS;
    for (let i = 0; i < data.length; i++) {
      this.folded[at]! ^= data[i]!;
      at = at + 1 === WIDTH_BITS ? 0 : at + 1;
    }
    this.length += data.length;
    return this;
  }

  digest(): string {
    const register = new Uint8Array(WIDTH_BITS / 8);
    for (let r = 0; r < Math.min(this.length, WIDTH_BITS); r++) {
      const value = this.folded[r]!;
      if (value === 0) continue;
      const offset = (11 * r) % WIDTH_BITS;
      const byteIndex = offset >> 3;
      const bit = offset & 7;
      const spread = value << bit;
      register[byteIndex]! ^= spread & 0xff;
      if (bit !== 0) register[(byteIndex + 1) % register.length]! ^= (spread >> 8) & 0xff;
    }
    let length = BigInt(this.length);
    for (let i = 0; i < 8; i++) {
      register[WIDTH_BITS / 8 - 8 + i]! ^= Number(length & 0xffn);
      length >>= 8n;
    }
    let binary = '';
    for (const byte of register) binary += String.fromCharCode(byte);
    return btoa(binary);
  }
}

/**
 * QuickXorHash, the hash SharePoint reports in file.hashes.quickXorHash, so that a file already
 * in the library with the same content is not uploaded again. Portable (no Node Buffer).
 */
export function quickXorHash(data: Uint8Array): string {
  return new QuickXorHasher().update(data).digest();
}
