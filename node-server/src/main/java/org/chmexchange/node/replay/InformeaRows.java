package org.chmexchange.node.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chmexchange.informea.ODataDates;

/**
 * Synthetic rows of the InforMEA entity sets in the shapes of INCUMBENTS.md part B 1.2 (fictional
 * people at example.org, real treaties and countries), for the {@link ODataReplay}: the same input
 * always gives the same rows.
 *
 * <p>Stateless and thread-safe.
 */
public final class InformeaRows {

    /** The navigation properties of each entity set's rows. */
    public static final Map<String, Set<String>> NAVIGATION = Map.of(
            "Decisions", Set.of("title", "longTitle", "summary", "content", "keywords", "files"),
            "Meetings", Set.of("title", "description"),
            "Contacts", Set.of("treaties"),
            "CountryReports", Set.of("title", "files"),
            "NationalPlans", Set.of("title", "files"),
            "Sites", Set.of("name"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] COUNTRIES = {"BR", "CA", "FR", "KE", "SEN", "ec", "IN", "NZ"};

    private InformeaRows() {}

    /**
     * {@code count} rows of an entity set, ids {@code {prefix}-{n}}, {@code updated} from {@code start}
     * one minute apart.
     *
     * @param set one of the keys of {@link #NAVIGATION}
     */
    public static List<ObjectNode> of(String set, int count, Instant start) {
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(row(set, i, start.plusSeconds(60L * i)));
        }
        return out;
    }

    /** Row {@code n} of {@code set}, updated at {@code updated}. */
    public static ObjectNode row(String set, int n, Instant updated) {
        ObjectNode r = JSON.createObjectNode();
        String country = COUNTRIES[n % COUNTRIES.length];
        r.put("updated", ODataDates.json(updated));
        switch (set) {
            case "Decisions" -> {
                r.put("id", "dec-" + n)
                        .put("protocolVersion", 1)
                        .put("type", "decision")
                        .put("status", "active");
                r.put("number", "COP-" + (1 + n % 15) + "/" + n).put("treaty", "cites");
                r.put("published", ODataDates.json(updated))
                        .put("meetingId", "mtg-" + (n % 10))
                        .put("displayOrder", n);
                r.put("link", "https://decisions.example.org/" + n);
                r.set("title", texts("Decision " + n + " on trade in specimens", "Décision " + n));
                r.set("summary", texts("<p>The Conference <b>decides</b> " + n + "</p>", null));
                r.set(
                        "keywords",
                        JSON.createArrayNode()
                                .add(JSON.createObjectNode()
                                        .put("namespace", "http://www.informea.org/terms/")
                                        .put("term", "trade")));
                r.set("files", files("https://files.example.org/dec-" + n + ".pdf"));
            }
            case "Meetings" -> {
                r.put("id", "mtg-" + n)
                        .put("treaty", "cites")
                        .put("type", "cop")
                        .put("status", "over");
                r.put("start", ODataDates.json(updated)).put("end", ODataDates.json(updated.plusSeconds(86_400L * 10)));
                r.put("city", "Geneva").put("country", "CH").put("url", "https://meetings.example.org/" + n);
                r.set("title", texts("Meeting " + n + " of the Conference of the Parties", null));
                r.set("description", texts("Held in Geneva", null));
            }
            case "Contacts" -> {
                r.put("id", "nfp-" + n).put("country", country).put("prefix", "Ms.");
                r.put("firstName", "Person" + n).put("lastName", "Example").put("position", "Officer");
                r.put("institution", "Ministry of Environment").put("email", "person" + n + "@example.org");
                r.put("phoneNumber", "+1 555 " + (1000 + n % 9000)).put("primary", n % 2);
                r.set(
                        "treaties",
                        JSON.createArrayNode().add(JSON.createObjectNode().put("value", "cites")));
            }
            case "CountryReports" -> {
                r.put("id", "nr-" + n).put("treaty", "ramsar").put("country", country);
                r.put("submission", ODataDates.json(updated)).put("url", "https://reports.example.org/" + n);
                r.set("title", texts("National report " + n, "Rapport national " + n));
                r.set("files", files("https://files.example.org/nr-" + n + ".pdf"));
            }
            case "NationalPlans" -> {
                r.put("id", "np-" + n)
                        .put("treaty", "stockholm")
                        .put("country", country)
                        .put("type", "nip");
                r.put("submission", ODataDates.json(updated));
                r.set("title", texts("National implementation plan " + n, null));
                r.set("files", files("https://files.example.org/np-" + n + ".pdf"));
            }
            case "Sites" -> {
                r.put("id", "site-" + n)
                        .put("type", "ramsar")
                        .put("treaty", "ramsar")
                        .put("country", country);
                r.put("latitude", -45 + (n % 90)).put("longitude", -170 + (n % 340));
                r.set("name", texts("Wetland " + n, null));
            }
            default -> throw new IllegalArgumentException("No synthetic rows for " + set);
        }
        return r;
    }

    private static ArrayNode texts(String en, String fr) {
        ArrayNode a = JSON.createArrayNode();
        a.addObject().put("language", "en").put("value", en);
        if (fr != null) {
            a.addObject().put("language", "fr").put("value", fr);
        }
        return a;
    }

    private static ArrayNode files(String url) {
        ArrayNode a = JSON.createArrayNode();
        a.addObject()
                .put("url", url)
                .put("mimeType", "application/pdf")
                .put("language", "en")
                .put("filename", url.substring(url.lastIndexOf('/') + 1));
        return a;
    }
}
