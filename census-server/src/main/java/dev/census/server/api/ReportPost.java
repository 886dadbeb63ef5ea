package dev.census.server.api;

import dev.census.protocol.WireRules;
import dev.census.server.ingest.Dropped;
import dev.census.server.ingest.Ingestion;
import dev.census.server.ingest.Rejection;
import dev.census.server.ingest.Rejection.Kind;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * What every report post shares, whatever its wire format: the flood guard, the size limit and
 * gzip, and the answer once the report's batch committed (or 503 when it could not be).
 */
final class ReportPost {

    /** The answer to nearly every report, written once. */
    private static final byte[] ACCEPTED_IN_FULL = "{\"accepted\":true,\"dropped\":[]}".getBytes(StandardCharsets.UTF_8);

    private final Ingestion ingestion;
    private final FloodGuard floodGuard;

    ReportPost(Ingestion ingestion, FloodGuard floodGuard) {
        this.ingestion = ingestion;
        this.floodGuard = floodGuard;
    }

    /**
     * Admits the request past the flood guard, reads its body and hands it to {@code ingest}; answers
     * {@code acceptedStatus} once committed. Rejections are counted by reason.
     */
    void handle(Context ctx, int acceptedStatus, Function<byte[], CompletableFuture<List<Dropped>>> ingest) {
        long wait = floodGuard.secondsToWait(ctx);
        if (wait > 0) {
            ingestion.recordRejected(Kind.RATE_LIMITED);
            RejectionAnswers.send(ctx, Rejection.rateLimited(wait,
                    "this address posted more reports than the server accepts per minute"));
            return;
        }
        byte[] body;
        try {
            body = body(ctx);
        } catch (Rejection e) {
            ingestion.recordRejected(e.kind());
            throw e;
        }
        CompletableFuture<List<Dropped>> committed = ingest.apply(body);
        ctx.future(() -> committed.handle((dropped, failure) -> {
            if (failure == null && dropped.isEmpty()) {
                ctx.status(acceptedStatus).contentType("application/json").result(ACCEPTED_IN_FULL);
            } else if (failure == null) {
                Json.send(ctx, acceptedStatus, Map.of("accepted", true, "dropped", dropped));
            } else {
                ErrorAnswers.storageUnavailable(ctx); // the writer logged why
            }
            return null;
        }));
    }

    /**
     * The body within the size limit, gzip undone when declared. An oversize body is still read
     * (up to the server's request limit) before the 413: answering while the client is still sending
     * would reset the connection under it, and the client would see a broken pipe, not the answer.
     */
    private static byte[] body(Context ctx) {
        if (ctx.contentLength() > ReportsEndpoint.MAX_REQUEST_BYTES) {
            throw tooLarge();
        }
        byte[] raw = ctx.bodyAsBytes();
        if (raw.length > WireRules.MAX_BODY_BYTES) {
            throw tooLarge();
        }
        String encoding = ctx.header("Content-Encoding");
        if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
            return raw;
        }
        if (!encoding.equalsIgnoreCase("gzip")) {
            throw new Rejection(Kind.UNSUPPORTED_MEDIA_TYPE, null, "only gzip content encoding is accepted");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                if (out.size() > WireRules.MAX_BODY_BYTES) {
                    throw tooLarge();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new Rejection(Kind.MALFORMED, null, "the gzip body cannot be decompressed: " + e.getMessage());
        }
    }

    private static Rejection tooLarge() {
        return new Rejection(Kind.TOO_LARGE, null, "a report body may hold at most " + WireRules.MAX_BODY_BYTES + " bytes");
    }
}
