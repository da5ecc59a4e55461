/**
 * Real pictures for the photo evaluation, read at run time from Debian packages (never stored in the repo): the
 * packages are fetched with `apt-get download` into a folder under the system's temporary directory, unpacked with
 * `dpkg-deb -x`, and each raster picture is brought to at most 800 px a side (JPEG 92) as an ad photo would be.
 *
 * Split by package, never by picture: the fit part (MATE, UKUI and GNOME backgrounds: abstract and nature wallpapers)
 * is where choices may be made; the report part (KDE Plasma wallpapers and scikit-image's sample photographs: people,
 * animals, objects, textures) is only reported. Light/dark variants of one wallpaper keep the light one only, and
 * each wallpaper one size, so no two pictures of a part are versions of one another.
 *
 * Licences (as the packages' copyright files state): mate-backgrounds GPL-2+ and CC-BY-SA; ukui-wallpapers GPL-2+
 * and CC; gnome-backgrounds CC-BY-SA-3.0; plasma-workspace-wallpapers LGPL-3 / CC-BY-SA-4.0; python3-skimage data
 * BSD-3-Clause, CC0 and public domain (see each package's /usr/share/doc/<package>/copyright).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';

export const REAL_PHOTO_PARTS = {
  fit: ['mate-backgrounds', 'ukui-wallpapers', 'gnome-backgrounds'],
  report: ['plasma-workspace-wallpapers', 'python3-skimage'],
} as const;

/** scikit-image's sample pictures that are photographs or photographed textures (not charts, text or test grids). */
const SKIMAGE = new Set(
  'astronaut brick camera cell chelsea coffee coins color grass gravel horse hubble_deep_field ihc moon motorcycle_left retina rocket'.split(
    ' ',
  ),
);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** The pictures of one package worth using, one per wallpaper. */
function picturesOf(pkg: string, root: string): string[] {
  const files = walk(root)
    .filter((f) => /\.(jpe?g|png|webp)$/i.test(f))
    .sort();
  if (pkg === 'python3-skimage')
    return files.filter((f) => f.includes('/skimage/data/') && SKIMAGE.has(f.replace(/.*\/|\.\w+$/g, '')));
  if (pkg === 'plasma-workspace-wallpapers') {
    const seen = new Set<string>();
    return files.filter((f) => {
      const m = /wallpapers\/([^/]+)\/contents\/images\//.exec(f);
      if (!m || seen.has(m[1])) return false;
      seen.add(m[1]);
      return true;
    });
  }
  if (pkg === 'gnome-backgrounds') return files.filter((f) => /-l\.\w+$/.test(f));
  if (pkg === 'mate-backgrounds')
    return files.filter((f) => !/Elephants_|Stripes-Dark|Ubuntu-Mate-(Cold|Dark)/.test(f));
  return files;
}

/** The package's pictures as ad-photo-sized JPEGs, fetching and unpacking it once. Throws with a plain reason. */
export async function realPhotos(pkg: string): Promise<Buffer[]> {
  const base = join(tmpdir(), 'phenix-real-photos');
  const root = join(base, pkg);
  if (!existsSync(root)) {
    mkdirSync(base, { recursive: true });
    try {
      execFileSync('apt-get', ['download', pkg], { cwd: base, stdio: 'pipe' });
      const deb = readdirSync(base).find((f) => f.startsWith(`${pkg}_`) && f.endsWith('.deb'));
      if (!deb) throw new Error('no .deb file after the download');
      execFileSync('dpkg-deb', ['-x', join(base, deb), root], { stdio: 'pipe' });
    } catch (error) {
      throw new Error(
        `could not fetch the Debian package ${pkg} for the real-photo part (${(error as Error).message.split('\n')[0]}); it needs apt-get and a reachable Debian mirror`,
      );
    }
  }
  const out: Buffer[] = [];
  for (const f of picturesOf(pkg, root))
    out.push(
      await sharp(f, { limitInputPixels: false })
        .rotate()
        .flatten({ background: '#ffffff' })
        .resize(800, 800, { fit: 'inside' })
        .jpeg({ quality: 92 })
        .toBuffer(),
    );
  return out;
}
