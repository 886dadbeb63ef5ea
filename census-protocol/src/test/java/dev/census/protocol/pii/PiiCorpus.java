package dev.census.protocol.pii;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PII test corpus: positives of every kind (generated from a fixed seed, plus hand-picked
 * tricky ones) and tricky negatives that look like PII but are what Census legitimately carries.
 */
final class PiiCorpus {

    /** One positive: the text and the kind the standard detector must report for it. */
    record Positive(PiiKind kind, String text) {
    }

    static final long SEED = 20220120L;
    private static final int GENERATED_PER_KIND = 30;
    /** The kinds added for issue 17 get more: their shapes vary more by country and network. */
    private static final int GENERATED_PER_NEW_KIND = 45;

    private static final String[] FIRST = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan",
            "judy", "mallory", "oscar", "peggy", "trent", "victor", "walter", "jsmith", "mkowalski", "li.wei", "o_brien"};
    private static final String[] ORG = {"example", "acme", "initech", "globex", "umbrella", "hooli", "contoso",
            "northwind", "wayne-enterprises", "stark", "cyberdyne", "tyrell", "soylent", "vandelay", "pied-piper"};
    private static final String[] TLD = {"com", "net", "org", "io", "de", "co.uk", "fr", "cz", "in", "edu", "gov",
            "dev", "cloud", "internal", "corp", "local", "lan", "localdomain", "com.br", "ch"};
    private static final String[] HOST_PREFIX = {"db", "pulp", "worker", "api", "node", "srv", "web", "proxy", "nas",
            "build", "ci", "k8s-master", "content", "redis", "pg", "ldap", "mail", "gitlab", "jenkins", "vm"};
    private static final String[] ENV = {"prod", "staging", "dev", "eu-west-1", "dc2", "internal", "lab", "qa", "ops"};
    private static final String[] SCHEMES = {"https", "http", "postgres", "postgresql", "redis", "amqp", "ftp", "mysql",
            "mongodb", "s3", "git+ssh", "ssh", "smb", "jdbc:postgresql"};
    private static final String[] CONTEXT = {"%s", "%s", "value: %s", "(%s)", "\"%s\"", "%s,", "at %s.", "[%s]"};

    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final String BASE62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String HEX = "0123456789abcdef";
    private static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private PiiCorpus() {
    }

    static List<Positive> positives() {
        Random random = new Random(SEED);
        List<Positive> all = new ArrayList<>(handPickedPositives());
        for (int i = 0; i < GENERATED_PER_KIND; i++) {
            all.add(new Positive(PiiKind.EMAIL, inContext(random, email(random))));
            all.add(new Positive(PiiKind.IPV4, inContext(random, ipv4(random) + (random.nextInt(4) == 0 ? ":" + port(random) : ""))));
            all.add(new Positive(PiiKind.IPV6, inContext(random, ipv6(random))));
            all.add(new Positive(PiiKind.MAC, inContext(random, mac(random))));
            all.add(new Positive(PiiKind.HOSTNAME, inContext(random, hostname(random))));
            all.add(new Positive(PiiKind.URL_CREDENTIALS, inContext(random, urlWithCredentials(random))));
            all.add(new Positive(PiiKind.HOME_PATH, inContext(random, homePath(random))));
            all.add(new Positive(PiiKind.SECRET, inContext(random, secret(random))));
        }
        for (int i = 0; i < GENERATED_PER_NEW_KIND; i++) {
            all.add(new Positive(PiiKind.PHONE, inContext(random, phone(random))));
            all.add(new Positive(PiiKind.PAYMENT_CARD, inContext(random, card(random))));
            all.add(new Positive(PiiKind.NATIONAL_ID, inContext(random, random.nextInt(3) == 0 ? ssn(random) : iban(random))));
            all.add(new Positive(PiiKind.DISGUISED_EMAIL, inContext(random, disguisedEmail(random))));
        }
        return all;
    }

    /** The hand-picked negatives, then every real fleet value ({@link FleetValues}) not already among them. */
    static List<String> negatives() {
        List<String> all = new ArrayList<>(handPickedNegatives());
        FleetValues.all().stream().filter(value -> !all.contains(value)).forEach(all::add);
        return all;
    }

    private static List<String> handPickedNegatives() {
        return List.of(
                // versions
                "3.49.1", "1.0.0rc1", "3.22.0.dev", "2.0.0a6", "2.0.0b1", "1.0.0-rc.1", "1.2.3-SNAPSHOT",
                "1.2.3.4-SNAPSHOT", "17.0.4.1+1", "21.0.1+12-LTS", "v10.0.0.1", "1.2.3.4.5", "2024.10.03",
                "4.18.0-477.10.1.el8_8.x86_64", "v0.0.0-20191109021931-daa7c04131f5", "1.0.0-beta.2+exp.sha.5114f85",
                "0.1.dev1+g1a2b3c4", "2.28.1.post1", "1.8.0_292", "3.11.4", "9.6.24", "15.4", "12", "v2",
                "3.22.0.dev0", "1.0.0rc1.dev", "2023.1003.0001", "1234.5678.9012", "300.1.2.3", "1.2.3.256",
                "10.0.19045.2965", "120.0.6099.109", "4.8.4515.0", "0.0.0", "1.2.3-alpha+001", "5.15.0-91-generic",
                "6.5.0-1014-azure", "2:1.2.3-4ubuntu1", "1:9.16.23-1.el9", "7.4.3-1.fc39", "3.0.0~beta1",
                // operating systems and architectures
                "ubuntu-22.04", "el8", "el9", "x86_64", "aarch64", "ppc64le", "s390x", "fedora-39", "debian-12",
                "rhel-9.3", "centos-stream-9", "macos-14.2", "windows-server-2022", "python3.11", "openjdk-17",
                "x86_64-redhat-linux-gnu", "linux/amd64", "darwin/arm64",
                // metric names
                "workers.processes", "content_apps.processes", "online_workers.hosts", "rbac.custom_roles",
                "memory.mib", "tls.enabled", "storage.backend", "database.engine", "users.count",
                "repositories.count", "postgresql.version", "components.core.version", "rbac_stats.domains",
                "latency.ms", "disk.gb", "disk.io", "user.id", "group.by", "network.bytes_sent", "cache.hit_ratio",
                "tasks.failed", "uploads.size", "api.requests", "sync.duration_s",
                // enum values and component names
                "file-system", "filesystem", "s3", "azure", "gcs", "postgresql", "mariadb", "sqlite", "pulp_rpm",
                "pulp-container", "pulp_ansible", "pulpcore", "on-premise", "kubernetes", "openshift", "podman",
                "docker-compose", "systemd", "none", "other", "unknown", "en_US.UTF-8", "de_DE.utf8", "C.UTF-8",
                "utf-8", "en-US", "zh-Hant-TW", "Europe/Prague", "UTC", "read-write", "single-node", "ha-cluster",
                "pulp-operator", "galaxy_ng", "pulp_python", "pulp-cli", "oci-image", "helm-chart",
                // reverse-DNS package names and file names
                "org.apache.commons.io", "java.io", "com.example.app", "dev.census.protocol", "io.quarkus.core",
                "jakarta.persistence", "android.app", "kotlin.io", "net.sf.json", "com.google.common.io",
                "setup.py", "install.sh", "README.md", "main.rs", "main.tf", "Makefile.in", "script.pl",
                "lib.so", "config.example", "node.js", "Chart.js", "vue.js", "package.json", "settings.yaml",
                "census.jar", "pom.xml", "app.properties", "server.log", "archive.tar.gz", "libfoo.so.6",
                // package specifiers
                "lodash@4.17.21", "@scope/pkg", "pkg@latest", "@types/node", "gcc@12.2.0", "node@18",
                // paths without a user
                "~/.config/census", "$HOME/.cache", "/home", "/home/", "/home/$USER", "/home/${USER}",
                "/home/<user>", "/home/*/.ssh", "C:\\Users\\Public", "C:\\Users\\Default\\AppData",
                "C:\\Program Files\\Census", "/opt/homebrew/bin", "/home/linuxbrew/.linuxbrew/bin",
                "/usr/share/java", "/var/lib/pulp/media", "src/home/views.py", "/users/42", "/api/v1/users/",
                "/Users/Shared", "%USERPROFILE%\\AppData", "/root/.bashrc", "/etc/pulp/settings.py",
                // UUIDs and numbers
                "550e8400-e29b-41d4-a716-446655440000", "6BA7B810-9DAD-11D1-80B4-00C04FD430C8",
                "00000000-0000-0000-0000-000000000000", "42", "3.14159", "1e6", "-17", "12345678901234567890",
                "0.0001", "1,234,567", "255.255.255", "1/2", "0x7fffffff", "18446744073709551615", "-9.5e-3",
                "100%", "1.5GiB", "4096", "99.9",
                // times and dates
                "12:30:45", "2024-01-01T12:30:45Z", "2024-01-01", "P1D", "00:00", "23:59:59.999", "PT30M",
                "2024-01-01T12:30:45.123456789+02:00", "1:2:3", "a:b",
                // code and identifiers
                "std::string", "Foo::Bar", "AbstractSingletonProxyFactoryBean", "pulp_container_registry_cache_enabled",
                "python3_django42_celery5", "k8s-cluster-prd-ctl-srv-0012345", "deadbeef", "sha256",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaa", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "ansible_collections_community_general_4",
                "HttpServletRequestWrapper2", "getHTTPResponseCodeFromURL", "MAX_CONNECTIONS_PER_HOST_DEFAULT",
                "a1a1a1a1a1a1a1a1a1a1a1a1", "ContentRedirectContentGuard", "ansible-collection-community-general",
                "AnsibleDistribution", "RpmPublication", "ContainerPushRepository",
                // credential words without a credential
                "password_auth: true", "password: ********", "token_type: bearer", "max_tokens: 4096",
                "password.min_length=12", "secret: ${DB_SECRET}", "api_key: <redacted>", "password=", "token: null",
                "PASSWORD: REDACTED", "secret_key_file: none", "password: %DB_PASSWORD%", "tokens.issued",
                "password_reset.enabled", "secrets.count",
                // MAC and IPv6 look-alikes
                "00:00:00", "10:20:30:40", "aa-bb-cc", "00:1a:2b:3c:4d", "1:2:3:4:5:6:7:8:9", "2001-db8-1",
                "fe80", "::", "deadbeef::cafe::1", "2001:db8", "x::y",
                // phone look-alikes: short or bare numbers, offsets, dates, grouped counts
                "+1", "+49", "+0530", "+02:00", "1+1", "+build.5", "12345678", "0123456789", "415-555", "555-0100",
                "(415) 555", "123-456-7890", "+1234.5678", "1 234 567 890", "01.02.2024", "2024.01.15.1030",
                "001", "+1.2.3", "0644 0755",
                // card look-alikes: fails Luhn, no network prefix, too long bare, part of a version or decimal
                "4111 1111 1111 1112", "1234 5678 9012 3456", "4111111111111112", "12345678901234",
                "41111111111111111", "0.4111111111111111", "4111111111111111.5", "v4111111111111111",
                "build-4111111111111111", "9999 9999 9999 9995",
                // national ID look-alikes: SSN ranges never issued, IBANs with a wrong check or length
                "000-12-3456", "666-12-3456", "900-12-3456", "123-00-4567", "123-45-0000", "123456789",
                "12-345-6789", "GB82 WEST 1234 5698 7654 33",
                // "at" and "dot" in ordinary words and values
                "updated at", "at-least-once", "dotfiles", "look at that", "pulp at scale", "x [at] y",
                "bob (at) home", "a at b dot unknownlabel", "dotnet", "release at 3.49 dot 1");
    }

    private static List<Positive> handPickedPositives() {
        List<Positive> p = new ArrayList<>();
        add(p, PiiKind.EMAIL, "bob+census@example.co.uk", "ROOT@DB01.EXAMPLE.COM", "contact ops@acme.io for access",
                "git@github.com:acme/private-repo.git", "a@b.co", "mailto:alice@example.org", "first.last@sub.dept.uni.edu",
                "o'brien@example.ie", "user_name-1@mail.example.travel", "admin@pulp.internal.corp");
        add(p, PiiKind.IPV4, "10.0.0.1", "192.168.1.20", "host=172.16.254.3", "10.0.0.1:8080", "(192.168.0.1)",
                "ip-10-0-0-1", "ip-172-31-22-4.ec2.internal", "172.16.0.0/12", "0.0.0.0", "255.255.255.255",
                "10.0.0.1-10.0.0.9", "connect to 8.8.8.8.", "127.0.0.1", "17.0.4.1", "001.002.003.004",
                "worker at 10.11.12.13 is down");
        add(p, PiiKind.IPV6, "::1", "fe80::1", "fe80::1%eth0", "[2001:db8::1]:443", "2001:db8:85a3::8a2e:370:7334",
                "2001:0db8:85a3:0000:0000:8a2e:0370:7334", "::ffff:192.0.2.1", "FE80::0202:B3FF:FE1E:8329", "2001:db8::",
                "fd12:3456:789a:1::1", "listening on :: and fe80::a00:27ff:fe4e:66a1.", "64:ff9b::192.0.2.33");
        add(p, PiiKind.MAC, "00:1a:2b:3c:4d:5e", "00-1A-2B-3C-4D-5E", "001a.2b3c.4d5e", "ac:de:48:00:11:22",
                "02:42:ac:11:00:02:ff:fe", "eth0 ether 52:54:00:12:34:56 txqueuelen", "00:00:00:00:00:00");
        add(p, PiiKind.HOSTNAME, "db01.example.com", "pulp.internal.corp", "worker-3.prod.acme.net",
                "host.docker.internal", "mybox.local", "nas.lan", "router.home.arpa", "srv.acme.de",
                "node1.cluster.local", "4.pool.ntp.org", "1password.com", "DB01.EXAMPLE.COM", "pulp.example.com.",
                "https://pulp.example.com/pulp/api/v3/", "1234@pulp-worker-1", "98765@pulp-worker-7f9c8d",
                "localhost.localdomain", "build_01.ci.acme.io", "db01.acme.io", "pulp.acme.co.uk", "api.acme.dev",
                "content.acme.cloud", "my-laptop.lan", "kube-node-3.k8s.local", "gitlab.corp", "srv1.intranet",
                "acme.com", "example.org");
        add(p, PiiKind.URL_CREDENTIALS, "https://bob:hunter2@pulp.example.com/", "postgres://pulp:secret@db:5432/pulp",
                "redis://:password@cache:6379/0", "ftp://anonymous@ftp.example.org/pub", "https://token@github.com/acme/repo",
                "amqp://guest:guest@localhost:5672/", "http://user@10.0.0.1/", "HTTPS://ADMIN:PW@HOST/",
                "git+https://deploy:x@git.example.com/r.git", "s3://AKID:secret@bucket/path");
        add(p, PiiKind.HOME_PATH, "/home/bob", "/home/bob/.config/pulp/settings.py", "/Users/alice/Library",
                "C:\\Users\\bob\\AppData\\Local", "C:/Users/bob/Desktop", "c:\\users\\mallory", "/var/home/erin",
                "/export/home/oscar/bin", "~bob/projects", "file:///home/carol/notes.txt", "C:\\\\Users\\\\dave\\\\x",
                "/mnt/c/Users/frank/Downloads", "cwd=/home/jsmith", "C:\\Documents and Settings\\victor\\Desktop",
                "/usr/home/walter");
        add(p, PiiKind.SECRET, "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "ghp_16C7e42F292c6912E7710c838347Ae178B4a", "glpat-xxxxxxxxxxxxxxxxxxxx",
                "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
                "AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe", "password=hunter2", "DB_PASSWORD: correct-horse",
                "api_key=abc123", "secret: s3cr3t!", "token=9f86d081884c7d659a2f", "-----BEGIN RSA PRIVATE KEY-----",
                "-----BEGIN PRIVATE KEY-----",
                "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "PULP_API_TOKEN=Zm9vYmFyYmF6",
                "passwd: letmein", "client_secret=9e1f6a2b", "sk-proj-T3BlbkFJabcdefghijklmnopqrstuv",
                "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7");
        add(p, PiiKind.PHONE, "+1 415 555 0100", "+14155550100", "(415) 555-0100", "415-555-0100", "415.555.0100",
                "1-800-555-0199", "+44 20 7946 0958", "+44 (0)20 7946 0958", "020 7946 0958", "07700 900123",
                "+49 30 901820", "030 901820", "030/901820", "+33 1 23 45 67 89", "06 12 34 56 78", "06.12.34.56.78",
                "+420 601 123 456", "0044 20 7946 0958", "call +1-212-555-0147 now", "tel:+61 2 9876 5432",
                "phone: (212) 555-0147", "+1 (415) 555-0100", "+81 3-1234-5678", "+7 495 123-45-67");
        add(p, PiiKind.PAYMENT_CARD, "4111 1111 1111 1111", "4111111111111111", "5500 0000 0000 0004",
                "5555-5555-5555-4444", "3782 822463 10005", "378282246310005", "6011 1111 1111 1117",
                "3056 930902 5904", "30569309025904", "3530 1113 3330 0000", "2223 0031 2200 3222",
                "6200 0000 0000 0005", "4222222222222", "card=4012888888881881", "5105-1051-0510-5100",
                "4111 1111 1111 1111 12/27", "pan: 6011000990139424", "3566002020360505");
        add(p, PiiKind.NATIONAL_ID, "123-45-6789", "078-05-1120", "219-09-9999", "457 55 5462", "ssn=536-22-1234",
                "SSN: 001-01-0001", "899-99-9999", "DE89 3704 0044 0532 0130 00", "DE89370400440532013000",
                "GB82 WEST 1234 5698 7654 32", "GB29NWBK60161331926819", "FR14 2004 1010 0505 0001 3M02 606",
                "NL91ABNA0417164300", "CH93 0076 2011 6238 5295 7", "BE68539007547034", "NO9386011117947",
                "ES9121000418450200051332", "IT60X0542811101000000123456", "AT611904300234573201",
                "PL61109010140000071219812874", "CZ6508000000192000145399", "IBAN: SE4550000000058398257466",
                "BR1800360305000010009795493C1", "de89370400440532013000");
        add(p, PiiKind.DISGUISED_EMAIL, "bob at example dot com", "bob [at] example [dot] com", "bob(at)example(dot)com",
                "bob(at)example.com", "alice[at]acme.io", "carol {at} globex {dot} net", "dave <at> initech <dot> org",
                "ERIN AT EXAMPLE DOT COM", "frank@example dot com", "grace [ at ] hooli [ dot ] co [ dot ] uk",
                "contact: heidi at example dot org", "first.last (at) sub (dot) dept (dot) uni (dot) edu",
                "ivan [at] mail [.] example [.] de", "o_brien(at)example(dot)ie", "judy at stark dot internal",
                "mallory[at]cyberdyne[dot]corp", "look at it dot net");
        return p;
    }

    private static void add(List<Positive> list, PiiKind kind, String... texts) {
        for (String text : texts) {
            list.add(new Positive(kind, text));
        }
    }

    private static String inContext(Random random, String value) {
        return String.format(Locale.ROOT, CONTEXT[random.nextInt(CONTEXT.length)], value);
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String email(Random random) {
        String local = pick(random, FIRST) + (random.nextBoolean() ? "" : "." + pick(random, FIRST))
                + (random.nextInt(3) == 0 ? random.nextInt(100) : "");
        String domain = (random.nextInt(3) == 0 ? pick(random, HOST_PREFIX) + "." : "") + pick(random, ORG) + "."
                + pick(random, TLD);
        String address = local + "@" + domain;
        return random.nextInt(5) == 0 ? address.toUpperCase(Locale.ROOT) : address;
    }

    static String ipv4(Random random) {
        int first = random.nextInt(3) == 0 ? pick(random, new int[] {10, 172, 192}) : 1 + random.nextInt(254);
        return first + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
    }

    private static int pick(Random random, int[] values) {
        return values[random.nextInt(values.length)];
    }

    private static int port(Random random) {
        return 1 + random.nextInt(65535);
    }

    static String ipv6(Random random) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(0x10000);
        }
        if (random.nextBoolean()) {
            groups[0] = 0xfe80;
        }
        int zerosFrom = random.nextInt(8);
        int zerosTo = Math.min(zerosFrom + 1 + random.nextInt(8 - zerosFrom), zerosFrom == 0 ? 7 : 8);
        boolean compress = random.nextBoolean() && zerosTo - zerosFrom >= 1;
        boolean upper = random.nextInt(4) == 0;
        boolean padded = random.nextInt(4) == 0;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (compress && i >= zerosFrom && i < zerosTo) {
                if (i == zerosFrom) {
                    out.append(i == 0 ? "::" : ":");
                }
                continue;
            }
            String group = padded ? String.format(Locale.ROOT, "%04x", groups[i]) : Integer.toHexString(groups[i]);
            out.append(group);
            if (i < 7) {
                out.append(':');
            }
        }
        String text = out.toString();
        if (compress && zerosTo == 8 && !text.endsWith("::")) {
            text = text + ":";
        }
        if (random.nextInt(6) == 0) {
            text = "[" + text + "]:" + port(random);
        }
        return upper ? text.toUpperCase(Locale.ROOT) : text;
    }

    private static String mac(Random random) {
        StringJoiner out;
        int style = random.nextInt(4);
        if (style == 3) {
            StringBuilder dotted = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                dotted.append(i == 0 ? "" : ".").append(String.format(Locale.ROOT, "%04x", 0xa000 | random.nextInt(0x1000)));
            }
            return dotted.toString();
        }
        out = new StringJoiner(style == 0 ? "-" : ":");
        int bytes = random.nextInt(5) == 0 ? 8 : 6;
        for (int i = 0; i < bytes; i++) {
            out.add(String.format(Locale.ROOT, style == 2 ? "%02X" : "%02x", random.nextInt(256)));
        }
        return out.toString();
    }

    private static String hostname(Random random) {
        String host = pick(random, HOST_PREFIX) + (random.nextBoolean() ? String.format(Locale.ROOT, "%02d", random.nextInt(100)) : "");
        String env = random.nextBoolean() ? "." + pick(random, ENV) : "";
        String name = host + env + "." + pick(random, ORG) + "." + pick(random, TLD);
        return switch (random.nextInt(5)) {
            case 0 -> "https://" + name + "/pulp/api/v3/";
            case 1 -> name.toUpperCase(Locale.ROOT);
            case 2 -> random.nextInt(100000) + "@" + host;
            default -> name;
        };
    }

    private static String urlWithCredentials(Random random) {
        String user = pick(random, FIRST).replace(".", "");
        String password = random.nextBoolean() ? ":" + randomString(random, BASE62, 6 + random.nextInt(12)) : "";
        String host = random.nextBoolean() ? pick(random, HOST_PREFIX) : pick(random, HOST_PREFIX) + "." + pick(random, ORG) + ".com";
        String port = random.nextBoolean() ? ":" + port(random) : "";
        return pick(random, SCHEMES) + "://" + user + password + "@" + host + port + "/" + pick(random, ENV);
    }

    private static String homePath(Random random) {
        String user = pick(random, FIRST);
        String rest = random.nextBoolean() ? "" : "/" + pick(random, new String[] {".ssh", "projects", ".config/pulp", "Downloads", "venv/bin"});
        return switch (random.nextInt(6)) {
            case 0 -> "/home/" + user + rest;
            case 1 -> "/Users/" + user + rest;
            case 2 -> "C:\\Users\\" + user + rest.replace('/', '\\');
            case 3 -> "C:/Users/" + user + rest;
            case 4 -> "/var/home/" + user + rest;
            default -> "cwd=/home/" + user + rest;
        };
    }

    static String secret(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> randomString(random, BASE64, 40);
            case 1 -> randomString(random, BASE62, 32);
            case 2 -> randomString(random, HEX, 32 + 8 * random.nextInt(5));
            case 3 -> randomString(random, BASE64URL, 43);
            case 4 -> "AKIA" + randomString(random, UPPER_ALNUM, 16);
            case 5 -> "ghp_" + randomString(random, BASE62, 36);
            case 6 -> "xoxb-" + (100000000 + random.nextInt(900000000)) + "-" + randomString(random, BASE62, 24);
            case 7 -> pick(random, new String[] {"password", "DB_PASSWORD", "api_key", "secret", "token"})
                    + pick(random, new String[] {"=", ": ", " = "}) + randomString(random, BASE62, 6 + random.nextInt(10));
            case 8 -> randomString(random, BASE64, 20 + random.nextInt(44)) + "==";
            default -> randomString(random, BASE62, 24 + random.nextInt(40));
        };
    }

    /** Country codes with the groups their numbers are written in after the code. */
    private static final int[][] PHONE_GROUPS = {
        {1, 3, 3, 4}, {44, 2, 4, 4}, {44, 4, 6}, {49, 2, 8}, {49, 3, 7}, {33, 1, 2, 2, 2, 2}, {420, 3, 3, 3},
        {81, 1, 4, 4}, {86, 3, 4, 4}, {7, 3, 3, 2, 2}, {61, 1, 4, 4}, {55, 2, 5, 4}, {91, 5, 5}, {34, 3, 3, 3},
        {39, 3, 3, 4}, {31, 2, 3, 4}, {46, 2, 3, 2, 2}, {48, 3, 3, 3}, {353, 1, 3, 4}, {27, 2, 3, 4}};

    static String phone(Random random) {
        int[] format = PHONE_GROUPS[random.nextInt(PHONE_GROUPS.length)];
        String separator = pick(random, new String[] {" ", " ", "-", "."});
        return switch (random.nextInt(6)) {
            case 0 -> "+" + format[0] + digits(random, sum(format) - 1);
            case 1 -> "+" + format[0] + separator + groups(random, format, separator);
            case 2 -> "00" + format[0] + " " + groups(random, format, " ");
            case 3 -> northAmerican(random);
            case 4 -> trunkNational(random);
            default -> "+1 " + northAmerican(random).replaceFirst("^1-", "");
        };
    }

    private static int sum(int[] format) {
        int total = 0;
        for (int i = 1; i < format.length; i++) {
            total += format[i];
        }
        return total + 1;
    }

    private static String groups(Random random, int[] format, String separator) {
        StringJoiner out = new StringJoiner(separator);
        for (int i = 1; i < format.length; i++) {
            out.add(digits(random, format[i]));
        }
        return out.toString();
    }

    /** Digits, the first of them not 0. */
    private static String digits(Random random, int count) {
        StringBuilder out = new StringBuilder().append(1 + random.nextInt(9));
        for (int i = 1; i < count; i++) {
            out.append(random.nextInt(10));
        }
        return out.toString();
    }

    private static String northAmerican(Random random) {
        String area = (2 + random.nextInt(8)) + "" + random.nextInt(10) + random.nextInt(10);
        String exchange = (2 + random.nextInt(8)) + "" + random.nextInt(10) + random.nextInt(10);
        String line = String.format(Locale.ROOT, "%04d", random.nextInt(10000));
        return switch (random.nextInt(5)) {
            case 0 -> "(" + area + ") " + exchange + "-" + line;
            case 1 -> area + "-" + exchange + "-" + line;
            case 2 -> area + "." + exchange + "." + line;
            case 3 -> area + " " + exchange + " " + line;
            default -> "1-" + area + "-" + exchange + "-" + line;
        };
    }

    private static String trunkNational(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> "020 " + digits(random, 4) + " " + digits(random, 4);
            case 1 -> "07" + digits(random, 3) + " " + digits(random, 6);
            case 2 -> "0" + digits(random, 2 + random.nextInt(3)) + pick(random, new String[] {" ", "/"}) + digits(random, 6 + random.nextInt(2));
            case 3 -> "(0" + digits(random, 3) + ") " + digits(random, 7);
            default -> {
                String separator = random.nextBoolean() ? " " : ".";
                yield "0" + (1 + random.nextInt(9)) + separator + digits(random, 2) + separator + digits(random, 2)
                        + separator + digits(random, 2) + separator + digits(random, 2);
            }
        };
    }

    /** Issuer prefixes and card lengths of the networks, as their published ranges give them. */
    private static final String[][] CARD_NETWORKS = {
        {"4", "16"}, {"4", "13"}, {"4", "19"}, {"51", "16"}, {"55", "16"}, {"2221", "16"}, {"2720", "16"}, {"34", "15"},
        {"37", "15"}, {"36", "14"}, {"300", "14"}, {"6011", "16"}, {"65", "16"}, {"644", "16"}, {"3528", "16"},
        {"3589", "16"}, {"62", "16"}, {"62", "19"}, {"2200", "16"}, {"6759", "16"}, {"5018", "19"}};

    static String card(Random random) {
        String[] network = CARD_NETWORKS[random.nextInt(CARD_NETWORKS.length)];
        int length = Integer.parseInt(network[1]);
        StringBuilder number = new StringBuilder(network[0]);
        while (number.length() < length - 1) {
            number.append(random.nextInt(10));
        }
        String digits = number.append(luhnCheckDigit(number)).toString();
        String separator = random.nextBoolean() ? " " : "-";
        if (length <= 16 && random.nextInt(3) == 0) {
            return digits;
        }
        if (length == 15 || length == 14) {
            return digits.substring(0, 4) + separator + digits.substring(4, 10) + separator + digits.substring(10);
        }
        StringJoiner grouped = new StringJoiner(separator);
        for (int i = 0; i < length; i += 4) {
            grouped.add(digits.substring(i, Math.min(length, i + 4)));
        }
        return grouped.toString();
    }

    /** The Luhn check digit that completes the number, computed independently of the detector. */
    static int luhnCheckDigit(CharSequence withoutCheck) {
        int sum = 0;
        for (int i = 0; i < withoutCheck.length(); i++) {
            int digit = withoutCheck.charAt(withoutCheck.length() - 1 - i) - '0';
            int weighted = i % 2 == 0 ? digit * 2 : digit;
            sum += weighted / 10 + weighted % 10;
        }
        return (10 - sum % 10) % 10;
    }

    static String ssn(Random random) {
        int area;
        do {
            area = 1 + random.nextInt(899);
        } while (area == 666);
        String separator = random.nextInt(4) == 0 ? " " : "-";
        return String.format(Locale.ROOT, "%03d%s%02d%s%04d", area, separator, 1 + random.nextInt(99), separator,
                1 + random.nextInt(9999));
    }

    /**
     * Countries and the shape of their account numbers in an IBAN ({@code n} digits, {@code a} upper-case
     * letters, {@code c} either), from the IBAN registry: independent of the detector's length table.
     */
    private static final String[][] IBAN_FORMATS = {
        {"DE", "18n"}, {"GB", "4a14n"}, {"FR", "10n11c2n"}, {"NL", "4a10n"}, {"CH", "5n12c"}, {"BE", "12n"},
        {"NO", "11n"}, {"ES", "20n"}, {"IT", "1a10n12c"}, {"AT", "16n"}, {"PL", "24n"}, {"CZ", "20n"}, {"SE", "20n"},
        {"DK", "14n"}, {"FI", "14n"}, {"IE", "4a14n"}, {"PT", "21n"}, {"LU", "3n13c"}, {"SK", "20n"}, {"HU", "24n"},
        {"SA", "2n18c"}, {"AE", "19n"}, {"BR", "23n1a1c"}, {"TR", "5n1n16c"}, {"GR", "7n16c"}, {"RO", "4a16c"},
        {"HR", "17n"}, {"SI", "15n"}, {"LT", "16n"}, {"LV", "4a13c"}, {"EE", "16n"}, {"BG", "4a6n8c"},
        {"CY", "8n16c"}, {"MT", "4a5n18c"}, {"IS", "22n"}, {"LI", "5n12c"}, {"MC", "10n11c2n"}, {"KZ", "3n13c"},
        {"IL", "19n"}, {"QA", "4a21c"}, {"UA", "6n19c"}};

    static String iban(Random random) {
        String[] format = IBAN_FORMATS[random.nextInt(IBAN_FORMATS.length)];
        StringBuilder bban = new StringBuilder();
        Matcher part = Pattern.compile("(\\d+)([nac])").matcher(format[1]);
        while (part.find()) {
            String alphabet = switch (part.group(2)) {
                case "n" -> "0123456789";
                case "a" -> "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
                default -> UPPER_ALNUM;
            };
            bban.append(randomString(random, alphabet, Integer.parseInt(part.group(1))));
        }
        String iban = format[0] + ibanCheckDigits(format[0], bban.toString()) + bban;
        if (random.nextBoolean()) {
            return iban;
        }
        StringJoiner grouped = new StringJoiner(" ");
        for (int i = 0; i < iban.length(); i += 4) {
            grouped.add(iban.substring(i, Math.min(iban.length(), i + 4)));
        }
        return grouped.toString();
    }

    /** ISO 13616 check digits, computed with BigInteger, independently of the detector. */
    static String ibanCheckDigits(String country, String bban) {
        StringBuilder numeric = new StringBuilder();
        for (char c : (bban + country + "00").toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98 - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
        return String.format(Locale.ROOT, "%02d", check);
    }

    private static final String[][] DISGUISES = {
        {" at ", " dot "}, {" [at] ", " [dot] "}, {"(at)", "(dot)"}, {"[at]", "."}, {" {at} ", " {dot} "},
        {" <at> ", " <dot> "}, {"@", " dot "}, {" AT ", " DOT "}, {"(at)", "."}, {" [ at ] ", " [ dot ] "},
        {" (at) ", " (dot) "}, {"[at]", "[dot]"}};

    static String disguisedEmail(Random random) {
        String[] disguise = DISGUISES[random.nextInt(DISGUISES.length)];
        String local = pick(random, FIRST) + (random.nextInt(4) == 0 ? random.nextInt(100) : "");
        String domain = (random.nextInt(4) == 0 ? pick(random, HOST_PREFIX) + "." : "") + pick(random, ORG) + "."
                + pick(random, TLD);
        String address = local + disguise[0] + domain.replace(".", disguise[1]);
        return disguise[0].equals(" AT ") ? address.toUpperCase(Locale.ROOT) : address;
    }

    static String randomString(Random random, String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
