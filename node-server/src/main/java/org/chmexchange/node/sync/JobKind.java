package org.chmexchange.node.sync;

/** The two kinds of exchange run a node makes. */
public enum JobKind {
    /** Harvesting a configured source into this node. */
    HARVEST("harvest", "source"),
    /** Publishing this node's changes to a configured peer. */
    PUBLISH("publish", "publish target");

    private final String verb;
    private final String noun;

    JobKind(String verb, String noun) {
        this.verb = verb;
        this.noun = noun;
    }

    /** {@code harvest} or {@code publish}, as in the URL {@code /admin/{verb}/{name}}. */
    public String verb() {
        return verb;
    }

    /** What the name names: {@code source} or {@code publish target}. */
    public String noun() {
        return noun;
    }
}
