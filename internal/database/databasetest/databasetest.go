// Package databasetest opens fresh databases for tests: a SQLite file in
// the test's temporary directory, and, when BOT_TEST_POSTGRES names a
// PostgreSQL server (postgres://user@host:port/db), a new database there,
// dropped when the test ends.
package databasetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver

	"github.com/mss-brief/briefbot/internal/database"
)

// PostgresEnv is the variable that names the test server.
const PostgresEnv = "BOT_TEST_POSTGRES"

// Target is one kind of database a test runs on.
type Target struct {
	Name string
	Open func(t testing.TB) *database.DB // a fresh, migrated database
	URL  func(t testing.TB) string       // a fresh database's path or URL, not yet opened
}

// Targets are SQLite, and PostgreSQL when BOT_TEST_POSTGRES is set; a test
// ranging over them runs on each.
func Targets(t testing.TB) []Target {
	out := []Target{{Name: "sqlite", Open: OpenSQLite, URL: func(t testing.TB) string { return filepath.Join(t.TempDir(), "test.db") }}}
	if server() != "" {
		out = append(out, Target{Name: "postgres", Open: OpenPostgres, URL: NewPostgres})
	}
	return out
}

// OpenSQLite opens a fresh SQLite database.
func OpenSQLite(t testing.TB) *database.DB {
	t.Helper()
	return open(t, filepath.Join(t.TempDir(), "test.db"))
}

// OpenPostgres opens a fresh PostgreSQL database, skipping the test when
// BOT_TEST_POSTGRES is not set.
func OpenPostgres(t testing.TB) *database.DB {
	t.Helper()
	return open(t, NewPostgres(t))
}

func open(t testing.TB, target string) *database.DB {
	t.Helper()
	db, err := database.Open(context.Background(), target)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func server() string { return os.Getenv(PostgresEnv) }

// NewPostgres creates an empty database on the test server and returns its
// URL; the database is dropped when the test ends. Without
// BOT_TEST_POSTGRES the test is skipped.
func NewPostgres(t testing.TB) string {
	t.Helper()
	base := server()
	if base == "" {
		t.Skip(PostgresEnv + " is not set: no PostgreSQL server to test on")
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	var b [6]byte
	_, _ = rand.Read(b[:])
	name := "bottest_" + hex.EncodeToString(b[:])
	ctx := context.Background()
	if _, err := admin.ExecContext(ctx, `CREATE DATABASE `+name); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		admin, err := sql.Open("pgx", base)
		if err != nil {
			return
		}
		defer admin.Close()
		if _, err := admin.ExecContext(context.Background(), `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`); err != nil {
			t.Logf("drop test database %s: %v", name, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", PostgresEnv, err)
	}
	u.Path = "/" + name
	return u.String()
}
