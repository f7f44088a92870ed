package dk.kommunejob.client;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The authenticated client behind a request, as the security identity carries it: its role and the tenant it
 * is bound to (an editor's employer, an agency client's agency; an admin's is neither). What each may do is in
 * {@link dk.kommunejob.tenancy.Access}.
 */
public record Caller(long clientId, String name, ClientRole role, Long employerId, Long agencyId) {

    static final String ATTRIBUTE = "caller";

    /** The caller of an authenticated request; null for an anonymous one. */
    public static Caller of(SecurityIdentity identity) {
        return identity.getAttribute(ATTRIBUTE);
    }

    public boolean isAdmin() {
        return role == ClientRole.admin;
    }

    /** An editor of this employer. */
    public boolean edits(long employer) {
        return role == ClientRole.editor && employerId == employer;
    }

    /** An agency client of this agency. */
    public boolean actsForAgency(Long agency) {
        return role == ClientRole.agency && agencyId.equals(agency);
    }
}
