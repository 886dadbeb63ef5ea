package dev.census.testing;

import dev.census.protocol.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A deterministic fleet of demo installations reporting over several days: the same seed, the same
 * report bodies. A development build of core always reports to the dev channel, as the protocol requires.
 */
public final class Fleet {

    private static final String[] ENGINES = {"postgresql", "mariadb", "sqlite"};
    private static final String[] BACKENDS = {"filesystem", "s3", "azure", "gcs"};
    private static final String[] CORES = {"3.48.2", "3.49.0", "3.49.1", "3.50.0", "3.50.0.dev"};

    private Fleet() {
    }

    /** Report bodies of {@code systems} installations on each of {@code days} (ISO dates), some reporting twice a day. */
    public static List<String> reports(int systems, List<String> days, long seed) {
        Random random = new Random(seed);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < systems; i++) {
            ids.add(new UUID(random.nextLong(), random.nextLong()));
        }
        List<String> bodies = new ArrayList<>();
        for (String day : days) {
            for (UUID id : ids) {
                if (random.nextInt(10) == 0) {
                    continue; // this system skipped the day
                }
                int sends = random.nextInt(5) == 0 ? 2 : 1;
                for (int send = 0; send < sends; send++) {
                    boolean devBuild = random.nextInt(4) == 0;
                    String core = CORES[random.nextInt(CORES.length)];
                    Reports report = Reports.report().system(id).sentAt(day + "T1" + send + ":00:00Z")
                            .channel(devBuild || !Version.isRelease(core) ? "dev" : "production")
                            .component("core", core)
                            .metric("users.count", String.valueOf(random.nextInt(200)))
                            .metric("memory.mib", String.valueOf(256 + random.nextInt(4096)))
                            .metric("database.engine", "\"" + ENGINES[random.nextInt(ENGINES.length)] + "\"")
                            .metric("storage.backend", "\"" + BACKENDS[random.nextInt(BACKENDS.length)] + "\"")
                            .metric("tls.enabled", String.valueOf(random.nextBoolean()));
                    bodies.add(report.json());
                }
            }
        }
        return bodies;
    }
}
