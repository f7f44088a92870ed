package dk.kommunejob.client;

import dk.kommunejob.agency.Agency;
import dk.kommunejob.language.Messages;
import dk.kommunejob.problem.Problems;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

@ApplicationScoped
@Transactional
public class ClientService {

    private static final Logger LOG = Logger.getLogger(ClientService.class);

    @Inject
    Clock clock;

    public Optional<Caller> callerWithKey(String key) {
        return ApiClient.<ApiClient>find("keyHash = ?1 and revokedAt is null", ApiKeys.hash(key))
                .firstResultOptional()
                .map(c -> new Caller(c.id, c.name, c.role, c.agency == null ? null : c.agency.id));
    }

    public List<ClientView> list() {
        return ApiClient.<ApiClient>listAll(Sort.by("id")).stream()
                .map(ClientView::of)
                .toList();
    }

    public ClientCreated create(ClientInput input) {
        Agency agency = null;
        if (input.role() == ClientRole.agency) {
            if (input.agencyId() == null) {
                throw Problems.badField("agencyId", "An agency client needs the 'agencyId' of the agency it acts for.");
            }
            agency = Agency.<Agency>findByIdOptional(input.agencyId())
                    .orElseThrow(() ->
                            Problems.badField("agencyId", Messages.text("problem.field.no-agency", input.agencyId())));
        } else if (input.agencyId() != null) {
            throw Problems.badField("agencyId", "An editor acts for no agency: leave 'agencyId' out.");
        }
        String key = ApiKeys.generate();
        ApiClient client = persist(input.name(), input.role(), agency, key, false);
        return new ClientCreated(ClientView.of(client), key);
    }

    /** Revokes the client's key at once; revoking twice is harmless. Empty when there is no such client. */
    public Optional<ClientView> revoke(long id) {
        return ApiClient.<ApiClient>findByIdOptional(id).map(client -> {
            if (client.revokedAt == null) {
                client.revokedAt = OffsetDateTime.now(clock);
            }
            return ClientView.of(client);
        });
    }

    /**
     * Makes sure an editor with this key exists, so a fresh install needs no hand-made rows. A changed
     * key replaces the previous bootstrap key; the variable is the truth, so a revoked bootstrap key
     * that is still configured works again after a restart.
     */
    public void ensureBootstrapEditor(String key) {
        String hash = ApiKeys.hash(key);
        Optional<ApiClient> current = ApiClient.<ApiClient>find("bootstrap = true and revokedAt is null")
                .firstResultOptional();
        if (current.filter(c -> c.keyHash.equals(hash)).isPresent()) {
            return;
        }
        current.ifPresent(c -> c.revokedAt = OffsetDateTime.now(clock));
        ApiClient.flush();
        Optional<ApiClient> earlier = ApiClient.<ApiClient>find("keyHash", hash).firstResultOptional();
        if (earlier.isPresent()) {
            ApiClient client = earlier.get();
            client.role = ClientRole.editor;
            client.agency = null;
            client.bootstrap = true;
            client.revokedAt = null;
        } else {
            persist("Bootstrap editor", ClientRole.editor, null, key, true);
        }
        LOG.info(current.isPresent() ? "Bootstrap editor key replaced" : "Bootstrap editor key in place");
    }

    private ApiClient persist(String name, ClientRole role, Agency agency, String key, boolean bootstrap) {
        ApiClient client = new ApiClient();
        client.name = name;
        client.role = role;
        client.agency = agency;
        client.keyHash = ApiKeys.hash(key);
        client.bootstrap = bootstrap;
        client.createdAt = OffsetDateTime.now(clock);
        client.persist();
        return client;
    }
}
