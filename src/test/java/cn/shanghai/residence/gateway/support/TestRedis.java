package cn.shanghai.residence.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import io.lettuce.core.ClientOptions;
import redis.embedded.RedisServer;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A real Redis for tests, never a mock: the one on 127.0.0.1:6379 when it answers PING (CI and the developers'
 * machines run one), else a {@code redis-server} from the embedded-redis artifact on a free port, started once per
 * test run. Each test class takes its own key prefix, so classes never see each other's keys on a shared Redis.
 */
public final class TestRedis {

    /** {@code -Dtest.redis.shared-port=1} (nothing answers there) tries the embedded server on a machine with Redis. */
    private static final int SHARED_PORT = Integer.getInteger("test.redis.shared-port", 6379);
    private static int port;
    private static RedisServer started;

    private TestRedis() {
    }

    /** The port of the Redis the tests use, starting an embedded one if no Redis answers on 6379. */
    public static synchronized int port() {
        if (port == 0) {
            if (answersPing(SHARED_PORT)) {
                port = SHARED_PORT;
            } else {
                int free = freePort();
                started = start(free);
                Runtime.getRuntime().addShutdownHook(new Thread(TestRedis::stopQuietly));
                port = free;
            }
        }
        return port;
    }

    /** A key prefix no other test class uses. */
    public static String uniquePrefix(String owner) {
        return "test:" + owner + ":" + UUID.randomUUID() + ":";
    }

    /** A redis-server of the test's own (to stop and start again), never the shared one. */
    public static RedisServer ownServer(int port) {
        return start(port);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when a Redis on 127.0.0.1 at {@code port} answers PING with PONG. */
    public static boolean answersPing(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            int read = in.read(reply);
            return read > 0 && new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static RedisServer start(int port) {
        try {
            RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stopQuietly() {
        try {
            started.stop();
        } catch (IOException ignored) {
            // the JVM is exiting
        }
    }

    /** A started Lettuce connection to 127.0.0.1:{@code port} that refuses commands at once while disconnected. */
    public static LettuceConnectionFactory connections(int port) {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1",
                port), LettuceClientConfiguration.builder()
                .commandTimeout(Duration.ofSeconds(1))
                .clientOptions(ClientOptions.builder()
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build())
                .build());
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }
}
