package org.chmexchange.harvest.sparql;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.Request;
import org.chmexchange.harvest.HarvestContext;
import org.chmexchange.harvest.HarvestCounts;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.model.RecordType;
import org.chmexchange.testkit.harvest.HarvestFixture;
import org.chmexchange.testkit.harvest.HarvestTesting;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Fuseki with the sample data (and WireMock in front of it, see {@link SparqlServer}), and a record
 * of every request the harvester sent in the current test.
 */
abstract class SparqlFixture extends HarvestFixture {

    protected static SparqlServer server;

    /** Every request the harvester sent in the current test. */
    protected final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startServer() {
        server = new SparqlServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void resetServer() {
        server.resetProxy();
        server.serve(HarvestTesting.sample());
    }

    @Override
    protected HarvestContext context() {
        return new HarvestContext(
                HarvestTesting.HTTP
                        .newBuilder()
                        .addInterceptor(chain -> {
                            requests.add(chain.request());
                            return chain.proceed(chain.request());
                        })
                        .build(),
                1_000);
    }

    /** Fuseki, directly, 10 records a page. */
    @Override
    protected HarvestSource source() {
        return direct(Map.of("pageSize", "10"));
    }

    /** Fuseki, directly. */
    protected static HarvestSource direct(Map<String, String> options) {
        return server.source(server.endpoint(), options);
    }

    /** Fuseki through the WireMock proxy. */
    protected static HarvestSource proxied(String pageSize) {
        return server.source(server.proxied(), Map.of("pageSize", pageSize));
    }

    /** The sample records of a type, sorted by IRI. */
    protected static List<IRI> sampleOf(RecordType type) {
        return HarvestTesting.sample().filter(null, RDF.TYPE, type.rdfClass()).subjects().stream()
                .map(IRI.class::cast)
                .sorted((a, b) -> a.stringValue().compareTo(b.stringValue()))
                .toList();
    }

    protected static List<Long> createdPerPage(HarvestTesting.Recorder recorder) {
        return recorder.pages.stream().map(HarvestCounts::created).toList();
    }

    protected static String accept(Request request) {
        String accept = request.header("Accept");
        return accept == null ? "" : accept;
    }

    /** A protocol parameter of a request, from its URL (GET) or its form (POST); null if absent. */
    protected static String parameter(Request request, String name) {
        if (request.body() instanceof FormBody form) {
            for (int i = 0; i < form.size(); i++) {
                if (form.name(i).equals(name)) {
                    return form.value(i);
                }
            }
            return null;
        }
        return request.url().queryParameter(name);
    }

    /** SPARQL JSON results binding ?s to each IRI. */
    protected static String results(String... iris) {
        StringBuilder json = new StringBuilder("{\"head\":{\"vars\":[\"s\"]},\"results\":{\"bindings\":[");
        for (int i = 0; i < iris.length; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"s\":{\"type\":\"uri\",\"value\":\"")
                    .append(iris[i])
                    .append("\"}}");
        }
        return json.append("]}}").toString();
    }

    protected static ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withHeader("Content-Type", "application/sparql-results+json")
                .withBody(body);
    }
}
