package org.chmexchange.node;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.chmexchange.node.auth.Token;
import org.chmexchange.node.auth.Tokens;
import org.chmexchange.node.config.AdminSettings;
import org.chmexchange.node.config.ConfigFile;
import org.chmexchange.node.config.NodeSettings;
import org.chmexchange.node.config.OaiConfig;
import org.chmexchange.node.config.PublishTarget;
import org.chmexchange.node.config.SourceEntry;
import org.chmexchange.node.config.SparqlSettings;
import org.chmexchange.node.config.TokenEntry;

/**
 * How a node runs: what {@link ChmNodeServer#start(NodeConfig)} takes. Built from the defaults
 * ({@link #NodeConfig(int, Path, String, boolean)}), or from a configuration file
 * ({@link #of(ConfigFile, boolean)}) with command-line values laid over it ({@code with...}).
 *
 * <pre>{@code
 * NodeConfig config = NodeConfig.of(ConfigFile.load(Path.of("chm-node.yaml")), true).withPort(9090);
 * NodeConfig test = new NodeConfig(0, tempDir, null, false).withTokens(List.of(token));
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 *
 * @param port TCP port to listen on; 0 picks a free port (tests). Default {@value #DEFAULT_PORT}.
 * @param dataDir folder of the embedded store and index; created if missing. Default
 *     {@value #DEFAULT_DATA_DIR} in the working directory.
 * @param baseIri base IRI under which this node mints record IRIs ({@code {base}records/{type}/{id}}),
 *     ending with {@code /}; null means: the one stored at first start, else
 *     {@code http://localhost:{port}/}
 * @param loadSampleData whether the sample data (real MEA facts) is loaded on first start
 * @param maxRequestBytes largest request body the publishing API accepts, in bytes, at least 1;
 *     default {@value NodeSettings#DEFAULT_MAX_REQUEST_BYTES}
 * @param tokens the write tokens (hashed); empty: the node accepts no writes
 * @param admin the operators' token (hashed); null when none is configured
 * @param sources the sources this node harvests, as configured (plain data for the harvesters)
 * @param publish the peers this node publishes to, as configured (plain data for the publishers)
 * @param sparql the limits of the SPARQL endpoint; default {@link SparqlSettings#DEFAULTS}
 * @param oai the identity of the OAI-PMH provider; default {@link OaiConfig#DEFAULTS}
 * @param thesaurusImport a scheduled import of the CBD thesaurus; null for none (the default)
 * @param network the registry of other nodes; default {@link org.chmexchange.node.config.NetworkConfig#DEFAULTS}
 * @param store where the records are: the embedded store in {@code dataDir} (the default, {@link
 *     org.chmexchange.node.config.StoreConfig#DEFAULTS}) or a remote SPARQL store
 */
