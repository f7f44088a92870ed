package dk.kommunejob.contact;

import dk.kommunejob.position.Position;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;

/** Someone an applicant may call about the position ("Yderligere oplysninger"). */
@Entity
public class Contact extends PanacheEntityBase {

    @Id
    @GeneratedValue(generator = "contact_seq")
    @SequenceGenerator(name = "contact_seq", sequenceName = "contact_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "position_id")
    public Position position;

    public int ord;
    public String name;
    public String role;
    public String organisation;
    /** E.164. */
    public String phone;

    public String email;

    protected Contact() {}

    public Contact(String name, String role, String organisation, String phone, String email) {
        this.name = name;
        this.role = role;
        this.organisation = organisation;
        this.phone = phone;
        this.email = email;
    }
}
