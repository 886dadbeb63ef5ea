package dev.census.server.api;

import java.util.List;

/** Writes RFC 4180 CSV: fields with commas, quotes or line breaks are quoted. */
final class Csv {

    private final StringBuilder out = new StringBuilder();

    Csv row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object field = fields.get(i);
            String text = field == null ? "" : field.toString();
            if (text.matches(".*[,\"\\r\\n].*")) {
                out.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else {
                out.append(text);
            }
        }
        out.append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
