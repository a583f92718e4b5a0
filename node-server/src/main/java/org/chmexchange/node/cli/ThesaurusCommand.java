package org.chmexchange.node.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.chmexchange.cbd.CbdMappingException;
import org.chmexchange.cbd.CbdThesaurusImport;
import org.chmexchange.http.HttpClients;
import org.chmexchange.http.HttpSettings;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.config.ConfigException;
import org.chmexchange.node.thesaurus.ThesaurusImports;
import org.chmexchange.store.RecordStore;
import org.chmexchange.store.StoreException;
import org.chmexchange.thesaurus.SkosImport;
import org.chmexchange.vocab.Vocabularies;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chm-node thesaurus ...}: the node's thesaurus. */
@Command(
        name = "thesaurus",
        mixinStandardHelpOptions = true,
        description = "Work on the node's thesaurus.",
        subcommands = {ThesaurusCommand.Import.class, CommandLine.HelpCommand.class})
final class ThesaurusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /**
     * {@code chm-node thesaurus import cbd|FILE|URL [--url URL] [--domain D]... [--name N] [--config FILE |
     * --data DIR]}: for a SKOS vocabulary (a file or URL, any RDF format, SKOS-XL labels too), {@link
     * ThesaurusImports#importSkos} next to the shared thesaurus, with mapping links reported. For cbd:
     * reads the CBD thesaurus domains ({@code GET {url}api/v2013/thesaurus/domains/{domain}/terms?relations}),
     * merges them with the shared thesaurus by notation ({@link CbdThesaurusImport}) and keeps the
     * result in the data folder, which the node serves from its next start. The node must not be
     * running on the folder. Exit codes: 0 imported (changed or not), 1 a domain could not be read
     * (nothing is written then), 2 bad usage.
     */
    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = "Import a thesaurus into the data folder (cbd: the CBD thesaurus API), merged by notation.")
    static final class Import implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        ExchangeOptions options;

        @Parameters(
                index = "0",
                paramLabel = "SOURCE",
                description = "cbd (the CBD thesaurus API), or a SKOS file or http(s) URL in any RDF format"
                        + " (SKOS-XL labels too).")
        String source;

        @Option(
                names = "--name",
                description = "The name of a SKOS import (lower-case letters, digits, hyphens; default: from the"
                        + " file name). Importing under the same name again replaces it.")
        String name;

        @Option(
                names = "--url",
                description = "The CBD API base (default: ${DEFAULT-VALUE}).",
                defaultValue = "https://api.cbd.int/")
        String url;

        @Option(
                names = "--domain",
                paramLabel = "DOMAIN",
                description = "A domain to import (repeatable; default: countries, regions, CBD-SUBJECTS,"
                        + " AICHI-TARGETS, GBF-GOALS, GBF-TARGETS, GBF-GOALS-TARGETS, the GBF indicator domains,"
                        + " Organization Types).")
        List<String> domains;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!"cbd".equals(source)) {
                return skos(out, err);
            }
            HttpUrl api = HttpUrl.parse(url.endsWith("/") ? url : url + "/");
            if (api == null) {
                err.println("chm-node thesaurus import: --url is not an http(s) URL: " + url);
                return 2;
            }
            NodeConfig config = config(err);
            if (config == null) {
                return 2;
            }
            ThesaurusImports.Imported imported = importing(
                    config,
                    err,
                    (store, http) -> ThesaurusImports.importCbd(
                            store, http, api, domains == null ? List.of() : domains, Vocabularies.thesaurus()));
            if (imported == null) {
                return 1;
            }
            List<CbdThesaurusImport.Result> results = imported.results();
            ObjectNode entry = imported.entry();
            for (CbdThesaurusImport.Result r : results) {
                out.println(r.domain() + ": " + r.terms() + " term(s), "
                        + r.added().size() + " concept(s) added, "
                        + r.enriched().size() + " enriched"
                        + (r.notices().isEmpty() ? "" : ", " + r.notices().size() + " notice(s)"));
                r.notices().forEach(n -> out.println("  " + n));
            }
            out.println(
                    entry.get("changed").asBoolean()
                            ? "The thesaurus import is stored in "
                                    + config.dataDir().toAbsolutePath() + "; the node serves it from its next start."
                            : "Nothing changed since the last import.");
            out.flush();
            return 0;
        }

        /** A SKOS vocabulary from a file or URL, next to the shared thesaurus ({@link SkosImport}). */
        private int skos(PrintWriter out, PrintWriter err) {
            String n = name != null ? name : defaultName(source);
            NodeConfig config = config(err);
            if (config == null) {
                return 2;
            }
            ThesaurusImports.SkosImported imported = importing(
                    config,
                    err,
                    (store, http) -> ThesaurusImports.importSkos(store, http, source, n, Vocabularies.thesaurus()));
            if (imported == null) {
                return 1;
            }
            SkosImport.Result r = imported.result();
            out.println(n + ": " + r.concepts() + " concept(s) in " + r.schemes() + ", "
                    + r.matches().size() + " mapping link(s) to the shared thesaurus"
                    + (r.notices().isEmpty() ? "" : ", " + r.notices().size() + " notice(s)"));
            for (SkosImport.Match m : r.matches()) {
                out.println("  <" + m.imported() + "> skos:" + m.relation().getLocalName() + " <" + m.shared() + ">  ("
                        + m.why() + ")");
            }
            r.notices().forEach(x -> out.println("  " + x));
            out.println(
                    imported.entry().get("changed").asBoolean()
                            ? "The thesaurus import is stored in "
                                    + config.dataDir().toAbsolutePath() + "; the node serves it from its next start."
                            : "Nothing changed since the last import.");
            out.flush();
            return 0;
        }

        /** The node's configuration, or null after saying why on {@code err}. */
        private NodeConfig config(PrintWriter err) {
            try {
                return options.config();
            } catch (ConfigException | IllegalArgumentException e) {
                err.println("chm-node thesaurus import: " + e.getMessage());
                return null;
            }
        }

        /** One import's work on the data folder's store, with an HTTP client. */
        interface Work<T> {
            T run(RecordStore store, OkHttpClient http) throws IOException;
        }

        /**
         * Runs {@code work} on the store of the data folder; null after saying on {@code err} why
         * nothing was imported (the source cannot be read or is not what it should be, or the store
         * fails).
         */
        private static <T> T importing(NodeConfig config, PrintWriter err, Work<T> work) {
            try (RecordStore store = config.store().open(config.dataDir(), System.getenv())) {
                OkHttpClient http = HttpClients.create(HttpSettings.defaults());
                try {
                    return work.run(store, http);
                } finally {
                    HttpClients.shutdown(http);
                }
            } catch (StoreException e) {
                err.println("chm-node thesaurus import: " + e.getMessage()
                        + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
                return null;
            } catch (IOException | CbdMappingException | IllegalArgumentException e) {
                err.println("chm-node thesaurus import: " + e.getMessage() + "; nothing was imported");
                return null;
            }
        }

        /** {@code informea-glossary} for {@code .../InforMEA-Glossary.ttl}: at most 63 characters. */
        static String defaultName(String location) {
            String last = location.replaceAll("[?#].*$", "").replaceAll("/+$", "");
            last = last.substring(last.lastIndexOf('/') + 1);
            int dot = last.indexOf('.');
            if (dot > 0) {
                last = last.substring(0, dot);
            }
            String slug = last.toLowerCase(java.util.Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("^-+|-+$", "");
            slug = slug.substring(0, Math.min(63, slug.length())).replaceAll("-+$", "");
            return slug.isEmpty() || slug.equals("cbd") ? "imported" : slug;
        }
    }
}
