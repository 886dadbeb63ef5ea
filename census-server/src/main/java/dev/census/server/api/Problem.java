package dev.census.server.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Answers with an RFC 9457 problem document: type, title, status, detail, and the field at fault. */
public final class Problem {

    /** Problem types are documented in docs/protocol.md under this base. */
    static final String TYPE_BASE = "https://census.dev/problems/";

    private Problem() {
    }

    public static void send(Context ctx, int status, String type, String title, String detail, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (field != null) {
            body.put("field", field);
        }
        try {
            ctx.status(status).contentType("application/problem+json").result(Json.MAPPER.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A query parameter or path segment the API cannot use. */
    static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;

        BadRequest(String field, String detail) {
            super(detail);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    /** Something the request names does not exist. */
    static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound(String detail) {
            super(detail);
        }
    }
}
