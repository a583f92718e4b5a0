package org.chmexchange.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.rio.helpers.NTriplesUtil;

/** SHA-256 over the sorted N-Triples lines of a model without blank nodes: equal content, equal print. */
final class Fingerprint {

    private Fingerprint() {}

    static String of(Model model) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            model.stream()
                    .map(Fingerprint::line)
                    .sorted()
                    .forEach(line -> sha.update(line.getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String line(Statement st) {
        return NTriplesUtil.toNTriplesString(st.getSubject()) + ' '
                + NTriplesUtil.toNTriplesString(st.getPredicate()) + ' '
                + NTriplesUtil.toNTriplesString(st.getObject()) + " .\n";
    }
}
