/** `--name=value` flags of the bench scripts, and comma-separated positive integers (`--sizes=1000,5_000`). */
export function benchFlags(argv: string[]) {
  const flag = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const ints = (name: string, fallback: string) => {
    const list = (flag(name) ?? fallback).split(',').map((s) => Number(s.replaceAll('_', '')));
    if (list.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`--${name} expects positive integers`);
    return list;
  };
  return { flag, ints };
}
