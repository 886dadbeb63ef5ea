package dev.census.server.relay;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses the proxy as command-line tools do: {@code HTTPS_PROXY} for https URLs,
 * {@code HTTP_PROXY} for http URLs (either case), except for hosts matching {@code NO_PROXY}
 * (comma-separated host names or domain suffixes, {@code *} for all).
 */
final class EnvironmentProxySelector extends ProxySelector {

    private final Map<String, String> environment;

    EnvironmentProxySelector(Map<String, String> environment) {
        this.environment = environment;
    }

    /** A selector for the environment, or null when it names no proxy. */
    static ProxySelector fromEnvironment(Map<String, String> environment) {
        return env(environment, "HTTPS_PROXY") == null && env(environment, "HTTP_PROXY") == null
                ? null : new EnvironmentProxySelector(environment);
    }

    @Override
    public List<Proxy> select(URI uri) {
        String proxy = env(environment, "https".equalsIgnoreCase(uri.getScheme()) ? "HTTPS_PROXY" : "HTTP_PROXY");
        if (proxy == null || bypassed(uri.getHost())) {
            return List.of(Proxy.NO_PROXY);
        }
        URI proxyUri = URI.create(proxy.contains("://") ? proxy : "http://" + proxy);
        int port = proxyUri.getPort() > 0 ? proxyUri.getPort() : 80;
        return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(proxyUri.getHost(), port)));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        // the forwarding run reports the failure itself
    }

    private boolean bypassed(String host) {
        String noProxy = env(environment, "NO_PROXY");
        if (noProxy == null || host == null) {
            return false;
        }
        String target = host.toLowerCase(Locale.ROOT);
        for (String raw : noProxy.split(",")) {
            String rule = raw.trim().toLowerCase(Locale.ROOT);
            if (rule.isEmpty()) {
                continue;
            }
            if (rule.equals("*")) {
                return true;
            }
            String suffix = rule.startsWith(".") ? rule : "." + rule;
            String bare = rule.startsWith(".") ? rule.substring(1) : rule;
            if (target.equals(bare) || target.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    private static String env(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            value = environment.get(name.toLowerCase(Locale.ROOT));
        }
        return value == null || value.isBlank() ? null : value.trim();
    }
}
