CREATE TABLE t_postgres_only (id BIGINT PRIMARY KEY);
