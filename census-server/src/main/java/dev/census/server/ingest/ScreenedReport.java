package dev.census.server.ingest;

import dev.census.protocol.Report;
import java.util.List;

/** A report after the registry screen: what is kept, and what was dropped field by field. */
record ScreenedReport(Report report, List<Dropped> dropped) {

    ScreenedReport {
        dropped = List.copyOf(dropped);
    }
}
