// Reads each URL with jsonld.js (the JSON-LD reference implementation) and its default document
// loader, in safe mode (a key that does not expand to an IRI is an error, not a silent drop), and
// writes the RDF it gives as N-Quads to <out>/<i>.jsonld-js.nq. Exit status 1 if any URL fails,
// with one line per failure on stderr.
//
// Usage: node jsonld-js.js <out-folder> <url>...
'use strict';
const fs = require('fs');
const path = require('path');
const jsonld = require('jsonld');

async function main() {
  const [out, ...urls] = process.argv.slice(2);
  let failed = 0;
  for (let i = 0; i < urls.length; i++) {
    try {
      // A URL as input: jsonld.js fetches it with its default loader, Link header included.
      const nquads = await jsonld.toRDF(urls[i], {format: 'application/n-quads', safe: true});
      fs.writeFileSync(path.join(out, i + '.jsonld-js.nq'), nquads);
    } catch (e) {
      failed++;
      const details = e.details ? ' ' + JSON.stringify(e.details).slice(0, 500) : '';
      console.error(urls[i] + ': ' + (e.name || 'Error') + ': ' + e.message + details);
    }
  }
  process.exit(failed ? 1 : 0);
}

main();
