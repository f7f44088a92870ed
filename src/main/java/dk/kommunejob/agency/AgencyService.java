package dk.kommunejob.agency;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

@ApplicationScoped
@Transactional
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
