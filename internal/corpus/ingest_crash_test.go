package corpus

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// crashChildEnv tells the test binary, re-executed, to act as the child of
// TestIngestSurvivesKill: "DB|FOLDER".
const crashChildEnv = "CORPUS_CRASH_CHILD"

// TestCrashChild is the child's body, not a test of its own: it ingests a
// folder and prints a line after each stored document.
func TestCrashChild(t *testing.T) {
	spec := os.Getenv(crashChildEnv)
	if spec == "" {
		return
	}
	db, dir, _ := strings.Cut(spec, "|")
	s, err := Open(context.Background(), db)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	in := NewIngester(s, IngestOptions{Workers: 2, Progress: func(done, total int, current string) {
		fmt.Printf("stored %d\n", done)
	}})
	in.Ingest(context.Background(), []string{dir})
	fmt.Println("finished")
}

// crashDoc is document i of the crash test: about 2 KB in two passages,
// with a marker word of its own.
func crashDoc(i int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Report number %d\n\n", i)
	for p := range 6 {
		for s := range 5 {
			fmt.Fprintf(&b, "Patrol unit %d filed note %d about checkpoint marker%04d in the northern district. ", p, s, i)
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

func TestIngestSurvivesKill(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("spawns a child process")
	}
	// The kill lands with most of the folder still to go (60 documents of
	// margin, each a transaction of its own), so the reopened store has to
	// hold a partial ingest; more documents only make the same check slower.
	const total, killAfter = 80, 20
	dir, db := t.TempDir(), filepath.Join(t.TempDir(), "crash.db")
	files := map[string][]byte{}
	for i := range total {
		files[fmt.Sprintf("doc%04d.txt", i)] = []byte(crashDoc(i))
	}
	writeFiles(t, dir, files)

	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+db+"|"+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	reported, finished := 0, false
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		line := sc.Text()
		if n, ok := strings.CutPrefix(line, "stored "); ok {
			reported, _ = strconv.Atoi(n)
			if reported >= killAfter {
				break
			}
		}
		if line == "finished" {
			finished = true
			break
		}
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL: no deferred code runs
		t.Fatal(err)
	}
	cmd.Wait()
	if finished || reported < killAfter {
		t.Fatalf("the child was not killed mid-way (reported %d, finished %v)", reported, finished)
	}

	ctx := context.Background()
	s, err := Open(ctx, db)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer s.Close()
	stored := checkConsistent(t, s)
	if stored < reported || stored >= total {
		t.Fatalf("%d documents after the kill; want at least the %d reported stored and fewer than %d", stored, reported, total)
	}
	t.Logf("killed after %d reported, %d stored", reported, stored)

	results := NewIngester(s, IngestOptions{}).Ingest(ctx, []string{dir})
	counts := map[PutOutcome]int{}
	for _, r := range results {
		counts[r.Outcome]++
	}
	if counts[Unchanged] != stored || counts[Added] != total-stored || len(results) != total {
		t.Errorf("second ingest: %v; want %d unchanged and %d added", counts, stored, total-stored)
	}
	if n := checkConsistent(t, s); n != total {
		t.Errorf("%d documents after the second ingest, want %d", n, total)
	}
}

// checkConsistent verifies the store's invariants and returns how many
// documents it holds: SQLite integrity, every document with all its
// passages, each found by search (the in-memory index rebuilt from the
// file), and the passage counter right.
func checkConsistent(t *testing.T, s *Store) int {
	t.Helper()
	ctx := context.Background()
	var integrity string
	if err := s.db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&integrity); err != nil || integrity != "ok" {
		t.Fatalf("integrity_check = %q, %v", integrity, err)
	}
	var docs, passages, counter, orphans int
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM passages),
		(SELECT value FROM stats WHERE name = 'passages'),
		(SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM passages p WHERE p.doc_id = d.id))`).
		Scan(&docs, &passages, &counter, &orphans)
	if err != nil {
		t.Fatal(err)
	}
	if orphans != 0 || counter != passages {
		t.Fatalf("%d documents without passages; passage counter %d, passages %d", orphans, counter, passages)
	}
	list, err := s.Documents(ctx, DocFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range list {
		var i int
		if _, err := fmt.Sscanf(filepath.Base(d.Origin), "doc%04d.txt", &i); err != nil {
			t.Fatalf("unexpected document %s", d.Origin)
		}
		want := len(Chunk(crashDoc(i)))
		ps, err := s.Passages(ctx, d.ID)
		if err != nil || len(ps) != want {
			t.Fatalf("%s has %d passages (%v), want %d", d.Origin, len(ps), err, want)
		}
		hits, err := s.Search(ctx, Query{Text: fmt.Sprintf("marker%04d", i), K: want + 5})
		if err != nil || len(hits) != want {
			t.Fatalf("%s: search finds %d passages (%v), want %d", d.Origin, len(hits), err, want)
		}
		for _, h := range hits {
			if h.DocID != d.ID {
				t.Fatalf("marker%04d found in %s, want only %s", i, h.DocID, d.ID)
			}
		}
	}
	return docs
}
