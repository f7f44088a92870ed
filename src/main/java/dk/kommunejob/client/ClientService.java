package dk.kommunejob.client;

import dk.kommunejob.agency.Agency;
import dk.kommunejob.language.Messages;
import dk.kommunejob.organisation.Employer;
import dk.kommunejob.problem.Problems;
import dk.kommunejob.tenancy.Access;
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

    @Inject
    Access access;

    public Optional<Caller> callerWithKey(String key) {
        return ApiClient.<ApiClient>find("keyHash = ?1 and revokedAt is null", ApiKeys.hash(key))
                .firstResultOptional()
                .map(c -> new Caller(c.id, c.name, c.role, c.employerId, c.agency == null ? null : c.agency.id));
    }

    /** The clients the caller may see, revoked ones too. */
    public List<ClientView> list(Caller caller) {
        Long employer = access.clientsOf(caller);
        List<ApiClient> clients = employer == null
                ? ApiClient.listAll(Sort.by("id"))
                : ApiClient.list("employerId", Sort.by("id"), employer);
        return clients.stream().map(ClientView::of).toList();
    }

    public ClientCreated create(Caller caller, ClientInput input) {
        Agency agency = null;
        Long employerId = input.employerId();
        if (input.role() == ClientRole.editor && employerId == null && caller.role() == ClientRole.editor) {
            employerId = caller.employerId();
        }
        access.createClient(caller, input.role(), employerId);
        if (input.role() == ClientRole.agency) {
            if (input.agencyId() == null) {
                throw Problems.badField("agencyId", Messages.text("problem.field.client-agency"));
            }
            agency = Agency.<Agency>findByIdOptional(input.agencyId())
                    .orElseThrow(() ->
                            Problems.badField("agencyId", Messages.text("problem.field.no-agency", input.agencyId())));
        } else if (input.agencyId() != null) {
            throw Problems.badField("agencyId", Messages.text("problem.field.client-no-agency"));
        }
        if (input.role() == ClientRole.editor) {
            if (employerId == null) {
                throw Problems.badField("employerId", Messages.text("problem.field.client-employer"));
            }
            if (Employer.findById(employerId) == null) {
                throw Problems.badField("employerId", Messages.text("problem.field.no-employer", employerId));
            }
        } else if (employerId != null) {
            throw Problems.badField("employerId", Messages.text("problem.field.client-no-employer"));
        }
        String key = ApiKeys.generate();
        ApiClient client = persist(input.name(), input.role(), employerId, agency, key, false);
        return new ClientCreated(ClientView.of(client), key);
    }

    /**
     * Revokes the client's key at once; revoking twice is harmless. Empty when there is no such client, or the
     * caller may not know of it.
     */
    public Optional<ClientView> revoke(Caller caller, long id) {
        access.clientsOf(caller);
        return ApiClient.<ApiClient>findByIdOptional(id)
                .filter(client -> access.client(caller, client.employerId))
                .map(client -> {
                    if (client.revokedAt == null) {
                        client.revokedAt = OffsetDateTime.now(clock);
                    }
                    return ClientView.of(client);
                });
    }

    /**
     * Makes sure an admin with this key exists, so a fresh install needs no hand-made rows. A changed
     * key replaces the previous bootstrap key; the variable is the truth, so a revoked bootstrap key
     * that is still configured works again after a restart.
     */
    public void ensureBootstrapAdmin(String key) {
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
            client.role = ClientRole.admin;
            client.employerId = null;
            client.agency = null;
            client.bootstrap = true;
            client.revokedAt = null;
        } else {
            persist("Bootstrap admin", ClientRole.admin, null, null, key, true);
        }
        LOG.info(current.isPresent() ? "Bootstrap admin key replaced" : "Bootstrap admin key in place");
    }

    private ApiClient persist(
            String name, ClientRole role, Long employerId, Agency agency, String key, boolean bootstrap) {
        ApiClient client = new ApiClient();
        client.name = name;
        client.role = role;
        client.employerId = employerId;
        client.agency = agency;
        client.keyHash = ApiKeys.hash(key);
        client.bootstrap = bootstrap;
        client.createdAt = OffsetDateTime.now(clock);
        client.persist();
        return client;
    }
}
