package org.registry.query.operations;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rebuild compared with the live projection, table by table.
 *
 * @param position        the event both stand at
 * @param liveRows        rows of all the projection's tables, live
 * @param rebuiltRows     rows of all its tables, rebuilt
 * @param differingTables the tables whose row count or checksum differ
 */
public record Verification(String name, boolean identical, long position, long liveRows, long rebuiltRows,
                           String liveChecksum, String rebuiltChecksum, List<TableComparison> tables,
                           List<String> differingTables) {

    static Verification of(String name, long position, List<TableChecksum> live, List<TableChecksum> rebuilt) {
        Map<String, TableChecksum> rebuiltByTable = new TreeMap<>();
        rebuilt.forEach(table -> rebuiltByTable.put(table.table(), table));
        List<TableComparison> tables = new ArrayList<>();
        for (TableChecksum table : live) {
            TableChecksum other = rebuiltByTable.get(table.table());
            tables.add(new TableComparison(table.table(), table.rows(), other.rows(), table.checksum(),
                    other.checksum(), table.rows() == other.rows() && table.checksum().equals(other.checksum())));
        }
        List<String> differing = tables.stream().filter(table -> !table.identical())
                                       .map(TableComparison::table).toList();
        return new Verification(name, differing.isEmpty(), position,
                live.stream().mapToLong(TableChecksum::rows).sum(),
                rebuilt.stream().mapToLong(TableChecksum::rows).sum(),
                TableChecksum.combined(live), TableChecksum.combined(rebuilt), Collections.unmodifiableList(tables),
                differing);
    }

    public record TableComparison(String table, long liveRows, long rebuiltRows, String liveChecksum,
                                  String rebuiltChecksum, boolean identical) {
    }
}
