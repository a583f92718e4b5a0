package org.chmexchange.http;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/** Test helpers: WireMock servers on port 0 and clients with a fake clock. */
final class Wire {

    private Wire() {}

    /** @return a WireMock extension on a free port of the loopback interface, reset before each test */
    static WireMockExtension server() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
                .build();
    }

    /** @return like {@link #server()}, with response compression off so that ETags stay as stubbed */
    static WireMockExtension serverWithoutGzip() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true))
                .build();
    }

    /** @return {@code http://127.0.0.1:<port><path>} */
    static String url(WireMockExtension server, String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    static Request get(String url) {
        return new Request.Builder().url(url).build();
    }

    /** Clients built by a test, shut down after it. */
    static final class Clients implements AutoCloseable {
        private final List<OkHttpClient> clients = new ArrayList<>();

        /** @return a client on {@code clock} with fast timeouts and the given changes to the defaults */
        OkHttpClient create(FakeClock clock, UnaryOperator<HttpSettings.Builder> settings) {
            HttpSettings.Builder builder = HttpSettings.builder()
                    .clock(clock)
                    .connectTimeout(java.time.Duration.ofSeconds(2))
                    .readTimeout(java.time.Duration.ofSeconds(2));
            OkHttpClient client = HttpClients.create(settings.apply(builder).build());
            clients.add(client);
            return client;
        }

        @Override
        public void close() {
            clients.forEach(HttpClients::shutdown);
            clients.clear();
        }
    }
}
