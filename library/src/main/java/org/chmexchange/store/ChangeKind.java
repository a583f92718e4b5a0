package org.chmexchange.store;

import org.chmexchange.vocab.Std;
import org.eclipse.rdf4j.model.IRI;

/** What a change did to a record; each kind is an Activity Streams 2.0 activity type. */
public enum ChangeKind {
    CREATE(Std.AS_CREATE),
    UPDATE(Std.AS_UPDATE),
    DELETE(Std.AS_DELETE);

    private final IRI activityType;

    ChangeKind(IRI activityType) {
        this.activityType = activityType;
    }

    /** The Activity Streams class, for example {@code as:Create}. */
    public IRI activityType() {
        return activityType;
    }

    /** The Activity Streams name: {@code Create}, {@code Update} or {@code Delete}. */
    public String activityName() {
        return activityType.getLocalName();
    }

    /** The kind of an Activity Streams class, if it is one of the three. */
    public static java.util.Optional<ChangeKind> of(IRI activityType) {
        for (ChangeKind k : values()) {
            if (k.activityType.equals(activityType)) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }
}
