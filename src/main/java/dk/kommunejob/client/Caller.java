package dk.kommunejob.client;

import io.quarkus.security.identity.SecurityIdentity;

/** The authenticated client behind a request, as the security identity carries it. */
public record Caller(long clientId, String name, ClientRole role, Long agencyId) {

    static final String ATTRIBUTE = "caller";

    /** The caller of an authenticated request; null for an anonymous one. */
    public static Caller of(SecurityIdentity identity) {
        return identity.getAttribute(ATTRIBUTE);
    }

    public boolean isEditor() {
        return role == ClientRole.editor;
    }

    /** Editors act on every posting; an agency only on its own agency's. */
    public boolean mayActFor(Long positionAgencyId) {
        return isEditor() || (agencyId != null && agencyId.equals(positionAgencyId));
    }
}
