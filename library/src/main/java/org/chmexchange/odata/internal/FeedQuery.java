package org.chmexchange.odata.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.olingo.odata2.api.commons.HttpStatusCodes;
import org.apache.olingo.odata2.api.edm.EdmException;
import org.apache.olingo.odata2.api.edm.EdmLiteralKind;
import org.apache.olingo.odata2.api.edm.EdmSimpleType;
import org.apache.olingo.odata2.api.exception.ODataApplicationException;
import org.apache.olingo.odata2.api.uri.expression.BinaryExpression;
import org.apache.olingo.odata2.api.uri.expression.BinaryOperator;
import org.apache.olingo.odata2.api.uri.expression.CommonExpression;
import org.apache.olingo.odata2.api.uri.expression.ExpressionKind;
import org.apache.olingo.odata2.api.uri.expression.FilterExpression;
import org.apache.olingo.odata2.api.uri.expression.OrderByExpression;
import org.apache.olingo.odata2.api.uri.expression.OrderExpression;
import org.apache.olingo.odata2.api.uri.expression.PropertyExpression;
import org.apache.olingo.odata2.api.uri.expression.SortOrder;
import org.chmexchange.informea.InformeaTreaties;
import org.chmexchange.thesaurus.Concept;
import org.chmexchange.thesaurus.Thesaurus;
import org.chmexchange.vocab.ChmThesaurus;
import org.eclipse.rdf4j.model.IRI;

/**
 * What {@code $filter} and {@code $orderby} ask of a feed, in the terms of the store (docs/INFORMEA.md,
 * "Provider"). Supported: conjunctions ({@code and}) of {@code updated gt|ge datetime'...'}, {@code
 * treaty eq '...'} and {@code country eq '...'}, where the {@code eq} comparisons of one property may
 * be joined by {@code or}; order by {@code updated} (asc or desc), optionally followed by {@code id}
 * ascending (as InforMEA's harvester asks: {@code updated desc,id}); equal times are in record IRI
 * order, which is {@code id} order for the node's own records. Anything else is a 501 with the reason; a treaty or country the node does not
 * know matches nothing.
 *
 * <p>Thread-safety: immutable.
 */
final class FeedQuery {

    final Set<IRI> treaties;
    final Set<IRI> countries;
    /** Inclusive lower bound on {@code updated}; null for none. */
    final Instant since;
    /** Whether the filter names a treaty or country the node does not know: nothing matches. */
    final boolean nothing;

    final boolean descending;

    private FeedQuery(Set<IRI> treaties, Set<IRI> countries, Instant since, boolean nothing, boolean descending) {
        this.treaties = Set.copyOf(treaties);
        this.countries = Set.copyOf(countries);
        this.since = since;
        this.nothing = nothing;
        this.descending = descending;
    }

    /**
     * Reads the options.
     *
     * @param filter {@code $filter}; null for none
     * @param orderBy {@code $orderby}; null for none
     * @throws ODataApplicationException 501 for what is not supported
     */
    static FeedQuery of(
            FilterExpression filter, OrderByExpression orderBy, InformeaTreaties treatyIds, Thesaurus thesaurus)
            throws ODataApplicationException {
        Builder b = new Builder(treatyIds, thesaurus, filter == null ? "" : filter.getExpressionString());
        if (filter != null && filter.getExpression() != null) {
            List<CommonExpression> conjuncts = new ArrayList<>();
            conjuncts(filter.getExpression(), conjuncts);
            Set<String> seen = new LinkedHashSet<>();
            for (CommonExpression c : conjuncts) {
                b.conjunct(c, seen);
            }
        }
        return new FeedQuery(b.treaties, b.countries, b.since, b.nothing, descending(orderBy));
    }

    private static void conjuncts(CommonExpression e, List<CommonExpression> out) {
        if (e.getKind() == ExpressionKind.BINARY && ((BinaryExpression) e).getOperator() == BinaryOperator.AND) {
            conjuncts(((BinaryExpression) e).getLeftOperand(), out);
            conjuncts(((BinaryExpression) e).getRightOperand(), out);
        } else {
            out.add(e);
        }
    }

    private static boolean descending(OrderByExpression orderBy) throws ODataApplicationException {
        if (orderBy == null || orderBy.getOrders().isEmpty()) {
            return false;
        }
        List<OrderExpression> orders = orderBy.getOrders();
        SortOrder first = null;
        for (int i = 0; i < orders.size(); i++) {
            OrderExpression o = orders.get(i);
            String name = property(o.getExpression());
            boolean ok = (i == 0 && "updated".equals(name))
                    || (i == 1 && "id".equals(name) && o.getSortOrder() == SortOrder.asc);
            if (!ok || i > 1) {
                throw notImplemented("$orderby " + orderBy.getExpressionString()
                        + ": this service orders by 'updated' (asc or desc), optionally followed by 'id'"
                        + " (ascending)");
            }
            if (i == 0) {
                first = o.getSortOrder();
            }
        }
        return first == SortOrder.desc;
    }

    private static String property(CommonExpression e) {
        return e.getKind() == ExpressionKind.PROPERTY ? ((PropertyExpression) e).getPropertyName() : null;
    }

    static ODataApplicationException notImplemented(String message) {
        return new ODataApplicationException(message, Locale.ENGLISH, HttpStatusCodes.NOT_IMPLEMENTED);
    }

