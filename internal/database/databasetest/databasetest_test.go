package databasetest

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/mss-brief/briefbot/internal/database"
)

func TestPostgresOpensAndMigratesOnce(t *testing.T) {
	target := NewPostgres(t) // skips without BOT_TEST_POSTGRES
	ctx := context.Background()
	// Two replicas starting at once: one migrates, the other waits for it
	// and finds the schema done.
	errs := make(chan error, 2)
	for range 2 {
		go func() {
			db, err := database.Open(ctx, target)
			if err == nil {
				db.Close()
			}
			errs <- err
		}()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	db := open(t, target)
	var versions, n int
	if err := db.SQL.QueryRowContext(ctx, `SELECT count(*), max(version) FROM schema_version`).Scan(&versions, &n); err != nil || versions != 1 || n < 1 {
		t.Errorf("schema_version: %d rows, version %d (%v); want one row", versions, n, err)
	}
	if _, err := db.SQL.ExecContext(ctx, `INSERT INTO claims(key, expires) VALUES(?, ?)`, "k", 1); err != nil {
		t.Errorf("a ? query on PostgreSQL: %v", err)
	}
	if db.Dialect != database.Postgres {
		t.Errorf("dialect %v, want postgres", db.Dialect)
	}
	// A password never shows in what the database calls itself.
	u, _ := url.Parse(target)
	u.User = url.UserPassword("postgres", "s3cret")
	withPW, err := database.Open(ctx, u.String())
	if err != nil {
		if strings.Contains(err.Error(), "s3cret") {
			t.Errorf("error shows the password: %v", err)
		}
		return
	}
	defer withPW.Close()
	if strings.Contains(withPW.String(), "s3cret") {
		t.Errorf("the database calls itself %q", withPW.String())
	}
}
