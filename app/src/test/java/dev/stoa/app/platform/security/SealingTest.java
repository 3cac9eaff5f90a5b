package dev.stoa.app.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The master keyset and TOTP secrets: its own key file, versioned keys, legacy v1 values still open. */
class SealingTest {
    @TempDir Path dir;

    private static Sealing sealingFrom(Path keyset) throws Exception {
        return new Sealing(SealingKeyset.loadOrCreate(keyset, null));
    }

    @Test
    void aSecretRoundTripsAndEachSealIsDifferent() throws Exception {
        Sealing sealing = sealingFrom(dir.resolve("keyset.json"));
        String sealed = sealing.seal("JBSWY3DPEHPK3PXP");
        assertThat(sealed).startsWith("s2:").doesNotContain("JBSWY3DPEHPK3PXP");
        assertThat(sealing.open(sealed)).isEqualTo("JBSWY3DPEHPK3PXP");
        assertThat(sealing.seal("JBSWY3DPEHPK3PXP")).isNotEqualTo(sealed);
    }

    @Test
    void tamperedForeignAndUnknownValuesDoNotOpen() throws Exception {
        Sealing sealing = sealingFrom(dir.resolve("keyset.json"));
        byte[] bytes = Base64.getDecoder().decode(sealing.seal("JBSWY3DPEHPK3PXP").substring(3));
        bytes[bytes.length - 20] ^= 1;
        assertThatThrownBy(() -> sealing.open("s2:" + Base64.getEncoder().encodeToString(bytes)))
                .isInstanceOf(IllegalArgumentException.class);
        String foreign = sealingFrom(dir.resolve("other-keyset.json")).seal("JBSWY3DPEHPK3PXP");
        assertThatThrownBy(() -> sealing.open(foreign)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sealing.open("JBSWY3DPEHPK3PXP")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void legacyV1SecretsOpenThroughTheKeysetAlsoAfterTheSigningKeyIsRotated() throws Exception {
        Path jwtKey = dir.resolve("jwt-signing-key.pem");
        String legacy = LegacySealing.v1(jwtKey, "JBSWY3DPEHPK3PXP"); // also creates the signing key file
        Path keyset = dir.resolve("keyset.json");
        Sealing sealing = new Sealing(keyset, new JwtKeys(jwtKey, List.of())); // as the first start after the upgrade
        assertThat(sealing.open(legacy)).isEqualTo("JBSWY3DPEHPK3PXP");
        assertThat(SealingKeyset.load(keyset).size()).as("a key of its own, primary, and the legacy one").isEqualTo(2);
        assertThat(keyIdOf(sealing.seal("new"))).isEqualTo(SealingKeyset.load(keyset).getPrimary().getId());

        Files.move(jwtKey, dir.resolve("retired.pem"));
        new JwtKeys(jwtKey, List.of()); // a new signing key: the keyset no longer depends on it
        assertThat(sealingFrom(keyset).open(legacy)).isEqualTo("JBSWY3DPEHPK3PXP");
        SealingKeyset.rotate(keyset);
        assertThat(sealingFrom(keyset).open(legacy)).isEqualTo("JBSWY3DPEHPK3PXP");
    }

    @Test
    void aFreshInstallationGetsNoLegacyKey() throws Exception {
        Path keyset = dir.resolve("keyset.json");
        new Sealing(keyset, new JwtKeys(dir.resolve("new-signing-key.pem"), List.of()));
        assertThat(SealingKeyset.load(keyset).size()).isOne();
    }

    @Test
    void afterARotationOldValuesOpenAndNewOnesUseTheNewKey() throws Exception {
        Path file = dir.resolve("keyset.json");
        Sealing before = sealingFrom(file);
        String old = before.seal("old secret");
        int oldKey = SealingKeyset.load(file).getPrimary().getId();

        KeysetHandle rotated = SealingKeyset.rotate(file);
        assertThat(rotated.size()).isEqualTo(2);
        assertThat(rotated.getPrimary().getId()).isNotEqualTo(oldKey);
        Sealing after = sealingFrom(file);
        assertThat(after.open(old)).isEqualTo("old secret");
        String fresh = after.seal("new secret");
        assertThat(keyIdOf(old)).isEqualTo(oldKey);
        assertThat(keyIdOf(fresh)).isEqualTo(rotated.getPrimary().getId());
        assertThatThrownBy(() -> before.open(fresh)).as("the old key alone cannot open it").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void processesStartingAtOnceEndWithOneOwnerOnlyKeyset() throws Exception {
        Path file = dir.resolve("keys/keyset.json");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CyclicBarrier together = new CyclicBarrier(8);
            List<Callable<KeysetHandle>> starts = IntStream.range(0, 8).mapToObj(i -> (Callable<KeysetHandle>) () -> {
                together.await();
                return SealingKeyset.loadOrCreate(file, null);
            }).toList();
            List<KeysetHandle> loaded = pool.invokeAll(starts).stream().map(SealingTest::get).toList();
            assertThat(loaded).allMatch(k -> k.equalsKeyset(loaded.get(0)));
            assertThat(loaded.get(0).equalsKeyset(SealingKeyset.load(file))).isTrue();
        } finally {
            pool.shutdown();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var left = Files.list(file.getParent())) {
            assertThat(left).as("no temporary files left behind").containsExactly(file);
        }
    }

    /** Tink's output prefix: version byte 1, then the id of the key that sealed it. */
    private static int keyIdOf(String sealed) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(sealed.substring(3)));
        assertThat(bytes.get()).isEqualTo((byte) 1);
        return bytes.getInt();
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