public record NodeConfig(
        int port,
        Path dataDir,
        String baseIri,
        boolean loadSampleData,
        long maxRequestBytes,
        List<Token> tokens,
        AdminSettings admin,
        List<SourceEntry> sources,
        List<PublishTarget> publish,
        SparqlSettings sparql,
        OaiConfig oai,
        org.chmexchange.node.config.ThesaurusImportConfig thesaurusImport,
        org.chmexchange.node.config.NetworkConfig network,
        org.chmexchange.node.config.StoreConfig store) {

    public static final int DEFAULT_PORT = NodeSettings.DEFAULT_PORT;
    public static final String DEFAULT_DATA_DIR = NodeSettings.DEFAULT_DATA;

    /**
     * Checks the values and copies the lists.
     *
     * @throws IllegalArgumentException for a port out of range, a bad base IRI, a size below 1, or
     *     two tokens with the same name or digest
     */
    public NodeConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535: " + port);
        }
        Objects.requireNonNull(dataDir, "dataDir");
        if (baseIri != null && !baseIri.matches("https?://[^\\s]+/")) {
            throw new IllegalArgumentException("base IRI must be an http(s) IRI ending with '/': " + baseIri);
        }
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException("maxRequestBytes must be at least 1: " + maxRequestBytes);
        }
        tokens = List.copyOf(tokens);
        Tokens.of(tokens);
        sources = List.copyOf(sources);
        publish = List.copyOf(publish);
        Objects.requireNonNull(sparql, "sparql");
        Objects.requireNonNull(oai, "oai");
        network = network == null ? org.chmexchange.node.config.NetworkConfig.DEFAULTS : network;
        store = store == null ? org.chmexchange.node.config.StoreConfig.DEFAULTS : store;
    }

    /** A configuration on the embedded store. */
    public NodeConfig(
            int port,
            Path dataDir,
            String baseIri,
            boolean loadSampleData,
            long maxRequestBytes,
            List<Token> tokens,
            AdminSettings admin,
            List<SourceEntry> sources,
            List<PublishTarget> publish,
            SparqlSettings sparql,
            OaiConfig oai,
            org.chmexchange.node.config.ThesaurusImportConfig thesaurusImport,
            org.chmexchange.node.config.NetworkConfig network) {
        this(
                port,
                dataDir,
                baseIri,
                loadSampleData,
                maxRequestBytes,
                tokens,
                admin,
                sources,
                publish,
                sparql,
                oai,
                thesaurusImport,
                network,
                null);
    }

    /** This configuration on another store. */
    public NodeConfig withStore(org.chmexchange.node.config.StoreConfig newStore) {
        return new NodeConfig(
                port,
                dataDir,
                baseIri,
                loadSampleData,
                maxRequestBytes,
                tokens,
                admin,
                sources,
                publish,
                sparql,
                oai,
                thesaurusImport,
                network,
                newStore);
    }

    /** A configuration without a network section (no other nodes configured). */
    public NodeConfig(
            int port,
            Path dataDir,
            String baseIri,
            boolean loadSampleData,
            long maxRequestBytes,
            List<Token> tokens,
            AdminSettings admin,
            List<SourceEntry> sources,
            List<PublishTarget> publish,
            SparqlSettings sparql,
            OaiConfig oai,
            org.chmexchange.node.config.ThesaurusImportConfig thesaurusImport) {
        this(
                port,
                dataDir,
                baseIri,
                loadSampleData,
                maxRequestBytes,
                tokens,
                admin,
                sources,
                publish,
                sparql,
                oai,
                thesaurusImport,
                null);
    }

    /** This configuration with another network section. */
    public NodeConfig withNetwork(org.chmexchange.node.config.NetworkConfig newNetwork) {
        return new NodeConfig(
                port,
                dataDir,
                baseIri,
                loadSampleData,
                maxRequestBytes,
                tokens,
                admin,
                sources,
                publish,
                sparql,
                oai,
                thesaurusImport,
                newNetwork,
                store);
    }

    /** A configuration with the default OAI-PMH identity. */
    public NodeConfig(
            int port,
            Path dataDir,
            String baseIri,
            boolean loadSampleData,
            long maxRequestBytes,
            List<Token> tokens,
            AdminSettings admin,
            List<SourceEntry> sources,
            List<PublishTarget> publish,
            SparqlSettings sparql) {
        this(
                port,
                dataDir,
                baseIri,
                loadSampleData,
                maxRequestBytes,
                tokens,
                admin,
                sources,
                publish,
                sparql,
                OaiConfig.DEFAULTS,
                null);
    }

    /** A configuration with the default SPARQL limits. */
    public NodeConfig(
            int port,
            Path dataDir,
            String baseIri,
            boolean loadSampleData,
            long maxRequestBytes,
            List<Token> tokens,
            AdminSettings admin,
            List<SourceEntry> sources,
            List<PublishTarget> publish) {
        this(
                port,
                dataDir,
                baseIri,
                loadSampleData,
                maxRequestBytes,
                tokens,
                admin,
                sources,
                publish,
                SparqlSettings.DEFAULTS);
    }

    /**
     * A node with no tokens, sources or publish targets, and the default request size limit.
     *
     * @see #NodeConfig(int, Path, String, boolean, long, List, AdminSettings, List, List)
     */
    public NodeConfig(int port, Path dataDir, String baseIri, boolean loadSampleData) {
        this(
                port,
                dataDir,
                baseIri,
                loadSampleData,
                NodeSettings.DEFAULT_MAX_REQUEST_BYTES,
                List.of(),
                null,
                List.of(),
                List.of());
    }

    /**
     * Where harvests spool what they read before committing it: {@code spool/} in the data folder,
     * cleared of a killed run's files when the node opens its store (docs/STORE.md, "Layout").
     */
    public Path spoolDir() {
        return dataDir.resolve("spool");
    }

    /** The defaults: port 8080, ./chm-data, sample data loaded, no tokens. */
    public static NodeConfig defaults() {
        return new NodeConfig(DEFAULT_PORT, Path.of(DEFAULT_DATA_DIR), null, true);
    }

    /**
     * The configuration of a configuration file.
     *
     * @param file the loaded file; not null
     * @param loadSampleData whether the sample data is loaded on first start (a command-line choice)
     */
    public static NodeConfig of(ConfigFile file, boolean loadSampleData) {
        NodeSettings node = file.node();
        return new NodeConfig(
                node.port(),
                node.data(),
                node.baseUrl(),
                loadSampleData,
                node.maxRequestBytes(),
                file.tokens().stream().map(TokenEntry::toToken).toList(),
                file.admin(),
                file.sources(),
                file.publish(),
                file.sparql(),
                file.oai(),
                file.thesaurusImport(),
                file.network(),
                file.store());
    }

    /** This configuration on another port. */
    public NodeConfig withPort(int newPort) {
        return new NodeConfig(
                newPort,
                dataDir,
                baseIri,
                loadSampleData,
                maxRequestBytes,
                tokens,
                admin,
                sources,
                publish,
                sparql,
                oai,
                thesaurusImport,
                network,
                store);
    }

    /** This configuration with another data folder. */
    public NodeConfig withDataDir(Path newDataDir) {
        return new NodeConfig(
                port,
                newDataDir,
                baseIri,
                loadSampleData,
                maxRequestBytes,
                tokens,
                admin,
                sources,
                publish,
                sparql,
                oai,
                thesaurusImport,
                network,
                store);
    }

    /** This configuration with another base IRI (null: the stored one). */
    public NodeConfig withBaseIri(String newBaseIri) {
        return new NodeConfig(
                port,
                dataDir,
                newBaseIri,
                loadSampleData,
                maxRequestBytes,
                tokens,
                admin,
                sources,
                publish,
                sparql,
                oai,
                thesaurusImport,
                network,
                store);
    }

    /** This configuration with these write tokens instead of its own. */
    public NodeConfig withTokens(List<Token> newTokens) {
        return new NodeConfig(
                port,
                dataDir,
                baseIri,
                loadSampleData,
                maxRequestBytes,
                newTokens,
                admin,
                sources,
                publish,
                sparql,
                oai,
                thesaurusImport,
                network,
                store);
    }

    /** This configuration with another OAI-PMH identity and page size. */
    public NodeConfig withOai(OaiConfig newOai) {
        return new NodeConfig(
                port,
                dataDir,
                baseIri,
                loadSampleData,
                maxRequestBytes,
                tokens,
                admin,
                sources,
                publish,
                sparql,
                newOai,
                thesaurusImport,
                network,
                store);
    }

    /** This configuration with another request body limit, in bytes. */
    public NodeConfig withMaxRequestBytes(long newMaxRequestBytes) {
        return new NodeConfig(
                port,
                dataDir,
                baseIri,
                loadSampleData,
                newMaxRequestBytes,
                tokens,
                admin,
                sources,
                publish,
                sparql,
                oai,
                thesaurusImport,
                network,
                store);
    }

    /** This configuration with a scheduled thesaurus import (null: none). */
    public NodeConfig withThesaurusImport(org.chmexchange.node.config.ThesaurusImportConfig newImport) {
        return new NodeConfig(
                port,
                dataDir,
                baseIri,
                loadSampleData,
                maxRequestBytes,
                tokens,
                admin,
                sources,
                publish,
                sparql,
                oai,
                newImport,
                network,
                store);
    }
}
