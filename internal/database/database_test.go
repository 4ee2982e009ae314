package database

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

func TestSQLiteSchemaAndPragmas(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL.ExecContext(ctx, `INSERT INTO claims(key, expires) VALUES('k', 1)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.SQL.QueryRowContext(ctx, `SELECT count(*) FROM claims`).Scan(&n); err != nil || n != 1 {
		t.Errorf("claims after reopen = %d (%v), want 1", n, err)
	}
	var version int
	if err := db.SQL.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil || version != len(sqliteMigrations) {
		t.Errorf("user_version = %d (%v), want %d", version, err, len(sqliteMigrations))
	}
	var mode string
	if err := db.SQL.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q (%v), want wal", mode, err)
	}
	var fk int
	if err := db.SQL.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d (%v), want 1", fk, err)
	}
}

// A store the previous binary made (every migration but the last) gains
// the feed poll table when this one opens it, and keeps its rows.
func TestOpenMigratesAnOlderStore(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	old, err := openSQLite(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := migrateSQLite(ctx, old.SQL, sqliteMigrations[:len(sqliteMigrations)-1]); err != nil {
		t.Fatal(err)
	}
	if _, err := old.SQL.ExecContext(ctx, `INSERT INTO claims(key, expires) VALUES('k', 1)`); err != nil {
		t.Fatal(err)
	}
	if _, err := old.SQL.ExecContext(ctx, `SELECT count(*) FROM feed_polls`); err == nil {
		t.Fatal("the older schema has feed_polls already: this test no longer tests the last migration")
	}
	old.Close()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var claims, polls int
	if err := db.SQL.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM claims), (SELECT count(*) FROM feed_polls)`).Scan(&claims, &polls); err != nil || claims != 1 || polls != 0 {
		t.Errorf("after migrating: %d claims, %d feed polls (%v); want 1 and 0", claims, polls, err)
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL.ExecContext(ctx, `PRAGMA user_version = 999`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(ctx, path); err == nil || !strings.Contains(err.Error(), "newer than this binary") {
		t.Errorf("Open of a newer schema: %v, want a clear refusal", err)
	}
}

func TestRebind(t *testing.T) {
	tests := []struct{ in, want string }{
		{`SELECT 1`, `SELECT 1`},
		{`SELECT a FROM t WHERE b = ? AND c IN (?,?)`, `SELECT a FROM t WHERE b = $1 AND c IN ($2,$3)`},
		{`SELECT '?' || ? FROM "odd?name" -- why?
			WHERE x = ?`, `SELECT '?' || $1 FROM "odd?name" -- why?
			WHERE x = $2`},
		{`SELECT 'it''s ?', ?`, `SELECT 'it''s ?', $1`},
	}
	for _, tt := range tests {
		if got := Rebind(tt.in); got != tt.want {
			t.Errorf("Rebind(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
