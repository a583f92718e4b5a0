#!/usr/bin/env bash
# Installs the independent clients the interoperability tests (*ClientsIT) run against the node:
#   - jsonld.js (npm package jsonld, version pinned in package.json and package-lock.json) into
#     node-server/target/interop/node_modules, with the machine's Node.js and npm;
#   - PyLD and rdflib from Debian's packages (python3-pyld, python3-rdflib, python3-requests), for
#     Debian's /usr/bin/python3;
#   - rapper (Raptor RDF parser) from Debian's raptor2-utils;
#   - xmllint (libxml2-utils), to validate OAI-PMH answers against their XML Schemas, and the Perl
#     OAI-PMH harvester HTTP::OAI (libhttp-oai-perl, the library of EPrints' harvesters).
# Idempotent: what is there already is kept. Run by Maven (pre-integration-test of node-server) and
# usable by hand: bash node-server/src/test/interop/install.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="$here/../../../target/interop"
mkdir -p "$target"

if ! /usr/bin/python3 -c 'import pyld, rdflib, requests' 2> /dev/null || ! command -v rapper > /dev/null \
  || ! command -v xmllint > /dev/null || ! perl -MHTTP::OAI -e 1 2> /dev/null; then
  packages=(python3-pyld python3-rdflib python3-requests raptor2-utils libxml2-utils libhttp-oai-perl)
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get install -y -qq "${packages[@]}" > /dev/null 2>&1 \
    || { $sudo apt-get update -qq && $sudo apt-get install -y -qq "${packages[@]}" > /dev/null; }
fi

if ! cmp -s "$here/package-lock.json" "$target/package-lock.json" || [ ! -d "$target/node_modules/jsonld" ]; then
  cp "$here/package.json" "$here/package-lock.json" "$target/"
  (cd "$target" && npm ci --no-audit --no-fund --loglevel=error > /dev/null)
fi
cp "$here/jsonld-js.js" "$here/python-clients.py" "$here/oai-harvest.pl" "$target/"
rm -rf "$target/oai-xsd" && cp -r "$here/oai-xsd" "$target/oai-xsd"
