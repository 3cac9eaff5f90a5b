package dev.stoa.app.platform.axon;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Axon's update checker calls out to the internet at start-up and reads its switch only from a system
 * property; this copies {@code axoniq.update-checker.disabled} from Spring's configuration to one.
 */
public class AxonUpdateCheckerSwitch implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {
    static final String KEY = "axoniq.update-checker.disabled";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        String value = event.getEnvironment().getProperty(KEY);
        if (value != null && System.getProperty(KEY) == null) System.setProperty(KEY, value);
    }
}
