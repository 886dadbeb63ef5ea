package dev.census.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.census.testing.TestClock;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS to a server whose certificate only the configured trust store vouches for. */
class TrustStoreTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    Path tmp;
    final TestClock clock = new TestClock(Fixtures.T0);

    @Test
    void aCustomTrustStoreLetsTheSdkReachAServerWithAPrivateCertificate() throws Exception {
        Path serverKeys = tmp.resolve("server.p12");
        Path cert = tmp.resolve("server.cer");
        Path trust = tmp.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "census", "-keyalg", "EC", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-keystore", serverKeys.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-exportcert", "-alias", "census", "-keystore", serverKeys.toString(), "-storepass", PASSWORD,
                "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "census", "-file", cert.toString(),
                "-keystore", trust.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);

        AtomicInteger received = new AtomicInteger();
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext(serverKeys)));
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.start();
        try {
            URI endpoint = URI.create("https://127.0.0.1:" + server.getAddress().getPort());
            try (Census untrusting = Fixtures.demo(endpoint, tmp.resolve("a"), clock).build()) {
                UploadResult refused = untrusting.sendNow();
                assertThat(refused.outcome()).isEqualTo(UploadResult.Outcome.FAILED);
                assertThat(refused.detail()).contains("SSLHandshakeException");
            }
            try (Census trusting = Fixtures.demo(endpoint, tmp.resolve("b"), clock)
                    .trustStore(trust, PASSWORD.toCharArray()).build()) {
                assertThat(trusting.sendNow().sent()).isTrue();
            }
            assertThat(received).hasValue(1);
        } finally {
            server.stop(0);
        }
    }

    private static SSLContext serverContext(Path keys) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keys.toFile())) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as("keytool %s: %s", args[0], output).isZero();
    }
}
