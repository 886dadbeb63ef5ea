package dev.census.server.web;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import java.util.List;

/**
 * The one piece of Markdown the registry's prose may use, as the templates' {@code code(text)}:
 * {@code `code`} spans become {@code <code>}; everything else is HTML-escaped text.
 */
final class InlineCode implements TemplateMethodModelEx {

    /** The text as HTML: escaped, with each pair of backticks around a span replaced by {@code <code>}. */
    static String html(String text) {
        StringBuilder html = new StringBuilder(text.length() + 16);
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf('`', at);
            int close = open < 0 ? -1 : text.indexOf('`', open + 1);
            if (close < 0) {
                html.append(escape(text.substring(at)));
                break;
            }
            html.append(escape(text.substring(at, open))).append("<code>").append(escape(text.substring(open + 1, close)))
                    .append("</code>");
            at = close + 1;
        }
        return html.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    @Override
    public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
        if (arguments.size() != 1) {
            throw new TemplateModelException("code(text) takes one argument");
        }
        Object text = arguments.get(0);
        return HTMLOutputFormat.INSTANCE.fromMarkup(html(text == null ? "" : text.toString()));
    }
}
