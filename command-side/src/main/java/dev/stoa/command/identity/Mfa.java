package dev.stoa.command.identity;

import dev.stoa.command.platform.SecretSealer;
import dev.stoa.command.platform.SnapshotState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An account's second factor: the sealed authenticator secret, the recovery code hashes (spent ones are
 * null) and the last time step used, so one code never logs in twice.
 */
@SnapshotState
final class Mfa {
    /** How a code matched: an authenticator step, or a recovery code's index. */
    record Match(Long step, Integer recoveryIndex) {
        static final Match NONE = new Match(null, null);

        boolean matched() { return step != null || recoveryIndex != null; }
    }

    private String pendingSecret;
    private String activeSecret;
    private List<String> recoveryHashes = List.of();
    private long lastStep = -1;

    boolean active() { return activeSecret != null; }

    boolean enrolling() { return pendingSecret != null; }

    /** The step of a valid code for the secret being enrolled, or -1. */
    long activationStep(String code, SecretSealer sealer, Instant now) {
        return Totp.matchingStep(sealer.open(pendingSecret), code, now);
    }

    Match login(String code, SecretSealer sealer, Instant now) {
        if (code == null) return Match.NONE;
        String trimmed = code.trim().replace(" ", "").replace("-", "");
        long step = Totp.matchingStep(sealer.open(activeSecret), trimmed, now);
        if (step > lastStep) return new Match(step, null);
        for (int i = 0; i < recoveryHashes.size(); i++) {
            String hash = recoveryHashes.get(i);
            if (hash != null && Passwords.matches(trimmed.toUpperCase(), hash)) return new Match(null, i);
        }
        return Match.NONE;
    }

    void enrollmentStarted(String sealedSecret, List<String> hashes) {
        pendingSecret = sealedSecret;
        recoveryHashes = new ArrayList<>(hashes);
    }

    void activated(long step) {
        activeSecret = pendingSecret;
        pendingSecret = null;
        lastStep = step;
    }

    void stepUsed(Long step) { if (step != null) lastStep = Math.max(lastStep, step); }

    /** Off: neither the secret (active or pending) nor the recovery codes count any more. */
    void disabled() {
        activeSecret = null;
        pendingSecret = null;
        recoveryHashes = List.of();
    }

    void recoveryCodeUsed(int index) { recoveryHashes.set(index, null); }
}
