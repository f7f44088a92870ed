package dk.kommunejob.position;

/** The orders a position list can be sorted in; ties are broken by id so pages never overlap. */
public enum PositionSort {
    DEADLINE("deadline", "p.application_deadline, p.id"),
    DEADLINE_DESC("-deadline", "p.application_deadline DESC, p.id DESC"),
    PUBLISHED_DESC("-publishedAt", "p.published_at DESC, p.id DESC"),
    TITLE("title", "p.title COLLATE \"da-DK-x-icu\", p.id");

    private final String wireName;
    final String orderBy;

    PositionSort(String wireName, String orderBy) {
        this.wireName = wireName;
        this.orderBy = orderBy;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
