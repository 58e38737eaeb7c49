// Validates a Teams app manifest against Microsoft's published JSON schema for its manifestVersion, as shipped
// offline in @microsoft/app-manifest (json-schemas/teams/v<version>/MicrosoftTeams.schema.json), with ajv
// (draft-04, the schema's dialect). Prints {"errors":[...]} and exits 0 when it could validate at all.
//   node validate-manifest.js <manifest.json>
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');

const manifest = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const schemaFile = path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build', 'json-schemas', 'teams', 'v' + manifest.manifestVersion, 'MicrosoftTeams.schema.json');
if (!fs.existsSync(schemaFile)) {
  console.log(JSON.stringify({ errors: ['no schema for manifestVersion ' + manifest.manifestVersion] }));
  process.exit(0);
}

// The published schema writes "\a" in a regex, which JavaScript's RegExp refuses; the package's own validator
// replaces it with \x07 the same way.
const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8').replace(/\\a/g, '\\x07'));
const ajv = new Ajv({ allErrors: true, strictTypes: false, strict: false });
addFormats(ajv, ['uri', 'email', 'regex']);
const validate = ajv.compile(schema);
const errors = validate(manifest) ? [] : validate.errors.map(e => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
console.log(JSON.stringify({ schema: path.relative(process.cwd(), schemaFile), errors }));
