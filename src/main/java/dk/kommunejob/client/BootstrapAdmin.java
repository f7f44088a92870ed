package dk.kommunejob.client;

import dk.kommunejob.common.JobsConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** JOBS_BOOTSTRAP_EDITOR_KEY gives a fresh install its admin (named before there were tenants; kept for existing installs). */
@ApplicationScoped
public class BootstrapAdmin {

    @Inject
    JobsConfig config;

    @Inject
    ClientService clients;

    void onStart(@Observes StartupEvent event) {
        config.bootstrapEditorKey().ifPresent(clients::ensureBootstrapAdmin);
    }
}