    static ODataApplicationException badRequest(String message) {
        return new ODataApplicationException(message, Locale.ENGLISH, HttpStatusCodes.BAD_REQUEST);
    }

    private static final class Builder {
        final InformeaTreaties treatyIds;
        final Thesaurus thesaurus;
        final Set<IRI> treaties = new LinkedHashSet<>();
        final Set<IRI> countries = new LinkedHashSet<>();
        final String text;
        Instant since;
        boolean nothing;

        Builder(InformeaTreaties treatyIds, Thesaurus thesaurus, String text) {
            this.treatyIds = treatyIds;
            this.thesaurus = thesaurus;
            this.text = text;
        }

        void conjunct(CommonExpression e, Set<String> seen) throws ODataApplicationException {
            if (!(e.getKind() == ExpressionKind.BINARY)) {
                throw unsupported(e);
            }
            BinaryExpression b = (BinaryExpression) e;
            if (b.getOperator() == BinaryOperator.OR) {
                List<BinaryExpression> alternatives = new ArrayList<>();
                alternatives(b, alternatives);
                String name = null;
                for (BinaryExpression a : alternatives) {
                    String p = property(a.getLeftOperand());
                    if (a.getOperator() != BinaryOperator.EQ || !("treaty".equals(p) || "country".equals(p))) {
                        throw unsupported(e);
                    }
                    if (name != null && !name.equals(p)) {
                        throw unsupported(e);
                    }
                    name = p;
                }
                once(name, seen, e);
                boolean any = false;
                for (BinaryExpression a : alternatives) {
                    any |= equality(a);
                }
                nothing |= !any;
                return;
            }
            String p = property(b.getLeftOperand());
            if (p == null || b.getRightOperand().getKind() != ExpressionKind.LITERAL) {
                throw unsupported(e);
            }
            if ("updated".equals(p) && (b.getOperator() == BinaryOperator.GT || b.getOperator() == BinaryOperator.GE)) {
                once(p, seen, e);
                Instant t = instant(b.getRightOperand());
                since = b.getOperator() == BinaryOperator.GT ? t.plusMillis(1) : t;
            } else if (b.getOperator() == BinaryOperator.EQ && ("treaty".equals(p) || "country".equals(p))) {
                once(p, seen, e);
                nothing |= !equality(b);
            } else {
                throw unsupported(e);
            }
        }

        private void alternatives(BinaryExpression e, List<BinaryExpression> out) throws ODataApplicationException {
            if (e.getOperator() == BinaryOperator.OR) {
                for (CommonExpression side : List.of(e.getLeftOperand(), e.getRightOperand())) {
                    if (side.getKind() != ExpressionKind.BINARY) {
                        throw unsupported(e);
                    }
                    alternatives((BinaryExpression) side, out);
                }
            } else {
                out.add(e);
            }
        }

        /** Adds the value of {@code treaty eq} or {@code country eq}; false if the node does not know it. */
        private boolean equality(BinaryExpression b) throws ODataApplicationException {
            if (b.getRightOperand().getKind() != ExpressionKind.LITERAL) {
                throw unsupported(b);
            }
            String value = string(b.getRightOperand());
            String p = property(b.getLeftOperand());
            if (value == null) {
                throw badRequest("$filter " + text + ": '" + p + "' is compared with a string, not null");
            }
            Optional<IRI> found = "treaty".equals(p)
                    ? treatyIds.resolve(value)
                    : thesaurus
                            .byNotation(value)
                            .filter(c -> c.inScheme(ChmThesaurus.scheme(ChmThesaurus.COUNTRIES)))
                            .map(Concept::iri);
            found.ifPresent("treaty".equals(p) ? treaties::add : countries::add);
            return found.isPresent();
        }

        private void once(String property, Set<String> seen, CommonExpression e) throws ODataApplicationException {
            if (!seen.add(property)) {
                throw notImplemented("$filter " + text + ": '" + property
                        + "' may appear in one condition (join its eq comparisons with or)");
            }
        }

        private static Instant instant(CommonExpression literal) throws ODataApplicationException {
            try {
                Calendar c = ((EdmSimpleType) literal.getEdmType())
                        .valueOfString(literal.getUriLiteral(), EdmLiteralKind.URI, null, Calendar.class);
                return c.toInstant();
            } catch (EdmException | ClassCastException e) {
                throw badRequest("$filter: '" + literal.getUriLiteral()
                        + "' is not a date and time (datetime'yyyy-mm-ddThh:mm[:ss[.fff]]')");
            }
        }

        private static String string(CommonExpression literal) throws ODataApplicationException {
            try {
                return ((EdmSimpleType) literal.getEdmType())
                        .valueOfString(literal.getUriLiteral(), EdmLiteralKind.URI, null, String.class);
            } catch (EdmException | ClassCastException e) {
                throw badRequest("$filter: '" + literal.getUriLiteral() + "' is not a string");
            }
        }

        private ODataApplicationException unsupported(CommonExpression e) {
            return notImplemented("$filter " + text + ": this service filters on 'updated gt|ge"
                    + " datetime'...'', 'treaty eq '...'' and 'country eq '...'' joined by 'and' (eq comparisons"
                    + " of one property also by 'or')");
        }
    }
}
