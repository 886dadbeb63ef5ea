package dev.census.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions of the WebJars the pages load, read from the WebJars' own Maven metadata on the classpath. */
final class WebJars {

    static final String CHART_JS_VERSION = version("org.webjars.npm", "chart.js");

    private WebJars() {
    }

    private static String version(String group, String artifact) {
        String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = WebJars.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the " + artifact + " WebJar is missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
