package corpus

import (
	"context"
	"fmt"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/corpus/corpustest"
	"github.com/mss-brief/briefbot/internal/database/databasetest"
)

// TestPostgresSearchMatchesSQLite stores the same documents in SQLite and
// in PostgreSQL and expects the same answers from both: the search index
// and its ranking are shared, only the tables underneath differ.
func TestPostgresSearchMatchesSQLite(t *testing.T) {
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
