package org.chmexchange.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.chmexchange.model.RecordType;
import org.chmexchange.node.NodeConfig;
import org.chmexchange.node.auth.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {

    static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String ADMIN = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";

    static final String FULL =
            """
            node:
              port: 9090
              data: national-data
              baseUrl: https://chm.example.org/
              maxRequestBytes: 65536
            tokens:                                # who may write, hashed
              - name: colombia
                sha256: 9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08
                countries: [CO]
                treaties: [cbd, nagoya]
                types: [focal-point, national-report]
              - name: secretariat
                sha256: 2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae
            admin:
              sha256: 60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752
            sources:
              - name: central
                protocol: peer
                url: http://central.example.org
                schedule: PT15M
                tokenEnv: CENTRAL_READ_TOKEN
              - name: informea-dump
                protocol: rdf-dump
                url: https://dumps.example.org/informea.nq.gz
                options:
                  format: application/n-quads
                  limit: 500
            publish:
              - name: to-central
                url: http://central.example.org/
                tokenEnv: CENTRAL_PUBLISH_TOKEN
                schedule: PT1M
            """;

    @TempDir
    Path dir;

    @Test
    void aFullFileLoadsWithEverySection() throws IOException {
        Path file = dir.resolve("chm-node.yaml");
        Files.writeString(file, FULL);
        ConfigFile config = ConfigFile.load(file);

        assertEquals(9090, config.node().port());
        assertEquals(Path.of("national-data"), config.node().data());
        assertEquals("https://chm.example.org/", config.node().baseUrl());
        assertEquals(65536, config.node().maxRequestBytes());

        TokenEntry colombia = config.tokens().get(0);
        assertEquals("colombia", colombia.name());
        assertEquals(HASH, colombia.sha256(), "digests are normalised to lower case");
        assertEquals(List.of("co"), colombia.countries(), "country codes are normalised to lower case");
        assertEquals(List.of("cbd", "nagoya"), colombia.treaties());
        Token token = colombia.toToken();
        assertEquals(
                Set.of(RecordType.FOCAL_POINT, RecordType.NATIONAL_REPORT),
                token.scope().types());
        TokenEntry secretariat = config.tokens().get(1);
        assertTrue(secretariat.countries().isEmpty()
                && secretariat.treaties().isEmpty()
                && secretariat.types().isEmpty());

        assertEquals(ADMIN, config.admin().sha256());

        SourceEntry central = config.sources().get(0);
        assertEquals("peer", central.protocol());
        assertEquals(
                "http://central.example.org",
                central.url(),
                "a source URL is kept as written (the peer harvester adds the slash of a node's base)");
        assertTrue(central.options().isEmpty(), "no options: an empty map");
        assertEquals(Duration.ofMinutes(15), central.schedule());
        assertEquals("CENTRAL_READ_TOKEN", central.tokenEnv());
        SourceEntry dump = config.sources().get(1);
        assertTrue(dump.every().isEmpty(), "no schedule: on demand only");
        assertNull(dump.tokenEnv());
        assertEquals("https://dumps.example.org/informea.nq.gz", dump.url(), "a file URL gets no slash");
        assertEquals(
                java.util.Map.of("format", "application/n-quads", "limit", "500"),
                dump.options(),
                "options are text, numbers too");

        PublishTarget target = config.publish().get(0);
        assertEquals("to-central", target.name());
        assertEquals(Duration.ofMinutes(1), target.schedule());
        assertEquals("CENTRAL_PUBLISH_TOKEN", target.tokenEnv());

        NodeConfig node = NodeConfig.of(config, false);
        assertEquals(9090, node.port());
        assertEquals(65536, node.maxRequestBytes());
        assertEquals(
                List.of("colombia", "secretariat"),
                node.tokens().stream().map(Token::name).toList());
        assertEquals(config.sources(), node.sources());
        assertEquals(config.publish(), node.publish());
        assertEquals(config.admin(), node.admin());
    }

    @Test
    void theSparqlLimitsAreConfigurable() {
        ConfigFile file = ConfigFile.parse("sparql:\n  timeout: PT5S\n  maxResults: 250\n", "sparql.yaml");
        assertEquals(new SparqlSettings(java.time.Duration.ofSeconds(5), 250), file.sparql());
        assertEquals(
                file.sparql(), org.chmexchange.node.NodeConfig.of(file, false).sparql());
        assertEquals(
                SparqlSettings.DEFAULTS,
                ConfigFile.parse("node:\n  port: 0\n", "port.yaml").sparql());
        assertEquals(
                org.chmexchange.sparql.SparqlQueries.DEFAULT_MAX_RESULTS,
                ConfigFile.parse("sparql:\n  timeout: PT1S\n", "half.yaml")
                        .sparql()
                        .maxResults());
        ConfigException zero =
                assertThrows(ConfigException.class, () -> ConfigFile.parse("sparql:\n  maxResults: 0\n", "zero.yaml"));
        assertTrue(zero.getMessage().contains("maxResults"), zero.getMessage());
        ConfigException unknown =
                assertThrows(ConfigException.class, () -> ConfigFile.parse("sparql:\n  limit: 5\n", "unknown.yaml"));
        assertTrue(unknown.getMessage().contains("limit"), unknown.getMessage());
    }

    @Test
    void theNetworkSectionNamesNodesAndThePollInterval() {
        ConfigFile file = ConfigFile.parse(
                "network:\n  poll: PT30S\n  nodes:\n    - name: colombia\n      url: https://co.chm.example.org/\n",
                "network.yaml");
        assertEquals(java.time.Duration.ofSeconds(30), file.network().poll());
        assertEquals(
                List.of(new NetworkConfig.Node("colombia", "https://co.chm.example.org/")),
                file.network().nodes());
        assertEquals(
                file.network(), org.chmexchange.node.NodeConfig.of(file, false).network());
        assertEquals(
                NetworkConfig.DEFAULTS,
                ConfigFile.parse("node:\n  port: 0\n", "port.yaml").network());
        ConfigException noSlash = assertThrows(
                ConfigException.class,
                () -> ConfigFile.parse(
                        "network:\n  nodes:\n    - name: x\n      url: https://co.example.org\n", "slash.yaml"));
        assertTrue(noSlash.getMessage().contains("ending with '/'"), noSlash.getMessage());
        for (String url : new String[] {"https://u:p@co.example.org/", "https://a@b@co.example.org/"}) {
            assertThrows(IllegalArgumentException.class, () -> new NetworkConfig.Node("x", url), url);
        }
        ConfigException twice = assertThrows(
                ConfigException.class,
                () -> ConfigFile.parse(
                        "network:\n  nodes:\n    - {name: x, url: 'https://a.example.org/'}\n"
                                + "    - {name: x, url: 'https://b.example.org/'}\n",
                        "twice.yaml"));
        assertTrue(twice.getMessage().contains("x"), twice.getMessage());
        ConfigException fast =
                assertThrows(ConfigException.class, () -> ConfigFile.parse("network:\n  poll: PT0.5S\n", "fast.yaml"));
        assertTrue(fast.getMessage().contains("PT1S"), fast.getMessage());
    }

    @Test
    void theStoreSectionNamesARemoteSparqlStoreAndItsPasswordVariable() {
        ConfigFile file = ConfigFile.parse(
                "store:\n  type: sparql\n  query: http://localhost:3030/chm/query\n"
                        + "  update: http://localhost:3030/chm/update\n  user: chm\n  passwordEnv: CHM_STORE_PASSWORD\n"
                        + "  follow: PT2S\n",
                "store.yaml");
        StoreConfig store = file.store();
        assertTrue(store.remote());
        assertEquals(java.net.URI.create("http://localhost:3030/chm/update"), store.update());
        assertEquals(java.time.Duration.ofSeconds(2), store.follow());
        assertEquals(store, org.chmexchange.node.NodeConfig.of(file, false).store());
        assertEquals(
                StoreConfig.DEFAULTS,
                ConfigFile.parse("node:\n  port: 0\n", "port.yaml").store());
        IllegalArgumentException unset =
                assertThrows(IllegalArgumentException.class, () -> store.open(Path.of("unused"), java.util.Map.of()));
        assertTrue(unset.getMessage().contains("CHM_STORE_PASSWORD"), unset.getMessage());
        for (String bad : new String[] {
            "store:\n  type: sparql\n  query: http://localhost:3030/chm/query\n",
            "store:\n  type: remote\n",
            "store:\n  query: http://localhost:3030/chm/query\n",
            "store:\n  type: sparql\n  query: ftp://h/q\n  update: http://h/u\n",
            "store:\n  type: sparql\n  query: http://h/q\n  update: http://h/u\n  user: chm\n",
            "store:\n  type: sparql\n  query: http://h/q\n  update: http://h/u\n  password: secret\n"
        }) {
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigFile.parse(bad, "bad.yaml"), bad);
            assertTrue(e.getMessage().contains("bad.yaml") && e.getMessage().contains("store"), e.getMessage());
        }
    }

    @Test
    void absentSectionsAndKeysTakeTheirDefaults() {
        ConfigFile empty = ConfigFile.parse("# nothing configured yet\n", "empty.yaml");
        assertEquals(ConfigFile.DEFAULTS, empty);
        assertEquals(8080, empty.node().port());
        assertEquals(Path.of("chm-data"), empty.node().data());
        assertNull(empty.node().baseUrl());
        assertEquals(1_048_576, empty.node().maxRequestBytes());
        assertTrue(empty.tokens().isEmpty()
                && empty.sources().isEmpty()
                && empty.publish().isEmpty());
        assertNull(empty.admin());

        ConfigFile portOnly = ConfigFile.parse("node:\n  port: 0\n", "port.yaml");
        assertEquals(0, portOnly.node().port(), "0 (any free port) is a value, not a missing key");
        assertEquals(1_048_576, portOnly.node().maxRequestBytes());
    }

    @Test
    void anUnknownKeyIsNamedWithItsLine() {
        String yaml =
                """
                node:
                  port: 8080
                sources:
                  - name: central
                    protocol: peer
                    url: http://central.example.org/
                    shedule: PT15M
                """;
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFile.parse(yaml, "chm-node.yaml"));
        assertTrue(e.getMessage().startsWith("chm-node.yaml, line 7"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown key 'shedule' in sources[0]"), e.getMessage());
        assertTrue(e.getMessage().contains("schedule"), "lists the known keys: " + e.getMessage());

        ConfigException top =
                assertThrows(ConfigException.class, () -> ConfigFile.parse("node: {}\npeers: []\n", "chm-node.yaml"));
        assertTrue(top.getMessage().contains("line 2"), top.getMessage());
        assertTrue(top.getMessage().contains("unknown key 'peers' at the top level"), top.getMessage());
    }

    @Test
    void aBadSha256IsNamed() {
        String yaml =
                """
                tokens:
                  - name: colombia
                    sha256: 9f86d081884c7d659a2feaa0c55ad015
                    countries: [co]
                """;
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFile.parse(yaml, "chm-node.yaml"));
        assertTrue(e.getMessage().startsWith("chm-node.yaml, line "), e.getMessage());
        assertTrue(e.getMessage().contains("tokens[0]"), e.getMessage());
        assertTrue(e.getMessage().contains("token 'colombia' sha256 must be 64 hex digits"), e.getMessage());
    }

    @Test
    void aBadDurationIsNamedWithItsLine() {
        String yaml =
                """
                sources:
                  - name: central
                    protocol: peer
                    url: http://central.example.org/
                    schedule: every 15 minutes
                """;
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFile.parse(yaml, "chm-node.yaml"));
        assertTrue(e.getMessage().startsWith("chm-node.yaml, line 5"), e.getMessage());
        assertTrue(e.getMessage().contains("sources[0].schedule"), e.getMessage());
        assertTrue(e.getMessage().contains("not an ISO 8601 duration such as PT15M"), e.getMessage());
    }

    @Test
    void otherMistakesAreNamed() {
        assertMessage(
                "tokens:\n  - name: x\n    sha256: " + HASH + "\n    types: [report]\n",
                "unknown record type 'report'");
        assertMessage(
                "tokens:\n  - name: Colombia!\n    sha256: " + HASH + "\n",
                "token name 'Colombia!' must be 1-64 lower-case");
        assertMessage(
                "tokens:\n  - name: a\n    sha256: " + HASH + "\n  - name: b\n    sha256: " + HASH + "\n",
                "two tokens have the same sha256");
        assertMessage(
                "tokens:\n  - name: a\n    sha256: " + HASH + "\n    countries: [col]\n", "'col' is not a country");
        assertMessage("node:\n  port: 8080\n  port: 9090\n", "Duplicate field 'port'");
        assertMessage("node:\n  port: 70000\n", "node port must be 0-65535");
        assertMessage("node:\n  baseUrl: chm.example.org\n", "node baseUrl must be an http(s) IRI");
        assertMessage("node:\n  maxRequestBytes: 0\n", "maxRequestBytes must be at least 1");
        assertMessage("sources:\n  - name: a\n    url: http://a.example.org/\n", "needs a protocol");
        assertMessage(
                "sources:\n  - name: a\n    protocol: peer\n    url: ftp://a.example.org/\n", "absolute http(s) URL");
        assertMessage("publish:\n  - name: a\n    url: http://a.example.org/\n", "needs tokenEnv");
        assertMessage("\"node: 1\n", "not a valid configuration (YAML)");
        assertMessage("node: 8080\n", "node: expected a mapping (key: value lines) here");
        assertMessage("tokens:\n  name: a\n", "tokens: expected a list here");
        assertMessage("node:\n  port: eighty\n", "node.port: expected a whole number here");
        assertMessage(
                "sources:\n  - name: a\n    protocol: peer\n    url: http://a.example.org/\n    schedule: PT0S\n",
                "not longer than zero");
    }

    @Test
    void norwayIsACountryNotABoolean() {
        ConfigFile file = ConfigFile.parse(
                "tokens:\n  - name: norway\n    sha256: " + HASH + "\n    countries: [no]\n", "chm-node.yaml");
        assertEquals(List.of("no"), file.tokens().get(0).countries());
    }

    @Test
    void anUnreadableFileIsNamed() {
        Path missing = dir.resolve("missing.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFile.load(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void aPublishTargetNamesItsProtocolAndOptionsOrIsAPeer() {
        ConfigFile file = ConfigFile.parse(
                """
                publish:
                  - name: to-cbd
                    protocol: cbd
                    url: https://api.cbd.int/
                    tokenEnv: CBD_TOKEN
                    options:
                      realm: chm-dev
                  - name: to-central
                    url: http://central.example.org/
                    tokenEnv: CENTRAL_TOKEN
                """,
                "chm-node.yaml");
        assertEquals("cbd", file.publish().get(0).protocol());
        assertEquals(java.util.Map.of("realm", "chm-dev"), file.publish().get(0).options());
        assertEquals("peer", file.publish().get(1).protocol());
        assertEquals(java.util.Map.of(), file.publish().get(1).options());
        org.chmexchange.node.sync.SyncPlan plan = org.chmexchange.node.sync.SyncPlan.of(
                java.util.List.of(),
                file.publish(),
                java.util.Map.of("CBD_TOKEN", "t1", "CENTRAL_TOKEN", "t2"),
                org.chmexchange.harvest.HarvesterRegistry.load());
        assertEquals("cbd", plan.targets().get(0).target().protocol());
        assertEquals("chm-dev", plan.targets().get(0).target().options().get("realm"));
        org.chmexchange.node.config.PublishTarget unknown = new org.chmexchange.node.config.PublishTarget(
                "to-x", "http://x.example.org/", null, "CBD_TOKEN", "carrier-pigeon", null);
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> org.chmexchange.node.sync.SyncPlan.of(
                        java.util.List.of(),
                        java.util.List.of(unknown),
                        java.util.Map.of("CBD_TOKEN", "t1"),
                        org.chmexchange.harvest.HarvesterRegistry.load()));
        assertTrue(e.getMessage().contains("carrier-pigeon") && e.getMessage().contains("cbd, peer"), e.getMessage());
    }

    private static void assertMessage(String yaml, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigFile.parse(yaml, "chm-node.yaml"));
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }
}
