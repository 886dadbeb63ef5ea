package dev.census.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import javax.sql.DataSource;

/** One database's connections, and work run on them as one transaction each: what every part of a store shares. */
final class Sql {

    /** Work done inside one transaction. */
    @FunctionalInterface
    interface TransactionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(TransactionWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback); // a broken connection: the pool discards it on close
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("database error: " + e.getMessage(), e);
        }
    }

    /** A transaction that only makes a round trip: the database answers. */
    void roundTrip() {
        inTransaction(connection -> {
            roundTrip(connection);
            return null;
        });
    }

    static void roundTrip(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        }
    }

    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            bind(statement, parameters);
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
    }
}
