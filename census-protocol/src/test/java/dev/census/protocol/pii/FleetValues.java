package dev.census.protocol.pii;

import java.util.ArrayList;
import java.util.List;

/**
 * What real fleets send that must never trip a detector: Pulp's own release tags (pulpcore,
 * pulp_rpm, pulp_container, pulp_ansible, pulp_npm, from their git tags), the versions the demo
 * and Pulp fleet simulators send, and the platform values collectors read from real systems
 * (kernels, OS names, architectures, locales, time zones, packages, sizes, counts, dates).
 */
final class FleetValues {

    /** Release, pre-release and build tags of Pulp's repositories, as their git tags spell them. */
    static final List<String> PULP_TAGS = List.of(
            "3.0.0b3", "3.0.0b4", "3.0.0b5", "3.0.0b6", "3.0.0b7", "3.0.0b8", "3.0.0b9", "3.0.0b10", "3.0.0b11",
            "3.0.0b12", "3.0.0b13", "3.0.0b14", "3.0.0b15", "3.0.0b16", "3.0.0b17", "3.0.0b18", "3.0.0b19",
            "3.0.0b20", "3.0.0b21", "3.0.0b22", "3.0.0b23", "3.0.0rc1", "3.0.0rc2", "3.0.0rc3", "3.0.0rc4",
            "3.0.0rc5", "3.0.0rc6", "3.0.0rc7", "3.0.0rc8", "3.0.0rc9", "3.6.5.post2", "3.7.5.post0",
            "3.11.0.post0", "0.1.0b1", "2.15.0b1", "2.15.0b3", "2.15.0rc1", "2.15.1b1", "2.15.2b1", "2.15.3b1",
            "2.16.0b1", "2.16.0rc1", "2.16.1b1", "2.16.2b1", "2.16.4b1", "2.17.0b1", "2.17.0rc1", "2.17.1b1",
            "2.18.0b1", "2.18.0rc1", "2.18.1b2", "2.19.0rc1", "2.19.1b1", "2.20.0rc1", "2.20.1rc1", "2.21.0rc1",
            "2.21.1b1", "2.21.2b1", "3.0.0b1", "3.0.0b2", "3.3.0b1", "1.0.0rc1", "2.0.0b1", "2.0.0b2", "2.0.0b3",
            "2.2.0.post0", "0.1.0b2", "0.1.0rc1", "0.1.0rc2", "0.1.0rc3", "0.1.0rc4", "0.1.0rc5", "0.2.0b1",
            "0.2.0b2", "0.2.0b3", "0.2.0b4", "0.2.0b5", "0.2.0b6", "0.2.0b7", "0.2.0b8", "0.2.0b9", "0.2.0b10",
            "0.2.0b11", "0.2.0b12", "0.2.0b13", "0.2.0b14", "0.2.0b15", "0.1.0a1", "0.1.0a2", "0.1.0a3", "0.1.0a4",
            "pulp-rpm-2.1.0-0.18.alpha", "pulp-rpm-2.2.0-0.8.alpha", "pulp-rpm-2.3.0-0.24.beta",
            "pulp-rpm-2.3.0-0.30.beta", "pulp-rpm-2.3.0-0.37.beta", "pulp-rpm-2.4.0-0.21.beta",
            "pulp-rpm-2.4.4-0.1.beta", "pulp-rpm-2.6.5-1", "pulp-rpm-2.7.1-1", "pulp-rpm-2.11.2-1",
            "pulp-rpm-2.14.0-0.2.beta", "pulp-rpm-2.14.0-0.3.rc", "3.8.0", "3.15.4", "3.16.1", "3.18.23", "3.19.0",
            "3.21.0", "3.21.11", "3.22.21", "3.22.35", "3.28.3", "3.28.7", "3.39.9", "3.39.22", "3.49.19",
            "3.49.37", "3.49.55", "3.63.44", "3.73.10", "3.73.17", "3.73.29", "3.73.37", "3.95.3", "3.100.0",
            "3.112.0", "3.113.0", "2.16.0", "2.21.3", "3.6.2", "3.17.1", "3.17.8", "3.18.3", "3.18.20", "3.19.6",
            "3.23.3", "3.25.4", "3.26.8", "3.31.1", "3.31.2", "3.32.10", "3.38.2", "1.1.0", "2.1.3", "2.2.0",
            "2.14.16", "2.15.2", "2.16.9", "2.19.6", "2.22.1", "2.22.3", "2.26.16", "2.27.2", "2.27.8", "0.5.8",
            "0.8.1", "0.15.1", "0.16.1", "0.16.3", "0.17.0", "0.20.12", "0.21.10", "0.24.11", "0.25.7", "0.2.0",
            "0.3.1", "0.3.2", "0.8.0");

