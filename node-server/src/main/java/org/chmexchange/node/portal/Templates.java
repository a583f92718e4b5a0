package org.chmexchange.node.portal;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The portal's jte templates ({@code node-server/src/main/jte}), precompiled into {@code
 * org.chmexchange.node.portal.templates} at build time by jte-maven-plugin, rendered with HTML
 * output escaping (every {@code ${...}} is escaped for where it stands: text, attribute, URL).
 *
 * <p>Thread-safety: thread-safe (jte's precompiled engine).
 */
public final class Templates {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(
            null, ContentType.Html, Templates.class.getClassLoader(), "org.chmexchange.node.portal.templates");

    private Templates() {}

    /**
     * Renders a page: the template {@code name} ({@code home.jte}...) with its parameters.
     *
     * @param name the template file name
     * @param params the template's {@code @param}s by name
     * @return the HTML document
     * @throws gg.jte.TemplateException if the template is missing or fails
     */
    public static String render(String name, Map<String, Object> params) {
        StringOutput out = new StringOutput(8192);
        ENGINE.render(name, params, out);
        return out.toString();
    }

    /** Renders a page whose template takes {@code page} and one model named {@code modelName}. */
    public static String page(String name, Page page, String modelName, Object model) {
        return render(name, Map.of("page", page, modelName, model));
    }
}
