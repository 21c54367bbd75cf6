package org.epermit.api.gateway;

import io.netty.util.NetUtil;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The caller's network address: the TCP peer, unless the peer is a trusted proxy (epermit.gateway.trusted-proxies);
 * then {@code X-Forwarded-For} is read from the right, skipping trusted proxies, and the first address that is not
 * one is the caller. Reading from the right matters: a proxy appends the address it saw, so everything to the left of
 * that was written by the caller and proves nothing (Quarkus's own forwarding support takes the leftmost entry).
 * Addresses are parsed as literals only, never looked up in DNS.
 */
@ApplicationScoped
public class CallerAddresses {

    private static final String KEY = "epermit.caller-address";
    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<Network> trustedProxies;

    @Inject
    public CallerAddresses(GatewayConfig config) {
        this(config.trustedProxies().orElse(List.of()));
    }

    public CallerAddresses(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).map(Network::parse).toList();
    }

    /** The caller's address (computed once per request). */
    public InetAddress of(RoutingContext rc) {
        InetAddress known = rc.get(KEY);
        if (known == null) {
            SocketAddress peer = rc.request().connection() != null ? rc.request().connection().remoteAddress()
                    : rc.request().remoteAddress();
            known = resolve(peer == null ? null : peer.hostAddress(), rc.request().headers().getAll(FORWARDED_FOR));
            rc.put(KEY, known);
        }
        return known;
    }

    /** The caller behind {@code peer}, given the {@code X-Forwarded-For} header lines the request carried. */
    public InetAddress resolve(String peer, List<String> forwardedFor) {
        InetAddress address = literal(peer).orElse(InetAddress.getLoopbackAddress());
        if (!trusted(address) || forwardedFor.isEmpty()) {
            return address;
        }
        List<String> hops = new ArrayList<>();
        for (String line : forwardedFor) {
            for (String hop : line.split(",")) {
                hops.add(hop.strip());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                return address;  // garbage where a trusted proxy should have written: keep the last trusted hop
            }
            address = hop.get();
            if (!trusted(address)) {
                return address;
            }
        }
        return address;  // only trusted proxies: the leftmost one made the request
    }

    public boolean trusted(InetAddress address) {
        for (Network network : trustedProxies) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** An IP address literal ({@code 203.0.113.7}, {@code 203.0.113.7:5123}, {@code 2001:db8::1}, {@code [2001:db8::1]:443}). */
    static Optional<InetAddress> literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return Optional.empty();
        }
        String host = text;
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            host = end < 0 ? host.substring(1) : host.substring(1, end);
        } else if (host.indexOf(':') > 0 && host.indexOf(':') == host.lastIndexOf(':')) {
            host = host.substring(0, host.indexOf(':'));  // IPv4 with a port
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(host);
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(bytes));  // an IPv4-mapped IPv6 address comes back as IPv4
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address or a CIDR range. */
    record Network(byte[] prefix, int bits) {

        static Network parse(String text) {
            int slash = text.indexOf('/');
            InetAddress address = literal(slash < 0 ? text : text.substring(0, slash))
                    .orElseThrow(() -> new IllegalArgumentException("epermit.gateway.trusted-proxies: not an IP address or CIDR range: " + text));
            byte[] bytes = address.getAddress();
            int bits = bytes.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > bytes.length * 8) {
                    throw new IllegalArgumentException("epermit.gateway.trusted-proxies: bad prefix length in " + text);
                }
            }
            return new Network(bytes, bits);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (bytes[full] & mask) == (prefix[full] & mask);
        }
    }
}
