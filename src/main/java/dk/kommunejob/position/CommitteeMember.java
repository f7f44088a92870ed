package dk.kommunejob.position;

import jakarta.persistence.Embeddable;

/** A member of the hiring committee ("ansættelsesudvalget") and the role they sit in. */
@Embeddable
public class CommitteeMember {

    public String name;
    public String role;

    protected CommitteeMember() {}

    public CommitteeMember(String name, String role) {
        this.name = name;
        this.role = role;
    }
}
