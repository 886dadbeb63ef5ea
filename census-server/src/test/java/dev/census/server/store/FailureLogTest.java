package dev.census.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** A failure that repeats on every request is logged once a minute, not once a request. */
class FailureLogTest {

    private final List<String> lines = new ArrayList<>();
    private final AtomicLong nanoTime = new AtomicLong();
    private final FailureLog log = new FailureLog(recordingLogger(), "committing reports", nanoTime::get);

    @Test
    void aRepeatingFailureIsLoggedOnceAMinuteWithHowOftenItRecurred() {
        for (int i = 0; i < 1_000; i++) {
            log.failed("No space left on device");
        }
        assertThat(lines).containsExactly(
                "WARN {} failed; answering 503 until storage works again: {} [committing reports, No space left on device]");

        nanoTime.addAndGet(Duration.ofSeconds(61).toNanos());
        log.failed("No space left on device");
        assertThat(lines).hasSize(2).last().isEqualTo(
                "WARN {} still fails ({} more failures since the last line): {} [committing reports, 1000, No space left on device]");

        log.succeeded();
        log.succeeded();
        assertThat(lines).hasSize(3).last().isEqualTo("INFO {} works again, after {} failures over {} s [committing reports, 1001, 61]");
    }

    private Logger recordingLogger() {
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class}, (proxy, method, arguments) -> {
            if (method.getName().equals("warn") || method.getName().equals("info")) {
                Object[] values = arguments.length == 2 && arguments[1] instanceof Object[] array ? array
                        : Arrays.copyOfRange(arguments, 1, arguments.length);
                lines.add(method.getName().toUpperCase() + " " + arguments[0] + " " + Arrays.toString(values));
            }
            return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
        });
    }
}
