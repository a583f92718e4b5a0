package org.chmexchange.testkit.harvest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.OkHttpClient;
import org.chmexchange.harvest.HarvestCounts;
import org.chmexchange.harvest.HarvestListener;
import org.chmexchange.harvest.HarvestRun;
import org.chmexchange.harvest.HarvestSource;
import org.chmexchange.rdf.RecordMapper;
import org.chmexchange.validation.ValidationReport;
import org.chmexchange.vocab.CHM;
import org.chmexchange.vocab.Vocabularies;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.impl.LinkedHashModel;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.model.vocabulary.DCTERMS;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.slf4j.LoggerFactory;

/** Shared fixtures of the harvester tests: the sample data of a fictional national node, an HTTP client, a listener that records. */
public final class HarvestTesting {

    /** The base of the records a source serves. */
    public static final String SOURCE_BASE = "http://national.example.org/";

    /** The base of the harvesting node. */
    public static final String NODE_BASE = "http://portal.example.org/";

    /** A decision of the sample data. */
    public static final IRI DECISION = Values.iri(SOURCE_BASE + "records/decision/cbd-decision-15-4");

    /** Another decision of the sample data. */
    public static final IRI OTHER_DECISION = Values.iri(SOURCE_BASE + "records/decision/cbd-decision-15-5");

    /** A meeting of the sample data. */
    public static final IRI MEETING = Values.iri(SOURCE_BASE + "records/meeting/cbd-wgri-05");

    /** A client with short timeouts; tests never reach the network. */
    public static final OkHttpClient HTTP = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(5))
            .build();

    private HarvestTesting() {}

    /** Treaty records in the sample data: one per treaty of the treaty scheme. */
    public static final int SAMPLE_TREATIES = 24;
    /** Meeting records in the sample data. */
    public static final int SAMPLE_MEETINGS = 18;
    /** Decision records in the sample data. */
    public static final int SAMPLE_DECISIONS = 23;
    /** Document records in the sample data. */
    public static final int SAMPLE_DOCUMENTS = 14;
    /** Records in the sample data. */
    public static final int SAMPLE_RECORDS = SAMPLE_TREATIES + SAMPLE_MEETINGS + SAMPLE_DECISIONS + SAMPLE_DOCUMENTS;

    /** The sample data ({@link #SAMPLE_RECORDS} records: treaties, meetings, decisions, documents) under {@link #SOURCE_BASE}. */
    public static Model sample() {
        return Vocabularies.sampleData(SOURCE_BASE);
    }

    /** The record IRIs of a model. */
    public static Set<IRI> recordsOf(Model model) {
        return new HashSet<>(RecordMapper.recordSubjects(model));
    }

    /** Sorted copy of a set of IRIs, for readable assertion messages. */
    public static Set<String> sorted(Set<IRI> iris) {
        Set<String> out = new TreeSet<>();
        iris.forEach(i -> out.add(i.stringValue()));
        return out;
    }

    /** {@code model} with the title of {@code record} replaced. */
    public static Model retitled(Model model, IRI record, String title) {
        Model copy = new LinkedHashModel(model);
        copy.remove(record, DCTERMS.TITLE, null);
        copy.add(record, DCTERMS.TITLE, Values.literal(title, "en"));
        return copy;
    }

    /** {@code model} without the statements of {@code record}. */
    public static Model without(Model model, IRI record) {
        Model copy = new LinkedHashModel(model);
        copy.remove(record, null, null);
        return copy;
    }

    /** {@code model} with {@code decision} made invalid: its required treaty removed. */
    public static Model withInvalidDecision(Model model, IRI decision) {
        Model copy = new LinkedHashModel(model);
        copy.remove(decision, CHM.treaty, null);
        return copy;
    }

    /** The model in a format, as text. */
    public static String write(Model model, RDFFormat format) {
        StringWriter out = new StringWriter();
        Rio.write(model, out, format);
        return out.toString();
    }

    /**
     * Expected failures of the tests are logged by {@link HarvestRun} at WARN with their stack
     * trace; keep the output readable.
     */
    public static void quietHarvestLogs() {
        for (String name : List.of("org.chmexchange.harvest", "org.eclipse.jetty", "org.apache.jena")) {
            if (LoggerFactory.getLogger(name) instanceof Logger logger) {
                logger.setLevel(Level.ERROR);
            }
        }
    }

    /** A listener that records what it is told. */
    public static final class Recorder implements HarvestListener {
        /** Rejected records with their reports, in order. */
        public final Map<IRI, ValidationReport> rejected = new LinkedHashMap<>();
        /** Counts of each committed page, in order. */
        public final List<HarvestCounts> pages = new ArrayList<>();
        /** What the harvester reported it kept aside or left out, in order. */
        public final List<String> notices = new ArrayList<>();

        @Override
        public void noticed(HarvestSource source, IRI record, String message) {
            notices.add(record == null ? message : "<" + record + "> " + message);
        }

        @Override
        public void pageCommitted(HarvestSource source, HarvestCounts page, HarvestCounts total) {
            pages.add(page);
        }

        @Override
        public void rejected(HarvestSource source, IRI record, ValidationReport report) {
            rejected.put(record, report);
        }
    }

    /** A listener that fails the run after {@code pages} committed pages, like a crash. */
    public static HarvestListener crashAfter(int pages) {
        return new HarvestListener() {
            private int committed;

            @Override
            public void pageCommitted(HarvestSource source, HarvestCounts page, HarvestCounts total) {
                if (++committed == pages) {
                    throw new IllegalStateException("simulated crash after page " + pages);
                }
            }
        };
    }
}
