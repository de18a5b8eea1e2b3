package dev.portico.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.eclipse.jetty.io.ByteArrayEndPoint;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.junit.jupiter.api.Test;

/**
 * {@link ConnectionWatch} makes its connections itself, doing what {@link HttpConnectionFactory#newConnection} does:
 * a Jetty upgrade that changes what that sets must fail here, not leave Portico's connections set up otherwise.
 */
class ConnectionWatchTest {
    private static final ConnectionWatch.Timeouts TIMEOUTS =
            new ConnectionWatch.Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30));

    @Test
    void itsConnectionsAreSetUpAsJettysOwnFactorySetsThemUp() {
        HttpConfiguration configuration = new HttpConfiguration();
        configuration.setUseInputDirectByteBuffers(false); // not the defaults, so a setting dropped on the way shows
        configuration.setUseOutputDirectByteBuffers(true);
        HttpConnectionFactory jetty = new HttpConnectionFactory(configuration);
        ConnectionWatch watch = new ConnectionWatch(configuration, TIMEOUTS);
        for (HttpConnectionFactory factory : new HttpConnectionFactory[] {jetty, watch}) {
            factory.setInputBufferSize(12_345);
            factory.setTransferEncodingChunkMaxLength(777);
        }
        LocalConnector connector = new LocalConnector(new Server());

        HttpConnection expected = (HttpConnection) jetty.newConnection(connector, new ByteArrayEndPoint());
        Connection made = watch.newConnection(connector, new ByteArrayEndPoint());

        assertThat(made).isInstanceOf(ConnectionWatch.Watched.class);
        HttpConnection actual = (HttpConnection) made;
        assertThat(actual.getInputBufferSize())
                .isEqualTo(expected.getInputBufferSize())
                .isEqualTo(12_345);
        assertThat(actual.getTransferEncodingChunkMaxLength())
                .isEqualTo(expected.getTransferEncodingChunkMaxLength())
                .isEqualTo(777);
        assertThat(actual.isUseInputDirectByteBuffers()).isEqualTo(expected.isUseInputDirectByteBuffers());
        assertThat(actual.isUseOutputDirectByteBuffers()).isEqualTo(expected.isUseOutputDirectByteBuffers());
        assertThat(actual.isPersistent()).isEqualTo(expected.isPersistent());
    }
}
