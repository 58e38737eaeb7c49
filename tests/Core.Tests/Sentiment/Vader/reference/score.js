// Reference scorer for the C# VADER agreement tests (PROTOCOLS.md §9).
// Reads stdin one line per text and writes one JSON line per text, in order:
//   {"neg":…,"neu":…,"pos":…,"compound":…} = vader-sentiment 1.1.3's polarity_scores(text).
// With --json each input line is a JSON string literal (so texts may hold newlines, tabs, lone
// surrogates); without it each line is the text itself (a trailing \r is removed).
'use strict';
const {SentimentIntensityAnalyzer} = require('vader-sentiment');

const json = process.argv.includes('--json');
const chunks = [];
process.stdin.on('data', chunk => chunks.push(chunk));
process.stdin.on('end', () => {
  let input = Buffer.concat(chunks).toString('utf8');
  if (input.endsWith('\n')) input = input.slice(0, -1);
  const lines = input.length === 0 ? [] : input.split('\n');
  const out = [];
  for (const line of lines) {
    const text = json ? JSON.parse(line) : line.replace(/\r$/, '');
    out.push(JSON.stringify(SentimentIntensityAnalyzer.polarity_scores(text)));
  }
  process.stdout.write(out.length ? out.join('\n') + '\n' : '');
});
