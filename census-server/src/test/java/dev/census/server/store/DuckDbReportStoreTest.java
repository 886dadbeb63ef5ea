package dev.census.server.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded DuckDB file. */
class DuckDbReportStoreTest extends ReportStoreContract {

    @TempDir
    Path dataDir;

    @Override
    ReportStore openStore() {
        return DuckDbReportStore.open(dataDir);
    }
}
