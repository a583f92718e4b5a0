#!/usr/bin/env bash
# Installs the independent clients the interoperability tests (*ClientsIT) run against the node:
#   - jsonld.js (npm package jsonld), and datajs (Microsoft's OData V1-V3 client, MIT) with the
#     XMLHttpRequest polyfill xmlhttprequest and @xmldom/xmldom (versions pinned in package.json and
#     package-lock.json) into node-server/target/interop/node_modules, with the machine's Node.js and npm;
#   - PyLD and rdflib from Debian's packages (python3-pyld, python3-rdflib, python3-requests), for
#     Debian's /usr/bin/python3;
#   - rapper (Raptor RDF parser) from Debian's raptor2-utils;
#   - xmllint (libxml2-utils), to validate OAI-PMH answers against their XML Schemas (below), and
#     the Perl OAI-PMH harvester HTTP::OAI (libhttp-oai-perl);
#   - Debian's Chromium and its ChromeDriver (chromium, chromium-driver: /usr/bin/chromium and
#     /usr/bin/chromedriver), for the portal's browser tests (PortalBrowserIT), and axe-core (npm).
# Idempotent: what is there already is kept. Run by Maven (pre-integration-test of node-server) and
# usable by hand: bash node-server/src/test/interop/install.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="$here/../../../target/interop"
mkdir -p "$target"

if ! /usr/bin/python3 -c 'import pyld, rdflib, requests' 2> /dev/null || ! command -v rapper > /dev/null \
  || ! command -v xmllint > /dev/null || ! perl -MHTTP::OAI -e 1 2> /dev/null \
  || [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  packages=(python3-pyld python3-rdflib python3-requests raptor2-utils libxml2-utils libhttp-oai-perl
    chromium chromium-driver)
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get install -y -qq "${packages[@]}" > /dev/null 2>&1 \
    || { $sudo apt-get update -qq && $sudo apt-get install -y -qq "${packages[@]}" > /dev/null; }
fi

if ! cmp -s "$here/package-lock.json" "$target/package-lock.json" || [ ! -d "$target/node_modules/jsonld" ] \
  || [ ! -d "$target/node_modules/datajs" ] || [ ! -f "$target/node_modules/axe-core/axe.min.js" ]; then
  cp "$here/package.json" "$here/package-lock.json" "$target/"
  (cd "$target" && npm ci --no-audit --no-fund --loglevel=error > /dev/null)
fi
cp "$here/jsonld-js.js" "$here/odata-datajs.js" "$here/python-clients.py" "$here/oai-harvest.pl" "$target/"

# The XML Schemas of OAI-PMH 2.0 (OAI-PMH.xsd, oai_dc.xsd; the Open Archives Initiative's, CC BY-SA)
# and of simple Dublin Core (simpledc20021212.xsd, DCMI's) with the W3C's xml.xsd, as Debian's
# python3-gavo (GAVO DaCHS, a Virtual Observatory server with an OAI-PMH interface) ships them:
# the package is downloaded and unpacked, not installed. Not kept in the repository.
if [ ! -f "$target/oai-xsd/OAI-PMH.xsd" ]; then
  work="$(mktemp -d)"
  (cd "$work" && { apt-get download python3-gavo > /dev/null 2>&1 \
    || { sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"; $sudo apt-get update -qq && apt-get download python3-gavo > /dev/null; }; } \
    && dpkg-deb -x python3-gavo_*.deb unpacked)
  mkdir -p "$target/oai-xsd"
  for f in OAI-PMH.xsd oai_dc.xsd simpledc20021212.xsd xml.xsd; do
    cp "$work/unpacked/usr/lib/python3/dist-packages/gavo/resources/schemata/$f" "$target/oai-xsd/"
  done
  rm -rf "$work"
fi
cp "$here/oai-validate.xsd" "$target/oai-xsd/validate.xsd"
