package dk.kommunejob.client;

import dk.kommunejob.agency.Agency;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A system that calls the write API with a key: the operator's, an employer's editing tool or an agency's portal. */
@Entity
@Table(name = "api_client")
public class ApiClient extends PanacheEntityBase {

    @Id
    @GeneratedValue(generator = "api_client_seq")
    @SequenceGenerator(name = "api_client_seq", sequenceName = "api_client_seq", allocationSize = 50)
    public Long id;

    public String name;

    @Enumerated(EnumType.STRING)
    public ClientRole role;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "agency_id")
    public Agency agency;

    /** An editor's employer. */
    @Column(name = "employer_id")
    public Long employerId;

    @Column(name = "key_hash")
    public String keyHash;

    public boolean bootstrap;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;
}
