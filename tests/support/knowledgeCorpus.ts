import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdfSaying } from './attachmentFiles';

const syllables = [
  'vel',
  'mor',
  'qua',
  'zin',
  'tor',
  'bel',
  'kas',
  'rin',
  'dov',
  'lum',
  'pex',
  'sar',
];
const things = ['kettle', 'bicycle', 'lantern', 'telescope', 'backpack', 'drone', 'keyboard'];
const cities = ['Lisbon', 'Osaka', 'Tromsø', 'Quito', 'Tallinn', 'Perth', 'Accra', 'Hanoi'];

/** One made-up product per document: a unique name, and facts only its document holds. */
export interface CorpusFact {
  file: string;
  name: string;
  thing: string;
  city: string;
  years: number;
}

/** The i-th product's name: three syllables, unique for i < 1728. */
export function productName(i: number): string {
  const s = (n: number) => syllables[n % syllables.length]!;
  const name = s(i) + s(Math.floor(i / 12)) + s(Math.floor(i / 144));
  return name[0]!.toUpperCase() + name.slice(1);
}

function markdown(f: CorpusFact): string {
  return [
    `# The ${f.name} ${f.thing}`,
    `The ${f.name} ${f.thing} is designed in ${f.city} and sold in small batches.`,
    '## Warranty',
    `Every ${f.name} ${f.thing} carries a warranty of ${f.years} years, covering parts and labour.`,
    '## Care',
    `Clean the ${f.thing} with a dry cloth. Store it away from direct sunlight and moisture.`,
  ].join('\n\n');
}

/**
 * A folder of `count` documents (Markdown, text, code and a few PDFs, in subfolders), each about
 * one product, so a question names one and the right source can be checked.
 */
export function writeCorpus(folder: string, count: number): CorpusFact[] {
  const facts: CorpusFact[] = [];
  for (let i = 0; i < count; i += 1) {
    const name = productName(i);
    const f = {
      name,
      thing: things[i % things.length]!,
      city: cities[i % cities.length]!,
      years: 2 + (i % 9),
      file: '',
    };
    const dir = join(folder, `shelf-${i % 5}`);
    mkdirSync(dir, { recursive: true });
    const kind = i % 10;
    if (kind === 7) {
      f.file = `shelf-${i % 5}/${name.toLowerCase()}.pdf`;
      writeFileSync(
        join(folder, f.file),
        // One short line: pdfSaying writes a single line, and text past the page's edge is lost.
        pdfSaying(`${name} ${f.thing}: a warranty of ${f.years} years.`),
      );
    } else if (kind === 8) {
      f.file = `shelf-${i % 5}/${name.toLowerCase()}.ts`;
      const code = `/** The ${f.name} ${f.thing}: warranty of ${f.years} years, designed in ${f.city}. */\nexport const ${name.toLowerCase()}WarrantyYears = ${f.years};\n`;
      writeFileSync(join(folder, f.file), code);
    } else {
      f.file = `shelf-${i % 5}/${name.toLowerCase()}.${kind === 9 ? 'txt' : 'md'}`;
      writeFileSync(join(folder, f.file), markdown(f));
    }
    facts.push(f);
  }
  return facts;
}