    /** Versions the simulators and Pulp's development builds send, and other four-part versions. */
    static final List<String> FLEET_VERSIONS = List.of(
            "3.49.1", "2.0.0a6", "3.22.0.dev", "3.50.0.dev", "3.117.0.dev", "2.30.0.dev", "0.31.0.dev",
            "1.13.2", "1.0.1", "0.3.1", "3.18.0", "3.116.2", "3.38.5", "2.29.0", "0.30.0", "0.10.0",
            "4.9.2", "4.10.0.dev", "3.6.5.post2", "10.0.19045.2965", "120.0.6099.109", "4.8.4515.0", "3.11.9", "3.12.4", "15.8", "13.16", "16.4");

    /**
     * Four-part versions whose numbers are all at most 255: real versions that are also public IPv4
     * addresses. As a component version they are kept; in free text they are still dropped as IPv4.
     */
    static final List<String> DOTTED_QUAD_VERSIONS = List.of(
            "2.0.0.1", "1.2.3.4", "17.0.4.1", "4.4.2.1", "6.0.0.0", "11.0.2.1", "3.49.1.0", "8.1.0.2", "5.0.0.244",
            "0.9.8.1", "1.0.0.0", "2.3.4.5", "21.0.4.1", "99.0.1.0", "7.0.0.1");

