package dev.stoa.app.platform;

import dev.stoa.app.embedded.EmbeddedMode;
import dev.stoa.command.platform.DeploymentMode;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The command side's view of {@link EmbeddedMode}: embedded only when this process started its own PostgreSQL. */
@Component
class EmbeddedDeploymentMode implements DeploymentMode {
    private final boolean embedded;

    EmbeddedDeploymentMode(Environment environment) { this.embedded = EmbeddedMode.fullyEmbedded(environment); }

    @Override
    public boolean embedded() { return embedded; }
}
