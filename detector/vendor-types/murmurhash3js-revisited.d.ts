// murmurhash3js-revisited ships no types; only the x86 32-bit hash is used (Shodan favicon hash).
declare module 'murmurhash3js-revisited' {
  const murmur: {
    x86: { hash32(bytes: Uint8Array | number[], seed?: number): number };
  };
  export default murmur;
}
