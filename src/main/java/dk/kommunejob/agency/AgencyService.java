package dk.kommunejob.agency;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;

/** Reads only: each is one statement, so it joins a caller's transaction but starts none. */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class AgencyService {

    public List<AgencyView> list() {
        return Agency.<Agency>listAll(Sort.by("name")).stream()
                .map(AgencyView::of)
                .toList();
    }

    public boolean exists(long id) {
        return Agency.count("id", id) > 0;
    }
}
