package org.registry.command.imports;

import java.util.UUID;

/** Told of each row of an import as it is done (the command line's progress bar), in the importing thread. */
@FunctionalInterface
public interface RowsDone {

    /** @param done the rows done so far, of the {@code total} the file has */
    void rowsDone(UUID importId, int done, int total);
}
