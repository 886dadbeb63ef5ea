package dev.census.protocol.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.StringJoiner;

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
        return all;
    }

    static List<String> negatives() {
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
                "fe80", "::", "deadbeef::cafe::1", "2001:db8", "x::y");
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

    static String randomString(Random random, String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
