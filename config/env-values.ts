/**
 * Values kept out of the config file: any value of phenix.yaml may be written `{ env: NAME }`, and is then read from
 * the environment variable NAME when the config is parsed. Meant for secrets (webhook secrets, the SMTP password, a
 * proxy or database URL with its credentials), so the file can be shared, versioned and shown without them. A
 * variable that is not set, or set empty, is a config problem naming the key and the variable; a value read from the
 * environment is never shown in a message.
 */

export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface EnvResolution {
  /** The config with every `{ env: NAME }` replaced by the variable's value. */
  value: unknown;
  /** Where a value came from the environment, by path (`notify.webhooks[0].secret` → PHENIX_WEBHOOK_SECRET). */
  fromEnv: { path: PropertyKey[]; name: string }[];
  problems: { path: PropertyKey[]; message: string }[];
}

export function resolveEnvValues(raw: unknown, env: Readonly<Record<string, string | undefined>>): EnvResolution {
  const out: EnvResolution = { value: undefined, fromEnv: [], problems: [] };
  out.value = walk(raw, [], env, out);
  return out;
}

function walk(
  node: unknown,
  path: PropertyKey[],
  env: Readonly<Record<string, string | undefined>>,
  out: EnvResolution,
): unknown {
  if (Array.isArray(node)) return node.map((item, i) => walk(item, [...path, i], env, out));
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node);
  if (!entries.some(([key]) => key === 'env'))
    return Object.fromEntries(entries.map(([key, value]) => [key, walk(value, [...path, key], env, out)]));
  const name = (node as { env: unknown }).env;
  if (entries.length !== 1 || typeof name !== 'string' || !ENV_NAME.test(name)) {
    out.problems.push({
      path,
      message:
        'a value read from the environment is written { env: NAME }, with only the name of the variable ' +
        '(letters, digits and _), e.g. { env: PHENIX_WEBHOOK_SECRET }',
    });
    return undefined;
  }
  const value = env[name];
  if (value === undefined || value === '') {
    out.problems.push({
      path,
      message: `is to be read from the environment variable ${name}, which is ${value === undefined ? 'not set' : 'empty'}. Set ${name} for the process (its service unit or shell), or write the value in the file`,
    });
    return undefined;
  }
  out.fromEnv.push({ path, name });
  return value;
}

/** The variable a value at `path` (or under it) came from, if any. */
export function envSourceOf(fromEnv: EnvResolution['fromEnv'], path: PropertyKey[]): string | undefined {
  return fromEnv.find((f) => f.path.length <= path.length && f.path.every((part, i) => part === path[i]))?.name;
}
