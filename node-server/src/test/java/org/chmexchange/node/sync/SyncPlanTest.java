package org.chmexchange.node.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.chmexchange.harvest.HarvesterRegistry;
import org.chmexchange.node.config.ConfigException;
import org.chmexchange.node.config.PublishTarget;
import org.chmexchange.node.config.SourceEntry;
import org.junit.jupiter.api.Test;

class SyncPlanTest {

    static final HarvesterRegistry REGISTRY = HarvesterRegistry.load();

    static SourceEntry source(String name, String protocol, String url, String tokenEnv) {
        return new SourceEntry(name, protocol, url, Duration.ofMinutes(15), tokenEnv, Map.of("limit", "50"));
    }

    @Test
    void sourcesAndTargetsMapToTheLibraryWithATokenPerOrigin() {
        SyncPlan plan = SyncPlan.of(
                List.of(source("central", "peer", "http://central.example.org", "CENTRAL_TOKEN")),
                List.of(new PublishTarget("to-central", "http://central.example.org/", null, "CENTRAL_TOKEN")),
                Map.of("CENTRAL_TOKEN", "s3cret"),
                REGISTRY);
        SyncPlan.Source central = plan.source("central").orElseThrow();
        assertEquals("peer", central.source().protocol());
        assertEquals(URI.create("http://central.example.org"), central.source().url());
        assertEquals(Map.of("limit", "50"), central.source().options());
        assertEquals(Duration.ofMinutes(15), central.schedule().orElseThrow());
        SyncPlan.Target target = plan.target("to-central").orElseThrow();
        assertEquals("http://central.example.org/", target.target().base());
        assertTrue(target.schedule().isEmpty());
        assertEquals(1, plan.http().bearerTokens().size());
        assertEquals(
                "s3cret",
                plan.http().bearerTokens().get("http://central.example.org:80").get());
    }

    @Test
    void twoPortsOfOneHostAreTwoOriginsWithTheirOwnTokens() {
        SyncPlan plan = SyncPlan.of(
                List.of(source("central", "peer", "http://central.example.org:8080/", "READ_TOKEN")),
                List.of(new PublishTarget("to-central", "http://central.example.org:9090/", null, "WRITE_TOKEN")),
                Map.of("READ_TOKEN", "read", "WRITE_TOKEN", "write"),
                REGISTRY);
        assertEquals(
                "read",
                plan.http()
                        .bearerTokens()
                        .get("http://central.example.org:8080")
                        .get());
        assertEquals(
                "write",
                plan.http()
                        .bearerTokens()
                        .get("http://central.example.org:9090")
                        .get());

        ConfigException clash = assertThrows(
                ConfigException.class,
                () -> SyncPlan.of(
                        List.of(source("central", "peer", "http://central.example.org:8080/", "READ_TOKEN")),
                        List.of(new PublishTarget(
                                "to-central", "http://central.example.org:8080/", null, "WRITE_TOKEN")),
                        Map.of("READ_TOKEN", "read", "WRITE_TOKEN", "write"),
                        REGISTRY));
        assertTrue(clash.getMessage().contains("http://central.example.org:8080"), clash.getMessage());
    }

    @Test
    void aMissingOrBlankTokenVariableIsNamed() {
        ConfigException missing = assertThrows(
                ConfigException.class,
                () -> SyncPlan.of(
                        List.of(),
                        List.of(new PublishTarget("to-central", "http://central.example.org/", null, "CENTRAL_TOKEN")),
                        Map.of(),
                        REGISTRY));
        assertTrue(missing.getMessage().contains("publish target 'to-central'"), missing.getMessage());
        assertTrue(missing.getMessage().contains("CENTRAL_TOKEN, which is not set"), missing.getMessage());

        ConfigException blank = assertThrows(
                ConfigException.class,
                () -> SyncPlan.of(
                        List.of(source("central", "peer", "http://central.example.org/", "READ_TOKEN")),
                        List.of(),
                        Map.of("READ_TOKEN", "  "),
                        REGISTRY));
        assertTrue(blank.getMessage().contains("READ_TOKEN"), blank.getMessage());
        assertTrue(blank.getMessage().contains("blank"), blank.getMessage());
    }

    @Test
    void anUnknownProtocolListsTheKnownOnes() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> SyncPlan.of(
                        List.of(source("central", "gopher", "http://central.example.org/", null)),
                        List.of(),
                        Map.of(),
                        REGISTRY));
        assertTrue(e.getMessage().contains("source 'central'"), e.getMessage());
        assertTrue(e.getMessage().contains("'gopher'"), e.getMessage());
        assertTrue(e.getMessage().contains("known protocols: "), e.getMessage());
        assertTrue(e.getMessage().contains("peer ("), e.getMessage());
        assertTrue(e.getMessage().contains("oai-pmh ("), e.getMessage());
    }

    @Test
    void twoTokensForOneHostAreRefused() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> SyncPlan.of(
                        List.of(source("central", "peer", "http://central.example.org/", "READ_TOKEN")),
                        List.of(new PublishTarget("to-central", "http://central.example.org/", null, "WRITE_TOKEN")),
                        Map.of("READ_TOKEN", "one", "WRITE_TOKEN", "two"),
                        REGISTRY));
        assertTrue(e.getMessage().contains("central.example.org"), e.getMessage());
        assertTrue(e.getMessage().contains("READ_TOKEN") && e.getMessage().contains("WRITE_TOKEN"), e.getMessage());
        assertTrue(e.getMessage().contains("same variable"), e.getMessage());

        SyncPlan same = SyncPlan.of(
                List.of(source("central", "peer", "http://central.example.org/", "READ_TOKEN")),
                List.of(new PublishTarget("to-central", "http://central.example.org/", null, "WRITE_TOKEN")),
                Map.of("READ_TOKEN", "one", "WRITE_TOKEN", "one"),
                REGISTRY);
        assertEquals(1, same.http().bearerTokens().size(), "two variables with the same token are fine");
    }

    @Test
    void aNameTheHarvesterRefusesIsAConfigurationError() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> SyncPlan.of(
                        List.of(source("central_2", "peer", "http://central.example.org/", null)),
                        List.of(),
                        Map.of(),
                        REGISTRY));
        assertTrue(e.getMessage().startsWith("source 'central_2': "), e.getMessage());
    }
}
