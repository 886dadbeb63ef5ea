package dev.census.server.store;

/** DuckDB's SQL: text sorts by code point already. */
final class DuckDbLayout extends ChildTableLayout {

    @Override
    public String binaryOrder(String column) {
        return column;
    }
}
