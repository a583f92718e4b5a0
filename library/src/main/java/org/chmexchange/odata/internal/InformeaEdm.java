package org.chmexchange.odata.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.olingo.odata2.api.edm.provider.EdmProvider;
import org.apache.olingo.odata2.api.ep.EntityProviderException;
import org.apache.olingo.odata2.core.edm.provider.EdmxProvider;

/**
 * The entity data model of {@code /informea.svc}, read once from {@code
 * org/chmexchange/odata/informea.edmx} (a classpath resource of this library) by Olingo's {@link
 * EdmxProvider}: container {@code InforMEAService}, namespace {@code informea}.
 *
 * <p>Thread-safety: the provider is read-only after parsing and shared by every request.
 */
public final class InformeaEdm {

    /** The classpath resource of the model. */
    public static final String RESOURCE = "/org/chmexchange/odata/informea.edmx";

    private static final EdmProvider PROVIDER = load();

    private InformeaEdm() {}

    /** The model. */
    public static EdmProvider provider() {
        return PROVIDER;
    }

    private static EdmProvider load() {
        try (InputStream in = InformeaEdm.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The library lacks its resource " + RESOURCE);
            }
            return new EdmxProvider().parse(in, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        } catch (EntityProviderException e) {
            throw new IllegalStateException("The entity data model " + RESOURCE + " is invalid: " + e.getMessage(), e);
        }
    }
}
