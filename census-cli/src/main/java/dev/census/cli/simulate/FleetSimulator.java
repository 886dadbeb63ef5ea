package dev.census.cli.simulate;

import dev.census.protocol.Channel;
import dev.census.protocol.MetricValue;
import dev.census.protocol.Report;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A seeded synthetic fleet of the demo product: installations join and leave over time, upgrade
 * along a release train some days after each release, run a few plugins, and report most days.
 * The same seed always gives the same fleet.
 */
public final class FleetSimulator {

    private static final String[] PLUGINS = {"rpm", "container", "python", "ansible", "deb"};
    private static final double[] PLUGIN_SHARE = {0.7, 0.5, 0.35, 0.2, 0.15};
    private static final String[] ENGINES = {"postgresql", "postgresql", "postgresql", "mariadb", "sqlite"};
    private static final String[] STORAGE = {"filesystem", "filesystem", "s3", "s3", "azure", "gcs"};
    /** Days between minor releases of the simulated core. */
    private static final int RELEASE_EVERY_DAYS = 21;

    private final List<Installation> fleet = new ArrayList<>();
    private final LocalDate firstDay;
    private final int days;
    private final long seed;

    public FleetSimulator(int systems, int days, LocalDate lastDay, long seed) {
        if (systems < 1 || days < 1) {
            throw new IllegalArgumentException("systems and days must be positive");
        }
        this.days = days;
        this.firstDay = lastDay.minusDays(days - 1L);
        this.seed = seed;
        Random random = new Random(seed);
        for (int i = 0; i < systems; i++) {
            fleet.add(Installation.random(random, days));
        }
    }

    /** The first simulated day. */
    public LocalDate firstDay() {
        return firstDay;
    }

    public int days() {
        return days;
    }

    /** The reports the fleet sends on one simulated day (0 = the first day), sent at noon-ish UTC. */
    public List<Report> reportsOn(int dayIndex) {
        LocalDate day = firstDay.plusDays(dayIndex);
        Random random = new Random(seed * 31 + dayIndex);
        List<Report> reports = new ArrayList<>();
        for (Installation installation : fleet) {
            if (dayIndex < installation.joinDay || dayIndex >= installation.leaveDay
                    || random.nextDouble() > installation.reportRate) {
                continue;
            }
            Instant sentAt = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(installation.secondOfDay);
            Report.Builder report = Report.builder().product("demo").systemId(installation.id).sentAt(sentAt);
            String coreVersion = installation.dev ? "3." + (Installation.newestMinor(dayIndex) + 1) + ".0.dev" : installation.coreVersion(dayIndex);
            report.component("core", coreVersion);
            for (int p = 0; p < PLUGINS.length; p++) {
                if (installation.plugins[p]) {
                    report.component(PLUGINS[p], "1." + (installation.coreMinor(dayIndex) - 36) + "." + (installation.patch % 3));
                }
            }
            if (installation.privatePlugin) {
                report.component("acme-internal", "0.3.1");
            }
            report.channel(installation.dev ? Channel.DEV : Channel.PRODUCTION);
            report.metric("workers.processes", MetricValue.of(installation.workers + (random.nextInt(10) == 0 ? 1 : 0)));
            report.metric("workers.hosts", MetricValue.of(installation.hosts));
            report.metric("content_apps.processes", MetricValue.of(installation.hosts * 2));
            report.metric("database.engine", MetricValue.of(installation.engine));
            report.metric("storage.backend", MetricValue.of(installation.storage));
            report.metric("tls.enabled", MetricValue.of(installation.tls));
            report.metric("memory.mib", MetricValue.of(Math.round(installation.memory * (0.9 + random.nextDouble() * 0.2))));
            if (installation.reportsUsers) {
                report.metric("users.count", MetricValue.of(installation.users));
            }
            reports.add(report.build());
        }
        return reports;
    }

    /** One simulated installation and its habits. */
    private static final class Installation {
        UUID id;
        int joinDay;
        int leaveDay;
        double reportRate;
        int secondOfDay;
        int upgradeLag;
        int patch;
        boolean dev;
        boolean[] plugins = new boolean[PLUGINS.length];
        boolean privatePlugin;
        int workers;
        int hosts;
        String engine;
        String storage;
        boolean tls;
        double memory;
        boolean reportsUsers;
        int users;

        static Installation random(Random random, int days) {
            Installation it = new Installation();
            it.id = new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x0000000000004000L,
                    random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L);
            it.joinDay = random.nextDouble() < 0.6 ? 0 : random.nextInt(days);
            it.leaveDay = random.nextDouble() < 0.15 ? it.joinDay + 1 + random.nextInt(Math.max(1, days - it.joinDay)) : Integer.MAX_VALUE;
            it.reportRate = random.nextDouble() < 0.1 ? 0.5 : 0.97;
            it.secondOfDay = random.nextInt(86_400);
            it.upgradeLag = (int) Math.abs(random.nextGaussian() * 12);
            it.patch = random.nextInt(4);
            it.dev = random.nextDouble() < 0.04;
            for (int p = 0; p < PLUGINS.length; p++) {
                it.plugins[p] = random.nextDouble() < PLUGIN_SHARE[p];
            }
            it.privatePlugin = random.nextDouble() < 0.002;
            it.hosts = random.nextDouble() < 0.8 ? 1 : 2 + random.nextInt(6);
            it.workers = it.hosts * (1 + (int) Math.abs(random.nextGaussian() * 3));
            it.engine = ENGINES[random.nextInt(ENGINES.length)];
            it.storage = STORAGE[random.nextInt(STORAGE.length)];
            it.tls = random.nextDouble() < 0.85;
            it.memory = 512 + Math.abs(random.nextGaussian()) * 2048;
            it.reportsUsers = random.nextDouble() < 0.7;
            it.users = (int) Math.pow(2, random.nextDouble() * 9);
            it.laggard = random.nextDouble() < 0.3;
            it.baseMinor = it.joinDay == 0 ? 40 - (int) Math.min(4, Math.abs(random.nextGaussian() * 2)) : newestMinor(it.joinDay);
            return it;
        }

        boolean laggard;
        int baseMinor;

        /** The newest core minor released by a simulated day: 3.40 on day 0, then one every few weeks. */
        static int newestMinor(int dayIndex) {
            return 40 + Math.max(0, dayIndex) / RELEASE_EVERY_DAYS;
        }

        /** The minor an installation runs: laggards stay where they installed, others follow releases after a lag. */
        int coreMinor(int dayIndex) {
            return laggard ? baseMinor : Math.max(baseMinor, newestMinor(dayIndex - upgradeLag));
        }

        String coreVersion(int dayIndex) {
            int sinceRelease = Math.max(0, dayIndex - upgradeLag) % RELEASE_EVERY_DAYS;
            return "3." + coreMinor(dayIndex) + "." + Math.min(patch, sinceRelease / 5);
        }
    }
}
