package io.mtaprov.server.mps;

import io.mtaprov.core.provisioning.CustomerCareException;
import io.mtaprov.core.provisioning.CustomerCareSource;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Customer-care data (step 5c) from an HTTP endpoint: GET of the configured URL with {@code {mac}}
 * replaced by the MTA's MAC (URL-encoded; without {@code {mac}}, {@code ?mac=} is appended), answer
 * 200 with a JSON object (flattened by {@link JsonReader}: {"line":{"1":{"number":"555"}}} is
 * line.1.number) or 404 for an unknown MTA. Every request has a timeout; a timeout, another status
 * or bad JSON is a {@link CustomerCareException} whose message the trace shows. Thread-safe.
 */
final class HttpCustomerCareSource implements CustomerCareSource {
    private final String urlTemplate;
    private final Duration timeout;
    private final HttpClient client;

    HttpCustomerCareSource(String urlTemplate, Duration timeout) {
        this.urlTemplate = urlTemplate;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String describe() {
        return "HTTP " + urlTemplate;
    }

    @Override
    public Map<String, String> lookup(String mac) throws CustomerCareException {
        String m = URLEncoder.encode(mac, StandardCharsets.UTF_8);
        String url = urlTemplate.contains("{mac}") ? urlTemplate.replace("{mac}", m)
                : urlTemplate + (urlTemplate.contains("?") ? "&" : "?") + "mac=" + m;
        HttpRequest req;
        try {
            req = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Accept", "application/json").GET()
                    .build();
        } catch (IllegalArgumentException e) {
            throw new CustomerCareException("bad customer-care URL " + url + ": " + e.getMessage(), e);
        }
        HttpResponse<String> resp;
        try {
            resp = client.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new CustomerCareException("no answer from " + url + " within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new CustomerCareException("GET " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CustomerCareException("interrupted while asking " + url, e);
        }
        if (resp.statusCode() == 404) {
            return Map.of();
        }
        if (resp.statusCode() != 200) {
            throw new CustomerCareException("GET " + url + " answered HTTP " + resp.statusCode());
        }
        try {
            return Map.copyOf(JsonReader.flatten(resp.body()));
        } catch (IllegalArgumentException e) {
            throw new CustomerCareException("the answer of " + url + " is not JSON: " + e.getMessage(), e);
        }
    }
}
