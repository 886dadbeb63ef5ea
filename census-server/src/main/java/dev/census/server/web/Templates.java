package dev.census.server.web;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

/** Renders the dashboard's FreeMarker templates (HTML auto-escaped) from the classpath. */
final class Templates {

    private final Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);

    Templates() {
        configuration.setClassForTemplateLoading(Templates.class, "/census/templates");
        configuration.setDefaultEncoding("UTF-8");
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setSharedVariable("code", new InlineCode());
    }

    String render(String name, Map<String, Object> model) {
        try {
            StringWriter out = new StringWriter();
            configuration.getTemplate(name).process(model, out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("cannot render " + name + ": " + e.getMessage(), e);
        }
    }
}
