package org.registry.platform.transaction;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a transaction already knows of the database, kept for the rest of that transaction only: answers it read in
 * bulk (the holders of a chunk's national IDs) or wrote itself (the last sequence number of an aggregate it stored),
 * so that it need not ask again row by row. The memory is bound to the Spring transaction: set aside while another
 * transaction is suspended over it, dropped when it completes, committed or rolled back, so a rolled-back
 * transaction leaves nothing behind. Outside a transaction with synchronization there is no memory, and readers ask
 * the database as before.
 *
 * <p>Whoever remembers an answer must keep it true for the rest of the transaction (change it when the transaction
 * writes what it answers), or not remember it.
 */
public final class TransactionMemory {

    private static final Object RESOURCE = TransactionMemory.class;

    private TransactionMemory() {
    }

    /**
     * This transaction's memory of one kind ({@code name}, e.g. {@code "national-id-holders"}): a map that lives
     * until the transaction completes; empty outside a transaction.
     */
    @SuppressWarnings("unchecked")
    public static <K, V> Optional<Map<K, V>> of(String name) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        Memory memory = (Memory) TransactionSynchronizationManager.getResource(RESOURCE);
        if (memory == null) {
            memory = new Memory();
            TransactionSynchronizationManager.bindResource(RESOURCE, memory);
            TransactionSynchronizationManager.registerSynchronization(memory);
        }
        return Optional.of((Map<K, V>) memory.kinds.computeIfAbsent(name, kind -> new HashMap<>()));
    }

    /**
     * This transaction's memory of one kind, if the transaction has kept anything of that kind: unlike {@link #of},
     * asking does not start a memory (for lookups in every transaction, most of which keep nothing).
     */
    @SuppressWarnings("unchecked")
    public static <K, V> Optional<Map<K, V>> ifKept(String name) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        Memory memory = (Memory) TransactionSynchronizationManager.getResource(RESOURCE);
        return memory == null ? Optional.empty() : Optional.ofNullable((Map<K, V>) memory.kinds.get(name));
    }

    /** The kinds of one transaction's memory, unbound when the transaction is suspended or completes. */
    private static final class Memory implements TransactionSynchronization {

        private final Map<String, Map<?, ?>> kinds = new HashMap<>();

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(RESOURCE);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(RESOURCE, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(RESOURCE);
        }
    }
}
