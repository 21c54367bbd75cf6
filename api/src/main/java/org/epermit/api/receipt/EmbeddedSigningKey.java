package org.epermit.api.receipt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/**
 * The receipt signing key of the embedded default, kept in a file beside its database: the demo's data outlives a
 * process, and so must the key its receipts are verified with. Generated on the first start, readable by its owner
 * only, never printed. A deployment configures its own key instead ({@code epermit.receipts.signing-key}).
 */
public final class EmbeddedSigningKey {

    private EmbeddedSigningKey() {
    }

    /** The PKCS#8 PEM in {@code file}, generated and written there first if there is none. */
    public static String pem(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(Ed25519Keys.generate().getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Path partial = Files.createTempFile(file.toAbsolutePath().getParent(), ".receipt-key", ".tmp");
            try {
                ownerOnly(partial);
                Files.writeString(partial, pem, StandardCharsets.US_ASCII);
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException another) {
                // a second process started at the same moment and won: use its key
            } finally {
                Files.deleteIfExists(partial);
            }
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("the receipt signing key file " + file + " cannot be read or written", e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile directory is already private to the user
        }
    }
}
