package dev.census.server.store;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The raw reports' side of a store, for ingestion, erasure and retention: the only writer of raw reports. */
public interface ReportWriter {

    /**
     * Appends reports in one transaction, all or nothing; when this returns they are durable. A batch
     * that failed leaves no row behind, and its ids are not given to another report.
     */
    void append(List<StoredReport> reports);

    /** Erases every raw report and the first/last-seen row of one system; returns the reports and systems rows removed. */
    int deleteSystem(String product, UUID systemId);

    /** Deletes raw reports of days before the cutoff; returns how many reports were deleted. */
    int deleteReportsBefore(LocalDate cutoff);

    /** Deletes reports that a later report of the same system and day superseded, for days before the given one. */
    int compactBefore(LocalDate day);
}
