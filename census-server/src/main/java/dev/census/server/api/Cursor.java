package dev.census.server.api;

import dev.census.server.store.SummaryRow;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

/** An opaque pagination cursor: the sort key (day, metric, kind, key) of the last item of a page. */
final class Cursor {

    private static final char SEPARATOR = '\u001f';

    private Cursor() {
    }

    static String encode(SummaryRow last) {
        String key = last.day() + "" + SEPARATOR + last.metric() + SEPARATOR + last.kind() + SEPARATOR + last.key();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    static SummaryRow decode(String cursor) {
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = key.split(String.valueOf(SEPARATOR), -1);
            if (parts.length != 4) {
                throw new IllegalArgumentException("wrong shape");
            }
            return new SummaryRow(LocalDate.parse(parts[0]), null, parts[1], parts[2], parts[3], null, 0);
        } catch (RuntimeException e) {
            throw new Problem.BadRequest("cursor", "the cursor is not one this API gave out");
        }
    }
}
