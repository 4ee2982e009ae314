package corpus

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/corpus/corpustest"
	"github.com/mss-brief/briefbot/internal/database"
	"github.com/mss-brief/briefbot/internal/database/databasetest"
)

// TestPostgresSearchMatchesSQLite stores the same documents in SQLite and
// in PostgreSQL and expects the same answers from both: the search index
// and its ranking are shared, only the tables underneath differ.
func TestPostgresSearchMatchesSQLite(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pg := New(databasetest.OpenPostgres(t)) // skips without BOT_TEST_POSTGRES
	lite := New(databasetest.OpenSQLite(t))
	ingested := time.Date(2026, 1, 5, 12, 0, 0, 0, time.UTC)
	g := corpustest.New(7)
	for i := range 60 {
		d := g.Doc(i, 300)
		doc := Document{Title: d.Title, Source: d.Source, URL: d.URL, Published: d.Published, Text: d.Text,
			Ingested: ingested.Add(time.Duration(i%7) * time.Hour)}
		if i%10 == 0 {
			doc.Published = time.Time{} // unknown dates sort alike too
		}
		for _, s := range []*Store{lite, pg} {
			if _, err := s.Put(ctx, doc); err != nil {
				t.Fatal(err)
			}
		}
	}
	// A replaced version and a deleted passage set go through the logs.
	for _, s := range []*Store{lite, pg} {
		if _, err := s.Put(ctx, Document{Key: "replaced", Title: "Ferry", Text: "The ferry schedule qv9 changed twice this week."}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Search(ctx, Query{Text: "ferry"}); err != nil { // index it, then replace it
			t.Fatal(err)
		}
		if _, err := s.Put(ctx, Document{Key: "replaced", Title: "Ferry", Text: "The ferry timetable qv10 is final."}); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range []*Store{lite, pg} {
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Documents != 61 {
			t.Errorf("%s: %d documents, want 61", s.Database().Dialect, st.Documents)
		}
	}
	ls, _ := lite.Stats(ctx)
	ps, _ := pg.Stats(ctx)
	if ls != ps {
		t.Errorf("stats: sqlite %+v, postgres %+v", ls, ps)
	}
	ld, err := lite.Documents(ctx, DocFilter{Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	pd, err := pg.Documents(ctx, DocFilter{Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.EqualFunc(ld, pd, func(a, b Document) bool {
		return a.ID == b.ID && a.Published.Equal(b.Published) && a.Title == b.Title && slices.Equal(a.Links, b.Links)
	}) {
		t.Errorf("document listings differ:\nsqlite   %v\npostgres %v", docIDs(ld), docIDs(pd))
	}
	queries := []Query{{Text: "qv10"}, {Text: "qv9"}, {Text: "ferry timetable"}}
	for range 20 {
		queries = append(queries, Query{Text: g.Question()})
	}
	queries = append(queries, Query{Text: queries[5].Text, Source: "Reuters"}, Query{Text: queries[6].Text, Since: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)})
	found := 0
	for _, q := range queries {
		lh, err := lite.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		ph, err := pg.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		found += len(lh)
		if sig(lh) != sig(ph) {
			t.Errorf("%q: hits differ:\nsqlite   %s\npostgres %s", q.Text, sig(lh), sig(ph))
		}
	}
	if found == 0 {
		t.Fatal("no query found anything: the comparison proves nothing")
	}
	if hits, _ := pg.Search(ctx, Query{Text: "qv9"}); len(hits) != 0 {
		t.Errorf("postgres still finds a replaced version: %+v", hits)
	}
}

func docIDs(ds []Document) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.ID)
	}
	return out
}

// sig is what a search returned, comparable across stores.
func sig(hits []Hit) string {
	s := ""
	for _, h := range hits {
		s += fmt.Sprintf("%s/%d:%.6f ", h.DocID, h.Seq, math.Round(h.Score*1e6)/1e6)
	}
	return s
}

// TestPostgresSearchSeesOtherReplica: two replicas on one server; the
// searcher sees what the other writes while it writes.
func TestPostgresSearchSeesOtherReplica(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := databasetest.NewPostgres(t)
	writer, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	reader, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	const n = 30
	done := make(chan error, 1)
	go func() {
		for i := range n {
			if _, err := writer.Put(ctx, Document{Key: fmt.Sprintf("doc%d", i), Title: "Report",
				Text: fmt.Sprintf("The harbour inspection zq%d found cranes idle.", i)}); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	for range 10 {
		if _, err := reader.Search(ctx, Query{Text: "harbour cranes"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	for i := range n {
		hits, err := reader.Search(ctx, Query{Text: fmt.Sprintf("zq%d", i), K: 1})
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) != 1 || hits[0].DocID != DocID(fmt.Sprintf("doc%d", i)) {
			t.Fatalf("zq%d: got %+v, want doc%d", i, hits, i)
		}
	}
}

// BenchmarkSearchOnEachDatabase measures Search at 20k and 100k passages
// on SQLite and on PostgreSQL (BOT_TEST_POSTGRES): the PostgreSQL store
// is a copy of the SQLite one (database.Copy), so both hold the same
// passages and answer the same questions.
//
// Run: BOT_TEST_POSTGRES=postgres://… go test -bench OnEachDatabase -run '^$' ./internal/corpus/
func BenchmarkSearchOnEachDatabase(b *testing.B) {
	ctx := context.Background()
	srcDB := databasetest.OpenSQLite(b)
	pgDB := databasetest.OpenPostgres(b)
	lite, pg := New(srcDB), New(pgDB)
	g := corpustest.New(2)
	questions := make([]string, benchQueries)
	for i := range questions {
		questions[i] = g.Question()
	}
	built := 0
	for _, size := range []int{20_000, 100_000} {
		start := time.Now()
		built = buildBenchStore(b, lite, g, built, size)
		if _, err := database.Copy(ctx, srcDB, pgDB, nil); err != nil {
			b.Fatal(err)
		}
		b.Logf("both stores at %d passages (built and copied in %v)", size, time.Since(start).Round(time.Millisecond))
		for _, s := range []*Store{lite, pg} {
			b.Run(fmt.Sprintf("db=%s/passages=%dk", s.Database().Dialect, size/1000), func(b *testing.B) {
				t0 := time.Now()
				if _, err := s.Search(ctx, Query{Text: questions[0]}); err != nil {
					b.Fatal(err)
				}
				b.Logf("index caught up in %v", time.Since(t0).Round(time.Millisecond))
				var took []time.Duration
				for b.Loop() {
					for _, q := range questions {
						t0 := time.Now()
						if _, err := s.Search(ctx, Query{Text: q}); err != nil {
							b.Fatal(err)
						}
						took = append(took, time.Since(t0))
					}
				}
				b.ReportMetric(ms(percentile(took, 50)), "p50-ms")
				b.ReportMetric(ms(percentile(took, 95)), "p95-ms")
				b.ReportMetric(0, "ns/op")
			})
		}
	}
}

// TestPostgresDenseSearchMatchesSQLite: vectors written, replaced and
// searched the same on both databases (BYTEA for BLOB, the vector log's
// triggers in plpgsql).
func TestPostgresDenseSearchMatchesSQLite(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pg := New(databasetest.OpenPostgres(t))
	lite := New(databasetest.OpenSQLite(t))
	docs := []Document{
		{Title: "Pumps", URL: "https://example.org/fuel", Text: "Petrol was scarce at the pumps of the capital in June."},
		{Title: "Schools", URL: "https://example.org/schools", Text: "Schools closed across the capital after the clashes with gangs."},
		{Title: "Kreyòl", URL: "https://example.org/ht", Text: "Lapolis arete senk bandi nan Kafou."},
	}
	var results [2]string
	for i, s := range []*Store{lite, pg} {
		for _, d := range docs {
			mustPut(t, s, d)
		}
		v := newTestVectors(t, s, "text-embedding-3-small", nil)
		if n, err := v.EmbedMissing(ctx, 2, nil); err != nil || n != 3 {
			t.Fatalf("%s: embedded %d: %v", s.Database().Dialect, n, err)
		}
		// A changed document drops its old vector and gets a new one.
		mustPut(t, s, Document{Title: "Pumps", URL: "https://example.org/fuel", Text: "Fuel ran out at petrol stations in the capital in June."})
		if n, err := v.EmbedMissing(ctx, 2, nil); err != nil || n != 1 {
			t.Fatalf("%s: re-embedded %d: %v", s.Database().Dialect, n, err)
		}
		counts, err := s.VectorCounts(ctx)
		if err != nil || counts[v.Model()] != 3 {
			t.Errorf("%s: vector counts %v, %v", s.Database().Dialect, counts, err)
		}
		for _, q := range []string{"Was there a fuel shortage?", "How many suspects did the police arrest?"} {
			hits, err := v.DenseSearch(ctx, Query{Text: q, K: 3})
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) == 0 {
				t.Fatalf("%s: %q found nothing", s.Database().Dialect, q)
			}
			results[i] += q + " → " + sig(hits) + "\n"
		}
	}
	if results[0] != results[1] {
		t.Errorf("dense search differs:\nsqlite\n%s\npostgres\n%s", results[0], results[1])
	}
}

// TestPostgresReplicasPutOneDocument: two replicas store the same document
// at once (both poll the same feed), ten times: it is kept once, with its
// passages once.
func TestPostgresReplicasPutOneDocument(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := databasetest.NewPostgres(t)
	var replicas []*Store
	for range 2 {
		s, err := Open(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		replicas = append(replicas, s)
	}
	g := corpustest.New(11)
	for i := range 10 {
		d := g.Doc(i, 600)
		doc := Document{Title: d.Title, URL: d.URL, Source: d.Source, Text: d.Text}
		outcomes := make([]PutOutcome, 2)
		errs := make(chan error, 2)
		start := make(chan struct{})
		for j, s := range replicas {
			go func() {
				<-start
				r, err := s.Put(ctx, doc)
				outcomes[j] = r.Outcome
				errs <- err
			}()
		}
		close(start)
		for range 2 {
			if err := <-errs; err != nil {
				t.Fatal(err)
			}
		}
		if !slices.Contains(outcomes, Added) || !slices.Contains(outcomes, Unchanged) {
			t.Errorf("document %d: outcomes %v, want one added and one unchanged", i, outcomes)
		}
		ps, err := replicas[0].Passages(ctx, DocID(CanonicalURL(d.URL)))
		if err != nil {
			t.Fatal(err)
		}
		if want := len(Chunk(strings.Join(Paragraphs(d.Text), "\n\n"))); len(ps) != want {
			t.Errorf("document %d: %d passages, want %d", i, len(ps), want)
		}
	}
}
