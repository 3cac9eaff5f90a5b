package dev.stoa.command.platform;

/**
 * Which deployment this process runs in. Implemented by the app, which alone knows whether it started its
 * own database; development conveniences (a default admin password, an in-process mail server) exist only
 * when {@link #embedded()} is true.
 */
public interface DeploymentMode {
    /** The bootstrap admin's password in the embedded mode, documented in the README; refused anywhere else. */
    String DEV_ADMIN_PASSWORD = "stoa-admin-change-me";

    /** True in the fully embedded development mode only: this process started its own PostgreSQL. */
    boolean embedded();
}
