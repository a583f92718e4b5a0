// Reads an OData V2 service with Microsoft's datajs 1.0.3 (an OData client independent of Olingo),
// in Node with an XMLHttpRequest polyfill (xmlhttprequest) and a DOMParser (@xmldom/xmldom) for Atom
// and EDMX. For every entity set the service document lists, it reads the feed page by page,
// following __next, in JSON verbose ($format=json: the polyfill adds "*/*" to every Accept header,
// and a server may then answer its default, Atom) with the given $expand; it reads Decisions once more
// in Atom (datajs's atomHandler), once by $skip pages, and with $filter=updated gt the given time.
// Prints one JSON object: metadata facts, and per entity set the entities, pages, ids and the rows
// without an English title. Exit status 1 on any failure, with the reason on stderr.
//
// Usage: node odata-datajs.js <service root> <updated-gt time, yyyy-mm-ddThh:mm:ss.fff> <set>=<expand>...
'use strict';
global.window = global;
global.XMLHttpRequest = require('xmlhttprequest').XMLHttpRequest;
global.DOMParser = require('@xmldom/xmldom').DOMParser;
require('datajs');
const OData = global.OData;

function read(url, handler) {
  return new Promise((resolve, reject) => {
    OData.read(url, (data) => resolve(data), (err) => reject(new Error(url + ': ' + err.message)), handler);
  });
}

async function feed(url, handler) {
  const rows = [];
  let pages = 0;
  for (let next = url; next; ) {
    const data = await read(next, handler);
    pages++;
    rows.push(...data.results);
    next = data.__next || null; // a next link keeps the request's options, $format included
  }
  return {rows, pages};
}

function englishTitled(row) {
  const texts = row.title || row.name;
  if (!texts) {
    return true; // Contacts have no title
  }
  return (texts.results || texts).some((t) => t.language === 'en' && t.value);
}

async function main() {
  const [root, since, ...sets] = process.argv.slice(2);
  const out = {sets: {}};
  const metadata = await read(root + '/$metadata', OData.metadataHandler);
  const schema = metadata.dataServices.schema[0];
  out.namespace = schema.namespace;
  out.container = schema.entityContainer[0].name;
  out.entityTypes = schema.entityType.map((t) => t.name);
  out.contactProperties = schema.entityType.find((t) => t.name === 'Contact').property.map((p) => p.name);
  // the service document at the service root with its final slash, against which its hrefs resolve
  const service = await read(root + '/?$format=json', OData.jsonHandler);
  const collections = service.workspaces[0].collections;
  out.listed = collections.map((c) => c.title);
  out.hrefsUnderRoot = collections.every((c) => c.href === root + '/' + c.title);
  for (const spec of sets) {
    const [name, expand] = spec.split('=');
    const query = '$format=json' + (expand ? '&$expand=' + expand : '');
    const {rows, pages} = await feed(root + '/' + name + '?' + query, OData.jsonHandler);
    out.sets[name] = {
      entities: rows.length,
      pages,
      ids: rows.map((r) => r.id || r.uri),
      withoutEnglishTitle: rows.filter((r) => !englishTitled(r)).map((r) => r.id),
      // JSON verbose dates, which datajs leaves as they are without $metadata
      updatedIsODataDate: rows.every((r) => /^\/Date\(\d+\)\/$/.test(r.updated)),
    };
  }
  const atom = await feed(root + '/Decisions?$expand=title', OData.atomHandler);
  out.atomDecisions = {entities: atom.rows.length, pages: atom.pages, titled: atom.rows.filter(englishTitled).length};
  const bySkip = [];
  for (let skip = 0; ; skip += 40) {
    const page = await read(root + '/Decisions?$format=json&$orderby=updated desc,id&$top=40&$skip=' + skip, OData.jsonHandler);
    bySkip.push(...page.results.map((r) => r.id));
    if (page.results.length < 40) {
      break;
    }
  }
  out.decisionsBySkip = bySkip;
  const filtered = await feed(root + "/Decisions?$format=json&$filter=updated gt datetime'" + since + "'", OData.jsonHandler);
  out.updatedAfter = filtered.rows.map((r) => r.id);
  console.log(JSON.stringify(out));
}

main().catch((e) => {
  console.error(e.stack || String(e));
  process.exit(1);
});
