package dev.census.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void credentialsComeFromTheQueryAndOtherParametersReachTheDriver() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://db.example.org:5432/census?user=census&password=s%40cret&sslmode=require");

        assertThat(url).isEqualTo(new DatabaseUrl("jdbc:postgresql://db.example.org:5432/census?sslmode=require", "census", "s@cret"));
        assertThat(url.toString()).doesNotContain("s@cret");
    }

    @Test
    void credentialsMayComeBeforeTheHostAndJdbcAndPostgresSchemesWork() {
        assertThat(DatabaseUrl.parse("postgres://census:pw@localhost/census"))
                .isEqualTo(new DatabaseUrl("jdbc:postgresql://localhost/census", "census", "pw"));
        assertThat(DatabaseUrl.parse("jdbc:postgresql://10.0.0.5:6432/telemetry?user=app"))
                .isEqualTo(new DatabaseUrl("jdbc:postgresql://10.0.0.5:6432/telemetry", "app", null));
    }

    @Test
    void anythingElseIsRefusedWithTheReason() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://localhost/census")).hasMessageStartingWith("database must be a postgresql:// URL");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://localhost")).hasMessageContaining("needs a database name");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql:///census")).hasMessageContaining("needs a host");
    }
}
