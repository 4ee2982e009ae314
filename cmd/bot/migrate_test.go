package main

import (
	"context"
	"strings"
	"testing"

	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/database/databasetest"
)

// TestMigrateCommand copies a store into each kind of database (PostgreSQL
// when BOT_TEST_POSTGRES is set), then again, and searches the copy.
func TestMigrateCommand(t *testing.T) {
	t.Parallel()
	for _, target := range databasetest.Targets(t) {
		t.Run(target.Name, func(t *testing.T) {
			c := newCorpusCLI(t)
			dir := writeCLIFiles(t, map[string]string{"a.txt": cliArticle})
			if _, errOut, code := c.run("ingest", dir); code != 0 {
				t.Fatalf("ingest: %d %s", code, errOut)
			}
			to := target.URL(t)
			out, errOut, code := c.run("migrate", "--to", to)
			if code != 0 || !strings.Contains(out, "done:") {
				t.Fatalf("migrate: code %d\n%s\n%s", code, out, errOut)
			}
			again, _, code := c.run("migrate", "--to", to)
			if code != 0 || !hasRow(again, "documents", "0") || !hasRow(out, "passages", "") {
				t.Errorf("second migrate copied again or lost its summary:\n%s\nfirst:\n%s", again, out)
			}
			st, err := corpus.Open(context.Background(), to)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if hits, err := st.Search(context.Background(), corpus.Query{Text: "zebracrossing checkpoint"}); err != nil || len(hits) == 0 {
				t.Errorf("the copy does not find the article: %v, %v", hits, err)
			}
		})
	}
}

// hasRow reports whether the summary has a row for table whose "copied
// now" column is copied (any when empty).
func hasRow(summary, table, copied string) bool {
	for _, line := range strings.Split(summary, "\n") {
		f := strings.Fields(line)
		if len(f) == 4 && f[0] == table && (copied == "" || f[2] == copied) {
			return true
		}
	}
	return false
}

func TestMigrateFlags(t *testing.T) {
	t.Parallel()
	c := newCorpusCLI(t)
	for _, args := range [][]string{{"migrate"}, {"migrate", "extra", "--to", "postgres://x@127.0.0.1:1/x"}, {"migrate", "--bogus"}, {"migrate", "--to", c.db}} {
		if _, errOut, code := c.run(args...); code != 2 {
			t.Errorf("%v: exit %d (%s), want 2", args, code, errOut)
		}
	}
}
