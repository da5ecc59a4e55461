import { describe, expect, it } from 'vitest';
import {
  BrowserSandboxError,
  browserLaunch,
  browserUserAgent,
  CHROMIUM_ARGS,
  CHROMIUM_WRAPPER,
} from '../../../chromium/index.ts';

describe('browserLaunch', () => {
  it('never turns the sandbox off, limits WebRTC to proxied UDP and keeps one --disable-features list', () => {
    expect(CHROMIUM_ARGS).not.toContain('--no-sandbox');
    expect(CHROMIUM_ARGS).toContain('--webrtc-ip-handling-policy=disable_non_proxied_udp');
    const features = CHROMIUM_ARGS.filter((a) => a.startsWith('--disable-features='));
    expect(features).toHaveLength(1);
    expect(features[0]).toContain('NetworkTimeServiceQuerying');
    expect(features[0]).toContain('WebRtcHideLocalIpsWithMdns');
  });

  it('as a normal user, starts Chromium itself without Google API keys', () => {
    process.env.GOOGLE_API_KEY = 'fiction';
    try {
      const launch = browserLaunch('/usr/bin/chromium', { uid: 1000 });
      expect(launch.executablePath).toBe('/usr/bin/chromium');
      expect(launch.env.GOOGLE_API_KEY).toBeUndefined();
      expect(launch.sandbox.viaWrapper).toBe(false);
    } finally {
      delete process.env.GOOGLE_API_KEY;
    }
  });

  it('as root, goes through the wrapper that drops to the browser user', () => {
    const launch = browserLaunch('/usr/bin/chromium', { uid: 0, user: 'phenix', exists: () => true });
    expect(launch.executablePath).toBe(CHROMIUM_WRAPPER);
    expect(launch.env.PHENIX_CHROMIUM).toBe('/usr/bin/chromium');
    expect(launch.env.PHENIX_BROWSER_USER).toBe('phenix');
  });

  it('as root without the browser user, says how to create it', () => {
    expect(() => browserLaunch('/usr/bin/chromium', { uid: 0, user: 'phenix', exists: () => false })).toThrow(
      BrowserSandboxError,
    );
    expect(() => browserLaunch('/usr/bin/chromium', { uid: 0, user: 'phenix', exists: () => false })).toThrow(
      /phenix doctor --fix/,
    );
  });

  it('builds a desktop Chrome user agent from the version, never a headless one', () => {
    expect(browserUserAgent('156.0.8078.114')).toMatch(/ Chrome\/156\.0\.0\.0 Safari\/537\.36$/);
    expect(browserUserAgent(null)).not.toContain('Headless');
  });
});
