package dev.stoa.app.platform.security;

import com.google.crypto.tink.KeysetHandle;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rotates the sealing keyset: adds a new AES-256-GCM key to the keyset file and makes it primary, keeping every
 * older key so that what they sealed still opens. Running processes keep sealing with the key they read at start-up
 * (still valid) and seal with the new one after a restart. Run it once, against the file all processes share:
 * <pre>java -cp app/target/stoa-app.jar -Dloader.main=dev.stoa.app.platform.security.SealingKeyRotation \
 *     org.springframework.boot.loader.launch.PropertiesLauncher data/keys/sealing-keyset.json</pre>
 */
public final class SealingKeyRotation {
    private SealingKeyRotation() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !Files.isRegularFile(Path.of(args[0]))) {
            System.err.println("usage: SealingKeyRotation <sealing keyset file>   (an existing file, e.g. data/keys/sealing-keyset.json)");
            System.exit(2);
        }
        KeysetHandle rotated = SealingKeyset.rotate(Path.of(args[0]));
        System.out.printf("%s: new primary key %d; %d keys in the keyset. Restart every process to seal with it.%n",
                args[0], Integer.toUnsignedLong(rotated.getPrimary().getId()), rotated.size());
    }
}
