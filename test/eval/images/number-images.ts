/**
 * Numbers in pictures, rendered by Chromium (the browser the crawler drives): fiction phone numbers in varied
 * fonts, sizes, colours, backgrounds (plain, gradient, a photo), rotations and JPEG qualities, plus pictures of
 * digit-bearing text without any phone number (prices, dates, postcodes, SIRET numbers, references, times:
 * digit-texts.ts, seeded per set) that must give none. Labelled; deterministic per seed.
 */
import { chromium } from 'playwright';
import sharp from 'sharp';
import { syntheticPhoto } from '../../../demo/photos.ts';
import { createRng } from '../../../sitegen/prng.ts';
import { digitTextGenerator } from './digit-texts.ts';

export interface NumberImage {
  bytes: Buffer;
  /** E.164 of the number shown, or null for a picture without a phone number. */
  label: string | null;
  text: string;
  style: string;
}

const FONTS = ['DejaVu Sans', 'DejaVu Serif', 'Liberation Sans', 'Liberation Serif', 'Liberation Mono', 'Nimbus Sans'];

function numberText(rng: ReturnType<typeof createRng>): { text: string; e164: string } {
  const fixed = rng.chance(0.3);
  const a = String(rng.int(0, 99)).padStart(2, '0');
  const b = String(rng.int(0, 99)).padStart(2, '0');
  const national = fixed ? ['01', '99', '00', a, b] : ['06', '39', '98', a, b];
  const e164 = `+33${national.join('').slice(1)}`;
  const style = rng.int(0, 4);
  const text =
    style === 0
      ? national.join(' ')
      : style === 1
        ? national.join('.')
        : style === 2
          ? national.join('')
          : style === 3
            ? `+33 ${national[0].slice(1)} ${national.slice(1).join(' ')}`
            : `Tél : ${national.join(' ')}`;
  return { text, e164 };
}

export async function makeNumberImages(seed: string, count: number, negatives: number): Promise<NumberImage[]> {
  const rng = createRng(`numbers:${seed}`);
  // The negatives' texts come from their own generator, seeded by the set: fit and held-out never share a sentence.
  const negative = digitTextGenerator(seed);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  const page = await browser.newPage({ viewport: { width: 900, height: 400 } });
  // Rendered from setContent only: nothing is fetched.
  await page.route('**/*', (route) => route.abort());
  const out: NumberImage[] = [];
  try {
    for (let i = 0; i < count + negatives; i++) {
      const positive = i < count;
      const { text, e164 } = positive ? numberText(rng) : { text: negative().text, e164: null };
      const font = rng.pick(FONTS);
      const size = rng.int(16, 44);
      const hue = rng.int(0, 359);
      const dark = rng.chance(0.4);
      const fg = dark ? `hsl(${hue},80%,${rng.int(75, 95)}%)` : `hsl(${hue},70%,${rng.int(5, 30)}%)`;
      const bgKind = rng.int(0, 2);
      const photo =
        bgKind === 2 ? (await syntheticPhoto(rng.int(1, 100_000), { width: 500, height: 160 })).toString('base64') : '';
      const bg =
        bgKind === 0
          ? `background:hsl(${(hue + 180) % 360},40%,${dark ? rng.int(5, 25) : rng.int(85, 98)}%)`
          : bgKind === 1
            ? `background:linear-gradient(${rng.int(0, 180)}deg,hsl(${hue},50%,${dark ? 15 : 92}%),hsl(${(hue + 60) % 360},50%,${dark ? 30 : 80}%))`
            : `background:url(data:image/jpeg;base64,${photo}) center/cover`;
      const rotate = rng.int(-8, 8);
      const plate =
        bgKind === 2
          ? `background:${dark ? 'rgba(0,0,0,.55)' : 'rgba(255,255,255,.7)'};padding:4px 10px;border-radius:6px;`
          : '';
      await page.setContent(
        `<html><body style="margin:0"><div id="c" style="display:inline-block;padding:28px 36px;${bg}"><div style="transform:rotate(${rotate}deg);font:${rng.chance(0.5) ? 'bold ' : ''}${size}px '${font}';color:${fg};${plate}">${text}</div></div></body></html>`,
      );
      const png = await page.locator('#c').screenshot({ type: 'png' });
      const quality = rng.int(35, 90);
      const bytes = await sharp(png).jpeg({ quality }).toBuffer();
      out.push({
        bytes,
        label: e164,
        text,
        style: `${font} ${size}px rot ${rotate}° q${quality} bg${bgKind}${dark ? ' dark' : ''}`,
      });
    }
  } finally {
    await browser.close();
  }
  return out;
}
