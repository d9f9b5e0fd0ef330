import fs from 'node:fs';
import { splitSentences, readHeader } from './lib/intake/extract';
const text = fs.readFileSync(process.argv[2], 'utf8');
const h = readHeader(text);
for (const s of splitSentences(text, h.bodyStart)) console.log('---', JSON.stringify(s.text.slice(0, 80)));
