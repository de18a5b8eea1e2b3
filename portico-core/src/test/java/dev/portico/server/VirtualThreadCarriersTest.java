package dev.portico.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.Portico;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * {@link VirtualThreadCarriers}: a JVM that sees one CPU gets two carriers once Portico's classes load, so a virtual
 * thread that never parks (the selector under load) cannot keep every other one waiting. Each case runs in a JVM of
 * its own, told it has one CPU ({@code -XX:ActiveProcessorCount=1}), since the scheduler is made once per process.
 */
class VirtualThreadCarriersTest {

    @Test
    void oneCpuGetsTwoCarriersOncePorticoLoads() throws Exception {
        assertThat(probe(true)).isEqualTo("both ran, parallelism 2");
    }

    @Test
    void withoutItOneCpuHasOneCarrierAndABusyThreadStarvesTheNext() throws Exception {
        assertThat(probe(false)).isEqualTo("starved, parallelism null");
    }

    @Test
    void aParallelismTheUserSetIsKept() throws Exception {
        assertThat(probe(true, "-D" + VirtualThreadCarriers.PARALLELISM + "=1")).isEqualTo("starved, parallelism 1");
    }

    private static String probe(boolean loadPortico, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(ProcessHandle.current().info().command().orElse("java"), "-XX:ActiveProcessorCount=1"));
        command.addAll(List.of(options));
        command.addAll(List.of(
                "-cp", System.getProperty("java.class.path"), Probe.class.getName(), Boolean.toString(loadPortico)));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the probe ended").isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return out.lines().reduce((first, last) -> last).orElse("");
    }

    /**
     * The child: loads Portico when asked, then starts a virtual thread that spins without parking and, from the main
     * thread, a second one; the first says whether it saw the second run while it spun (it cannot, on one carrier).
     */
    static final class Probe {
        public static void main(String[] args) throws InterruptedException {
            if (Boolean.parseBoolean(args[0])) {
                Portico.builder();
            }
            AtomicBoolean secondRan = new AtomicBoolean();
            AtomicBoolean seen = new AtomicBoolean();
            Thread spinner = Thread.ofVirtual().start(() -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
                while (!secondRan.get() && System.nanoTime() - deadline < 0) {
                    Thread.onSpinWait();
                }
                seen.set(secondRan.get());
            });
            Thread.sleep(50); // the spinner holds a carrier by now
            Thread.ofVirtual().start(() -> secondRan.set(true));
            spinner.join();
            System.out.println((seen.get() ? "both ran" : "starved") + ", parallelism "
                    + System.getProperty(VirtualThreadCarriers.PARALLELISM));
        }
    }
}
