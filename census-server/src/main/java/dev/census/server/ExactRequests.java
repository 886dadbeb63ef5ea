package dev.census.server;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * Makes Jetty hand each request to Census as its client sent it. Jetty's parser otherwise reuses a
 * header value seen earlier on the same keep-alive connection when the new one matches it ignoring
 * case, so an admin token's verdict would depend on the previous request; and Javalin would take an
 * {@code X-HTTP-Method-Override} header as the method, turning a POST or GET into a DELETE.
 */
final class ExactRequests {

    static final String METHOD_OVERRIDE = "X-HTTP-Method-Override";

    private ExactRequests() {
    }

    static void apply(HttpConfiguration http) {
        http.setHeaderCacheSize(0);
        http.addCustomizer((request, responseHeaders) -> withoutMethodOverride(request));
    }

    private static Request withoutMethodOverride(Request request) {
        HttpFields headers = request.getHeaders();
        if (!headers.contains(METHOD_OVERRIDE)) {
            return request;
        }
        HttpFields kept = HttpFields.build(headers).remove(METHOD_OVERRIDE).asImmutable();
        return new Request.Wrapper(request) {
            @Override
            public HttpFields getHeaders() {
                return kept;
            }
        };
    }
}
