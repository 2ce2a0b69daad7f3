package dev.halab.core.verify;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The verifier's request through the VIP, against a real HTTP server on loopback. */
class VerifierFetchTest {
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void thePageNamesAndHeadersAreRead() throws Exception {
        start(exchange -> {
            byte[] page = "<h1>NGINX-1 / tomcat 192.168.224.103</h1>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-Served-By", "NGINX-1");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });

        var answer = Verifier.fetch(client(), request());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.servedBy()).isEqualTo("NGINX-1");
        assertThat(answer.tomcat()).isEqualTo("-");
        assertThat(answer.bodyHead()).contains("NGINX-1");
    }

    /** The guard only stops a hang if the bound is missing; it measures nothing. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aPageThatNeverEndsIsReadOnlyUpToTheBound() throws Exception {
        start(exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked, no length: the server decides when it ends
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            try (OutputStream out = exchange.getResponseBody()) {
                while (true) {
                    out.write(chunk);
                }
            } catch (IOException closedByTheClient) {
                // expected: the verifier stops reading and closes the connection
            }
        });

        var answer = Verifier.fetch(client(), request());

        assertThat(answer.bodyHead()).hasSize(Verifier.MAX_BODY_BYTES);
    }

    private void start(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", handler);
        server.start();
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    private HttpRequest request() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/")).GET().build();
    }
}