    /** Platform values as collectors read them. */
    static final List<String> PLATFORM = List.of(
            // kernels (uname -r)
            "5.14.0-362.8.1.el9_3.x86_64", "6.8.0-45-generic", "6.1.0-26-amd64", "4.18.0-553.el8_10.x86_64",
            "6.10.11-200.fc40.x86_64", "5.15.153.1-microsoft-standard-WSL2", "6.6.32-linuxkit",
            "5.10.225-213.878.amzn2.x86_64", "3.10.0-1160.119.1.el7.x86_64", "6.5.0-1025-azure",
            "5.15.0-1063-aws", "6.1.0-0.deb11.21-amd64", "23.6.0",
            // operating systems (os-release PRETTY_NAME, platform.platform())
            "Red Hat Enterprise Linux 9.3 (Plow)", "Red Hat Enterprise Linux 8.10 (Ootpa)", "Ubuntu 22.04.4 LTS",
            "Ubuntu 24.04.1 LTS", "Debian GNU/Linux 12 (bookworm)", "Fedora Linux 40 (Container Image)",
            "CentOS Stream 9", "Rocky Linux 9.4 (Blue Onyx)", "AlmaLinux 8.10 (Cerulean Leopard)",
            "Amazon Linux 2023.5.20240805", "openSUSE Leap 15.6", "macOS 14.6.1", "Windows 10.0.19045",
            "Linux-5.14.0-362.8.1.el9_3.x86_64-x86_64-with-glibc2.34", "macOS-14.6.1-arm64-arm-64bit",
            "Windows-10-10.0.20348-SP0", "rhel", "fedora", "debian", "ubuntu", "centos", "rocky", "almalinux",
            "ol", "sles", "amzn", "alpine", "3.20.3", "el7", "el8_10", "fc40", "bookworm", "jammy", "noble",
            // architectures and platforms
            "x86_64", "aarch64", "arm64", "amd64", "i686", "ppc64le", "s390x", "riscv64", "armv7l", "noarch",
            "linux/arm64/v8", "linux/s390x", "x86_64-pc-linux-gnu", "aarch64-unknown-linux-gnu",
            // runtimes and services
            "CPython 3.9.18", "3.11.9 (main)", "Django 4.2.16", "PostgreSQL 15.8", "13.16 (Debian 13.16-1.pgdg120+1)",
            "redis 7.2.5", "nginx/1.24.0", "gunicorn/22.0.0", "OpenSSL 3.0.7 1 Nov 2022", "glibc 2.35-0ubuntu3.8",
            "17.0.12+7", "21.0.4+7-LTS", "1.8.0_422-b05", "v20.17.0", "go1.22.6", "psycopg 3.1.19",
            "aiohttp 3.9.5", "celery 5.4.0", "django-import-export 3.3.9", "dynaconf 3.2.6",
            // packages
            "pulpcore-3.49.1-1.el9.noarch", "python3.11-pulp-rpm-3.25.3-1.el9.noarch",
            "postgresql-server-13.14-1.el9_3.x86_64", "python3-pulpcore", "1.24.0-2ubuntu7", "1:2.34-100.el9_4.2",
            "pulpcore>=3.49,<3.55", "pulp-rpm~=3.25.0", "pulp_container==2.19.2", "galaxy-ng==4.9.2",
            "pulp/pulp:3.49", "pulp-minimal:nightly", "pulpcore-3.49.1-py3-none-any.whl",
            // locales
            "en_US.UTF-8", "de_DE.UTF-8", "fr_FR.UTF-8", "ja_JP.eucJP", "zh_CN.GB18030", "pt_BR", "POSIX",
            "en-GB", "sr-Latn-RS", "cs_CZ.utf8", "es_419", "C.utf8", "nb-NO", "ar-EG-u-nu-arab",
            // time zones and offsets
            "America/New_York", "Asia/Kolkata", "Etc/GMT+5", "Etc/GMT-14", "UTC+05:30", "GMT+0100", "+05:30",
            "-0800", "+0000", "+14:00", "America/Argentina/Buenos_Aires", "Australia/Lord_Howe", "PST8PDT",
            "EST5EDT", "Asia/Kathmandu", "Pacific/Chatham", "CET", "Z",
            // sizes and counts
            "1.5 GiB", "512 MiB", "16G", "2048M", "1099511627776", "35184372088832", "4398046511104",
            "1 234 567", "12 345 678", "1.234.567", "1,234,567,890", "123456789", "987654321", "1000000000",
            "9223372036854775807", "4294967295", "65535", "0x7fffffffffffffff", "3600", "86400000",
            "1700000000", "1700000000000", "1700000000000000", "1700000000000000000",
            // dates and times
            "2024-01-15", "15.01.2024", "01/15/2024", "2024/01/15", "20240115", "2024-01-15 12:30:45",
            "2024-01-15T12:30:45+01:00", "05.03.2024 10:30", "15.01.2024 1030", "Mon Jan 15 12:30:45 UTC 2024",
            "12:30:45.123456", "1705321845", "2024-W03", "2024-015",
            // identifiers and words with "at" in them
            "at-most-once", "rate-limited", "data.path", "updated_at", "created at startup", "platform",
            "attestation", "at.js", "dotnet-sdk-8.0", "aspnetcore-runtime-8.0", "runs at boot dot time", "status",
            "ATTACH", "state", "pulp_rpm at 3.25");

    private FleetValues() {
    }

    /** Every real value above, once. */
    static List<String> all() {
        List<String> all = new ArrayList<>();
        for (List<String> list : List.of(PULP_TAGS, FLEET_VERSIONS, PLATFORM)) {
            for (String value : list) {
                if (!all.contains(value)) {
                    all.add(value);
                }
            }
        }
        return all;
    }
}
