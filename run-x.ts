import fs from 'node:fs';
import { extractDrafts } from './lib/intake/extract';
import { seedCharges, seedGazetteer } from './lib/intake/seed-vocabulary';
const text = fs.readFileSync(process.argv[2], 'utf8');
const r = extractDrafts(text, { places: seedGazetteer(), charges: seedCharges() });
console.log(r.language, r.header);
for (const d of r.drafts) console.log(JSON.stringify({ name: d.name.value, place: d.place?.value.name, fromCourt: d.place?.value.fromCourt, detained: d.detained.value, dq: d.detained.quote?.text, sentenced: d.sentenced?.value.on, charge: d.charge?.value, pen: d.penalties.map(p=>[p.value.kind,p.value.amount,p.value.unit]), plea: d.plea.value, pq: d.plea.quote?.text, court: d.court?.value }));
import { splitSentences } from './lib/intake/extract';
if (process.env.SENT) for (const s of splitSentences(text, 700)) console.log('---', s.text.slice(0, 100));
