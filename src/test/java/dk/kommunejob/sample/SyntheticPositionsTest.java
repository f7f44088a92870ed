package dk.kommunejob.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.kommunejob.TestData;
import dk.kommunejob.position.Position;
import dk.kommunejob.position.PositionStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SyntheticPositionsTest {

    @Inject
    SyntheticPositions synthetic;

    @Test
    void generatesCompletePublishedPostingsMostlyOpen() {
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);
        long count = QuarkusTransaction.requiringNew().call(() -> Position.count());

        long employer = TestData.org().employerId();
        synthetic.generate(employer, 40);

        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(count + 40, Position.count());
            List<Position> newest = Position.list("employer.id = ?1 order by id desc", employer);
            assertEquals(40, newest.size());
            long open = newest.stream()
                    .filter(p -> p.applicationDeadline.isAfter(before))
                    .count();
            assertTrue(open >= 28, "most synthetic postings are open, got " + open);
            for (Position p : newest) {
                assertEquals(PositionStatus.published, p.status);
                assertTrue(
                        p.unit != null && !p.contacts.isEmpty() && p.stages.size() >= 2 && !p.sections.isEmpty(),
                        "incomplete synthetic posting " + p.slug);
                assertTrue(p.contacts.get(0).phone.matches("\\+452\\d{7}"), p.contacts.get(0).phone);
            }
        });
    }
}
