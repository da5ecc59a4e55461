/** The problems parseConfig reports for a YAML text (fails the test if it throws anything else or nothing). */
import { expect } from 'vitest';
import { ConfigError, parseConfig } from '../../../config/index.ts';

export function configProblems(yaml: string): string[] {
  try {
    parseConfig(yaml, { source: 'phenix.yaml' });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}
