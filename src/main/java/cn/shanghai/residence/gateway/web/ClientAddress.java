package cn.shanghai.residence.gateway.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

import cn.shanghai.residence.gateway.InvalidConfigurationException;

/**
 * Who an anonymous caller is, by address: the socket's peer, unless that peer is a configured trusted proxy; then the
 * forwarding chain ({@code Forwarded}'s {@code for=}, else {@code X-Forwarded-For}) is read from the right, past every
 * trusted proxy, and the first address not trusted is the client. A header from an untrusted peer is never read, so a
 * caller cannot pick a new rate-limit bucket per request by sending one.
 */
@Component
public class ClientAddress {

    /** An IP literal: only these are parsed, so reading a header never triggers a DNS lookup. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]{7,15}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<Range> trusted;

    ClientAddress(TrustedProxiesProperties properties) {
        List<Range> ranges = new ArrayList<>();
        for (String proxy : properties.proxies()) {
            ranges.add(Range.parse(proxy.strip()));
        }
        this.trusted = List.copyOf(ranges);
    }

    /** The client's address as text, or {@code unknown} when the socket has none. */
    public String of(ServerHttpRequest request) {
        return of(request.getRemoteAddress(), request.getHeaders());
    }

    /** The same from the socket's peer and the request headers (a GraphQL request's, say). */
    public String of(@Nullable InetSocketAddress remote, HttpHeaders headers) {
        if (remote == null || remote.getAddress() == null) {
            return "unknown";
        }
        InetAddress client = remote.getAddress();
        if (!isTrusted(client)) {
            return client.getHostAddress();
        }
        List<String> chain = chain(headers);
        for (int i = chain.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(chain.get(i));
            if (hop.isEmpty()) {
                break;
            }
            client = hop.get();
            if (!isTrusted(client)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(range -> range.contains(address));
    }

    /** The forwarding chain, client first: RFC 7239 {@code Forwarded} if present, else {@code X-Forwarded-For}. */
    private static List<String> chain(HttpHeaders headers) {
        List<String> chain = new ArrayList<>();
        List<String> forwarded = headers.get("Forwarded");
        if (forwarded != null && !forwarded.isEmpty()) {
            for (String header : forwarded) {
                for (String element : header.split(",")) {
                    chain.add(forValue(element));
                }
            }
            return chain;
        }
        for (String header : headers.getOrEmpty("X-Forwarded-For")) {
            for (String hop : header.split(",")) {
                chain.add(hop.strip());
            }
        }
        return chain;
    }

    /** The {@code for=} of one {@code Forwarded} element without quotes, brackets or port; "" if it has none. */
    private static String forValue(String element) {
        for (String pair : element.split(";")) {
            String[] nameValue = pair.strip().split("=", 2);
            if (nameValue.length == 2 && nameValue[0].strip().equalsIgnoreCase("for")) {
                String value = nameValue[1].strip().replace("\"", "");
                if (value.startsWith("[")) {
                    int end = value.indexOf(']');
                    return end < 0 ? "" : value.substring(1, end);
                }
                int colon = value.indexOf(':');
                return colon >= 0 && value.indexOf(':', colon + 1) < 0 ? value.substring(0, colon) : value;
            }
        }
        return "";
    }

    private static Optional<InetAddress> literal(String text) {
        if (!IP_LITERAL.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address range in CIDR notation; a plain address is its own range. */
    private record Range(byte[] network, int prefixBits) {

        static Range parse(String text) {
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            byte[] network = literal(address).map(InetAddress::getAddress).orElseThrow(() -> invalid(text));
            int bits = network.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw invalid(text);
                }
                if (bits < 0 || bits > network.length * 8) {
                    throw invalid(text);
                }
            }
            return new Range(network, bits);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefixBits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        private static InvalidConfigurationException invalid(String text) {
            return new InvalidConfigurationException("gateway.trusted-proxies",
                    "'" + text + "' is not an IP address or CIDR range such as 10.0.0.0/8");
        }
    }
}
