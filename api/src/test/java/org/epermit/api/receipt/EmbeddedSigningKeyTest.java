package org.epermit.api.receipt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default's signing key outlives the process, so the receipts of its stored reports stay verifiable. */
class EmbeddedSigningKeyTest {

    @Test
    void the_first_start_writes_a_key_only_its_owner_reads_and_later_starts_use_it(@TempDir Path home) throws Exception {
        Path file = home.resolve(".epermit").resolve("receipt-signing-key.pem");
        String first = EmbeddedSigningKey.pem(file);
        assertThat(first).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(EmbeddedSigningKey.pem(file)).isEqualTo(first);
        // it is a key the service accepts as its configured signing key
        assertThat(Ed25519Keys.parsePrivate(first, "epermit.receipts.signing-key").getPublic().getAlgorithm()).isIn("Ed25519", "EdDSA");
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }
}
