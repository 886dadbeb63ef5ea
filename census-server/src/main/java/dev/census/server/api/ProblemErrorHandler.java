package dev.census.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers what Jetty refuses before a request reaches Census (a URI it cannot use, a URI or headers
 * too large) with an RFC 9457 problem like every other error, instead of Jetty's HTML page.
 */
public final class ProblemErrorHandler extends ErrorHandler {

    private static final String PROBLEM = "application/problem+json";

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, PROBLEM);
        response.write(true, ByteBuffer.wrap(problem(code, message)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, PROBLEM);
        return ByteBuffer.wrap(problem(status, reason));
    }

    private static byte[] problem(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problem.TYPE_BASE + "http-" + status);
        body.put("title", ErrorAnswers.title(status));
        body.put("status", status);
        body.put("detail", message == null || message.isBlank() ? "the server cannot handle this request" : message);
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
