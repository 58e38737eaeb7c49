// Prints, as one JSON object, the lexicon vader-sentiment 1.1.3 actually scores with: the object
// literal inlined in its build/vaderSentiment.bundle.js (the package's "main"), which the package does
// not export. Used by the test that checks our core/Sentiment/Data/vader_lexicon.txt against it.
'use strict';
const fs = require('fs');
const path = require('path');

const bundle = fs.readFileSync(require.resolve('vader-sentiment'), 'utf8');
const start = bundle.indexOf('s.lexicon={');
const end = bundle.indexOf('}},function(e,s,i)', start);
if (start < 0 || end < 0) {
  console.error('lexicon.js: the lexicon literal was not found in ' + path.basename(require.resolve('vader-sentiment')));
  process.exit(1);
}
// The slice is a plain object literal of string/number keys and number values (no code).
const lexicon = new Function('return (' + bundle.slice(start + 's.lexicon='.length, end + 1) + ');')();
process.stdout.write(JSON.stringify(lexicon) + '\n');
