package dk.kommunejob.cache;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.Interceptor;
import org.hibernate.type.Type;

/**
 * Moves the data version the moment a transaction of this instance that wrote an entity commits,
 * before its answer goes out: a client that writes and then reads through the same instance sees
 * its write, without waiting for PostgreSQL's notification (which still comes, and covers the
 * native statements that bypass Hibernate's entity events).
 */
@PersistenceUnitExtension
public class LocalWrites implements Interceptor {

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    DataVersion version;

    @Override
    public boolean onPersist(Object entity, Object id, Object[] state, String[] names, Type[] types) {
        wrote();
        return false;
    }

    @Override
    public boolean onFlushDirty(
            Object entity, Object id, Object[] state, Object[] previous, String[] names, Type[] types) {
        wrote();
        return false;
    }

    @Override
    public void onRemove(Object entity, Object id, Object[] state, String[] names, Type[] types) {
        wrote();
    }

    @Override
    public void onCollectionRecreate(Object collection, Object key) {
        wrote();
    }

    @Override
    public void onCollectionRemove(Object collection, Object key) {
        wrote();
    }

    @Override
    public void onCollectionUpdate(Object collection, Object key) {
        wrote();
    }

    private void wrote() {
        if (transactions.getTransactionKey() == null || transactions.getResource(LocalWrites.class) != null) {
            return;
        }
        transactions.putResource(LocalWrites.class, Boolean.TRUE);
        try {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        version.changed();
                    }
                }
            });
        } catch (IllegalStateException completing) {
            // Flushed while the transaction is already completing: too late to hear of its end. Moving
            // now is early, so an answer read before the commit may be kept, until the notification.
            version.changed();
        }
    }
}
