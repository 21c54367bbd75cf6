package org.epermit.api.gateway;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallerAddressesTest {

    private final CallerAddresses behindProxies = new CallerAddresses(List.of("10.0.0.0/8", "192.168.1.1", "fd00::/8"));

    private String caller(CallerAddresses addresses, String peer, String... forwardedFor) {
        return addresses.resolve(peer, List.of(forwardedFor)).getHostAddress();
    }

    @Test
    void without_trusted_proxies_the_peer_is_the_caller_whatever_it_forwards() {
        CallerAddresses none = new CallerAddresses(List.of());
        assertThat(caller(none, "203.0.113.5", "198.51.100.1")).isEqualTo("203.0.113.5");
    }

    @Test
    void an_untrusted_peer_is_the_caller_whatever_it_forwards() {
        assertThat(caller(behindProxies, "203.0.113.5", "198.51.100.1")).isEqualTo("203.0.113.5");
        assertThat(caller(behindProxies, "11.0.0.1", "198.51.100.1")).isEqualTo("11.0.0.1");
    }

    @Test
    void behind_trusted_proxies_the_caller_is_the_rightmost_address_that_is_not_a_proxy() {
        assertThat(caller(behindProxies, "10.1.2.3", "198.51.100.1")).isEqualTo("198.51.100.1");
        // a forged entry on the left is ignored; proxies on the right are skipped
        assertThat(caller(behindProxies, "10.1.2.3", "6.6.6.6, 198.51.100.1, 192.168.1.1")).isEqualTo("198.51.100.1");
        // several header lines are one list
        assertThat(caller(behindProxies, "10.1.2.3", "6.6.6.6", "198.51.100.1, 10.9.9.9")).isEqualTo("198.51.100.1");
        // ports and brackets, IPv6
        assertThat(caller(behindProxies, "10.1.2.3", "198.51.100.1:5123")).isEqualTo("198.51.100.1");
        assertThat(caller(behindProxies, "fd00::1", "[2001:db8::7]:443")).isEqualTo("2001:db8:0:0:0:0:0:7");
        // IPv4-mapped IPv6 peers are IPv4
        assertThat(caller(behindProxies, "::ffff:10.1.2.3", "198.51.100.1")).isEqualTo("198.51.100.1");
    }

    @Test
    void only_proxies_in_the_chain_means_the_leftmost_proxy_is_the_caller() {
        assertThat(caller(behindProxies, "10.1.2.3", "10.4.4.4, 192.168.1.1")).isEqualTo("10.4.4.4");
    }

    @Test
    void garbage_or_host_names_are_never_resolved_and_stop_the_walk_at_the_last_proxy() {
        assertThat(caller(behindProxies, "10.1.2.3", "evil.example.com")).isEqualTo("10.1.2.3");
        assertThat(caller(behindProxies, "10.1.2.3", "unknown, 10.7.7.7")).isEqualTo("10.7.7.7");
        assertThat(CallerAddresses.literal("localhost")).isEmpty();
        assertThat(CallerAddresses.literal("")).isEmpty();
    }

    @Test
    void cidr_ranges_match_by_prefix() throws Exception {
        assertThat(behindProxies.trusted(InetAddress.getByName("10.255.0.1"))).isTrue();
        assertThat(behindProxies.trusted(InetAddress.getByName("11.0.0.1"))).isFalse();
        assertThat(behindProxies.trusted(InetAddress.getByName("192.168.1.2"))).isFalse();
        assertThat(behindProxies.trusted(InetAddress.getByName("fdab::1"))).isTrue();
        assertThat(new CallerAddresses(List.of("172.16.0.0/12")).trusted(InetAddress.getByName("172.31.255.255"))).isTrue();
        assertThat(new CallerAddresses(List.of("172.16.0.0/12")).trusted(InetAddress.getByName("172.32.0.0"))).isFalse();
    }

    @Test
    void a_bad_trusted_proxy_setting_stops_start_up() {
        assertThatThrownBy(() -> new CallerAddresses(List.of("proxy.internal"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trusted-proxies");
        assertThatThrownBy(() -> new CallerAddresses(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
    }
}
