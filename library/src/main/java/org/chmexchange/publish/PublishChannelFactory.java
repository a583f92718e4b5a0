package org.chmexchange.publish;

import okhttp3.OkHttpClient;

/**
 * The service-provider interface of one publishing protocol, found with {@link
 * java.util.ServiceLoader} (a line in {@code META-INF/services/org.chmexchange.publish.PublishChannelFactory}),
 * like the harvesters' {@link org.chmexchange.harvest.HarvesterFactory}.
 */
public interface PublishChannelFactory {

    /** The protocol name a target's {@link PublishTarget#protocol()} names ({@code peer}, {@code cbd}). */
    String protocol();

    /**
     * The channel of one target.
     *
     * @param http the shared client (with the bearer token of the target's origin); not closed by the
     *     channel
     * @throws IllegalArgumentException if the target's options are not valid for this protocol
     */
    PublishChannel create(PublishTarget target, OkHttpClient http);
}
