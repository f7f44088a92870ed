package dk.kommunejob.client;

import dk.kommunejob.language.Messages;
import dk.kommunejob.problem.Problems;
import dk.kommunejob.ratelimit.RateLimited;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/clients")
@Produces(MediaType.APPLICATION_JSON)
@RateLimited("writes")
@APIResponse(responseCode = "429", ref = "TooManyRequests")
@Tag(name = "Clients")
@RolesAllowed({"admin", "editor"})
@SecurityRequirement(name = "apiKey")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class ClientResource {

    @Inject
    ClientService clients;

    @Inject
    Idempotency idempotency;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createClient",
            summary = "Create a client",
            description = "Creates a client and returns its key, this once. An admin creates any client; an "
                    + "editor creates editors of its own employer.")
    @APIResponse(
            responseCode = "201",
            description = "The client and its key; Location names the client.",
            content = @Content(schema = @Schema(implementation = ClientCreated.class)))
    @APIResponse(responseCode = "400", ref = "InvalidBody")
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    public Response create(
            @BeanParam IdempotencyKey idempotencyKey,
            @RequestBody(description = "The client to create.") @Valid @NotNull ClientInput input) {
        Caller caller = Caller.of(identity);
        return idempotency.once(caller, idempotencyKey, "/api/v1/clients", input, () -> {
            ClientCreated created = clients.create(caller, input);
            return Response.created(
                            URI.create("/api/v1/clients/" + created.client().id()))
                    .entity(created)
                    .build();
        });
    }

    @GET
    @Operation(
            operationId = "listClients",
            summary = "List clients",
            description = "The clients the caller manages, revoked ones included, without keys: an admin's "
                    + "are every client, an editor's its employer's.")
    @APIResponse(responseCode = "200", description = "The clients.")
    public List<ClientView> list() {
        return clients.list(Caller.of(identity));
    }

    @DELETE
    @Path("/{id}")
    // A 204 has no body to negotiate: whatever the client accepts (application/problem+json, say) will do.
    @Produces(MediaType.WILDCARD)
    @Operation(
            operationId = "revokeClient",
            summary = "Revoke a client",
            description = "Its key stops working at once. The client stays listed, with `revokedAt`.")
    @APIResponse(responseCode = "204", description = "Revoked (or already revoked).")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void revoke(
            @Parameter(description = "Client id.", example = "7", schema = @Schema(ref = "Id")) @PathParam("id")
                    long id) {
        clients.revoke(Caller.of(identity), id)
                .orElseThrow(() -> Problems.notFound(Messages.text("problem.not-found.client", id)));
    }
}
