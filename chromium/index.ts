/**
 * Chromium launch settings, one room for every part that starts the browser (the crawler's browser mode, the
 * case-page PDF of review/, `phenix doctor`): where Chromium is, the flags that keep it quiet and leak-free, and
 * the sandbox set-up (root → bin/phenix-chromium). It imports nothing of the project.
 */
export { BrowserNotFoundError, type ChromiumLocation, findChromium } from './find.ts';
export {
  BROWSER_USER,
  type BrowserLaunch,
  type BrowserLaunchOptions,
  BrowserSandboxError,
  browserLaunch,
  browserLaunchOptions,
  browserUserAgent,
  CHROMIUM_ARGS,
  CHROMIUM_WRAPPER,
  chromiumVersion,
} from './launch.ts';
