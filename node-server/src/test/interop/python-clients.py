"""Reads each URL with PyLD and with rdflib, each with its default document loader, and writes
the RDF each gives as N-Quads (N-Triples for rdflib: the answers have no named graphs) to
<out>/<i>.pyld.nq and <out>/<i>.rdflib.nq. Exit status 1 if any URL fails, with one line per
failure on stderr.

Usage: /usr/bin/python3 python-clients.py <out-folder> <url>...
(Debian's python3 with python3-pyld and python3-rdflib: install.sh installs them.)
"""
import os
import sys

import rdflib
from pyld import jsonld


def main():
    out, urls = sys.argv[1], sys.argv[2:]
    failed = 0
    for i, url in enumerate(urls):
        try:
            # PyLD fetches the URL itself (its default loader is requests_document_loader).
            nquads = jsonld.to_rdf(url, {"format": "application/n-quads"})
            with open(os.path.join(out, "%d.pyld.nq" % i), "w", encoding="utf-8") as f:
                f.write(nquads)
        except Exception as e:  # report every failure, go on with the next URL
            failed += 1
            print("%s: PyLD: %s: %s" % (url, type(e).__name__, e), file=sys.stderr)
        try:
            graph = rdflib.Graph()
            graph.parse(url, format="json-ld")
            with open(os.path.join(out, "%d.rdflib.nq" % i), "w", encoding="utf-8") as f:
                f.write(graph.serialize(format="nt"))
        except Exception as e:
            failed += 1
            print("%s: rdflib: %s: %s" % (url, type(e).__name__, e), file=sys.stderr)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
