package dev.census.sdk;

import dev.census.protocol.Channel;
import dev.census.protocol.Component;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * Everything {@link Census.Builder} collected and checked: values only, read-only from here on.
 * The stores that change (the identity, the outbox) belong to {@link Census}, not here.
 */
record Settings(
        String product,
        URI endpoint,
        URI devEndpoint,
        URI mirrorEndpoint,
        List<Component> components,
        Map<String, Supplier<?>> metrics,
        ConsentPolicy consentPolicy,
        Duration collectorTimeout,
        ProxySelector proxy,
        SSLContext sslContext,
        Clock clock,
        String disableHint,
        String previewHint,
        PiiCheck pii,
        boolean manualScheduling) {

    Settings {
        components = List.copyOf(components);
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics)); // in the order given
    }

    /** Production when every component version is strictly X.Y.Z, dev otherwise. */
    Channel channel() {
        return Channel.forVersions(components.stream().map(Component::version).toList());
    }

    /** The server this installation's channel reports to (dev reports go to the endpoint when no dev endpoint is set). */
    URI channelEndpoint() {
        return channel() == Channel.DEV && devEndpoint != null ? devEndpoint : endpoint;
    }

    static URI reportsUri(URI base) {
        return URI.create(trimSlash(base) + "/api/v1/reports");
    }

    static URI systemUri(URI base, String product, String systemId) {
        return URI.create(trimSlash(base) + "/api/v1/products/" + product + "/systems/" + systemId);
    }

    private static String trimSlash(URI base) {
        String text = base.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
