// `npm run icons`: renders build/icon.svg into the icons electron-builder packs: build/icon.png
// (1024), build/icons/NxN.png (Linux), build/icon.icns (macOS) and build/icon.ico (Windows).
// Chromium rasterizes the SVG (the one already used by the e2e tests, so no image library is
// needed); png2icons, pure JS, packs ICNS and ICO. The outputs are committed: `npm run dist`
// never needs Chromium.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import png2icons from 'png2icons';

const root = resolve(import.meta.dirname, '..');
const buildDir = join(root, 'build');
const svg = readFileSync(join(buildDir, 'icon.svg'));
const linuxSizes = [16, 32, 48, 64, 128, 256, 512, 1024];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  const render = async (size) => {
    await page.setViewportSize({ width: size, height: size });
    const src = `data:image/svg+xml;base64,${svg.toString('base64')}`;
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    // Runs in the page, where document exists.
    await page.waitForFunction('document.images[0]?.complete');
    return page.screenshot({
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
  };
  mkdirSync(join(buildDir, 'icons'), { recursive: true });
  for (const size of linuxSizes)
    writeFileSync(join(buildDir, 'icons', `${size}x${size}.png`), await render(size));
  const large = await render(1024);
  writeFileSync(join(buildDir, 'icon.png'), large);
  const icns = png2icons.createICNS(large, png2icons.BICUBIC2, 0);
  const ico = png2icons.createICO(large, png2icons.BICUBIC2, 0, true, true);
  if (!icns || !ico) throw new Error('png2icons could not convert build/icon.png');
  writeFileSync(join(buildDir, 'icon.icns'), icns);
  writeFileSync(join(buildDir, 'icon.ico'), ico);
  console.log(
    `Wrote build/icon.png, build/icons/{${linuxSizes.join(',')}}, build/icon.icns, build/icon.ico`,
  );
} finally {
  await browser.close();
}
