package dev.stoa.command.platform;

/**
 * A configuration this process must not run with (a missing admin password or mail server outside the embedded
 * mode). The app reports it at start-up as one line saying what is wrong and one saying what to do, without a
 * stack trace, and never with the value of a secret.
 */
public class StartupRefused extends RuntimeException {
    private final String action;

    public StartupRefused(String description, String action) {
        super(description);
        this.action = action;
    }

    public String action() { return action; }
}
