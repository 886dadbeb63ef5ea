package dev.census.server.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a PostgreSQL database is: parsed from {@code postgresql://[user[:password]@]host[:port]/db?user=…&password=…}
 * ({@code postgres://} and {@code jdbc:postgresql://} work too) into a JDBC URL and credentials.
 * Other query parameters pass through to the driver (e.g. {@code sslmode=require}).
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

    public DatabaseUrl {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    }

    /** Parses a database URL; throws {@link IllegalArgumentException} naming what is wrong. */
    public static DatabaseUrl parse(String url) {
        Objects.requireNonNull(url, "database");
        String text = url.strip();
        String rest;
        if (text.startsWith("jdbc:postgresql://")) {
            rest = text.substring("jdbc:postgresql://".length());
        } else if (text.startsWith("postgresql://")) {
            rest = text.substring("postgresql://".length());
        } else if (text.startsWith("postgres://")) {
            rest = text.substring("postgres://".length());
        } else {
            throw new IllegalArgumentException("database must be a postgresql:// URL such as "
                    + "postgresql://db.example.org:5432/census?user=census&password=secret");
        }
        URI uri;
        try {
            uri = new URI("postgresql://" + rest);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("database URL is malformed: " + e.getMessage(), e);
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("database URL needs a host: postgresql://HOST:5432/census");
        }
        String path = uri.getRawPath();
        if (path == null || path.length() < 2) {
            throw new IllegalArgumentException("database URL needs a database name: postgresql://host:5432/DATABASE");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        List<String> passThrough = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String parameter : uri.getRawQuery().split("&")) {
                String[] pair = parameter.split("=", 2);
                String value = pair.length > 1 ? decode(pair[1]) : "";
                switch (pair[0]) {
                    case "user" -> user = value;
                    case "password" -> password = value;
                    default -> passThrough.add(parameter);
                }
            }
        }
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String query = passThrough.isEmpty() ? "" : "?" + String.join("&", passThrough);
        return new DatabaseUrl("jdbc:postgresql://" + uri.getHost() + port + path + query, user, password);
    }

    /** The host, port and database of a JDBC URL this class made ({@code db:5432/census}), without its parameters. */
    static String location(String jdbcUrl) {
        String rest = jdbcUrl.substring(jdbcUrl.indexOf("//") + 2);
        int query = rest.indexOf('?');
        return query < 0 ? rest : rest.substring(0, query);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The URL without its password, fit for logs. */
    @Override
    public String toString() {
        return jdbcUrl + (user == null ? "" : " as " + user);
    }
}
