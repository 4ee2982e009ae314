// Package database opens the bot's one database (a SQLite file, or a
// PostgreSQL server that several replicas share) and brings its schema up
// to date. It knows tables, not what they mean: the corpus and the ledger
// packages read and write them over the *sql.DB it opens.
package database

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	_ "modernc.org/sqlite" // registers the "sqlite" driver: pure Go, no cgo
)

// Dialect names the SQL a database speaks, where the two differ.
type Dialect int

// Dialects.
const (
	SQLite Dialect = iota
	Postgres
)

func (d Dialect) String() string {
	if d == Postgres {
		return "postgres"
	}
	return "sqlite"
}

// DB is an open database with its schema up to date.
type DB struct {
	SQL     *sql.DB
	Dialect Dialect
	target  string // the path or URL it was opened from, credentials redacted
}

// IsURL reports whether target names a PostgreSQL server rather than a
// SQLite file.
func IsURL(target string) bool {
	return strings.HasPrefix(target, "postgres://") || strings.HasPrefix(target, "postgresql://")
}

// Open opens the database at target: a postgres:// URL, else a SQLite file
// path (created with its directory if needed), and migrates it.
func Open(ctx context.Context, target string) (*DB, error) {
	var db *DB
	var err error
	if IsURL(target) {
		db, err = openPostgres(ctx, target)
	} else {
		db, err = openSQLite(target)
	}
	if err != nil {
		return nil, err
	}
	if err := db.migrate(ctx); err != nil {
		db.SQL.Close()
		return nil, fmt.Errorf("open store %s: %w", db.target, err)
	}
	return db, nil
}

func openSQLite(path string) (*DB, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("open store: %w", err)
		}
	}
	// WAL lets readers run beside the writer; busy_timeout makes a second
	// process wait for the write lock instead of failing; _txlock=immediate
	// takes that lock at BEGIN so two writers never deadlock on an upgrade.
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)" +
		"&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_txlock=immediate"
	sqlDB, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return &DB{SQL: sqlDB, Dialect: SQLite, target: path}, nil
}

// String is where the database is, without credentials.
func (db *DB) String() string { return db.target }

// Close releases the database.
func (db *DB) Close() error { return db.SQL.Close() }

// ExecContext runs a statement that returns no rows.
func (db *DB) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return db.SQL.ExecContext(ctx, query, args...)
}

// QueryContext runs a query that returns rows.
func (db *DB) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return db.SQL.QueryContext(ctx, query, args...)
}

// QueryRowContext runs a query that returns at most one row.
func (db *DB) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return db.SQL.QueryRowContext(ctx, query, args...)
}

// InTx runs fn in a transaction, committed when fn returns nil. On SQLite
// it holds the write lock from the start (_txlock=immediate).
func (db *DB) InTx(ctx context.Context, fn func(*sql.Tx) error) error {
	return InTx(ctx, db.SQL, fn)
}

// InTx runs fn in a transaction of sqlDB, committed when fn returns nil.
func InTx(ctx context.Context, sqlDB *sql.DB, fn func(*sql.Tx) error) error {
	tx, err := sqlDB.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// ForUpdate is the clause that locks the rows a SELECT reads until the
// transaction ends. SQLite needs none: its write transaction locks the file.
func (db *DB) ForUpdate() string {
	if db.Dialect == Postgres {
		return " FOR UPDATE"
	}
	return ""
}
