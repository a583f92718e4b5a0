package org.chmexchange.publish.cbd;

import java.util.Set;
import okhttp3.OkHttpClient;
import org.chmexchange.cbd.CbdWriter;
import org.chmexchange.publish.PublishChannel;
import org.chmexchange.publish.PublishChannelFactory;
import org.chmexchange.publish.PublishTarget;
import org.chmexchange.thesaurus.Thesaurus;

/**
 * Protocol {@code cbd} for publish targets: the target's URL is the CBD API base ({@code
 * https://api.cbd.int/}); the bearer token (a CBD user's token, {@code Authorization: Bearer}) comes
 * from the target's {@code tokenEnv}, added by the shared client for the API's origin. Options: {@code
 * realm} (default {@value #DEFAULT_REALM}), sent as the {@code realm} query value of every v2023 request
 * (INCUMBENTS.md part A 1.4). An unknown option is an error.
 *
 * <p>Thread-safety: stateless.
 */
public final class CbdPublishChannelFactory implements PublishChannelFactory {

    /** The protocol name. */
    public static final String PROTOCOL = "cbd";
    /** Option: the realm. */
    public static final String REALM = "realm";
    /** Default realm. */
    public static final String DEFAULT_REALM = "chm";

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    /** @throws IllegalArgumentException if an option is unknown or the realm is not a realm name */
    @Override
    public PublishChannel create(PublishTarget target, OkHttpClient http) {
        for (String key : target.options().keySet()) {
            if (!Set.of(REALM).contains(key)) {
                throw new IllegalArgumentException("Publish target " + target.name() + ": unknown option '" + key
                        + "' for protocol cbd; known: [realm]");
            }
        }
        String realm = target.options().getOrDefault(REALM, DEFAULT_REALM).strip();
        if (!realm.matches("[A-Za-z][A-Za-z0-9-]*")) {
            throw new IllegalArgumentException("Publish target " + target.name()
                    + ": option realm must be a realm name such as chm: '" + realm + "'");
        }
        return new CbdPublishChannel(http, realm, new CbdWriter(Thesaurus.fromClasspath()));
    }
}
