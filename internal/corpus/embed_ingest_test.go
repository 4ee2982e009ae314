package corpus

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/embedding"
	"github.com/mss-brief/briefbot/internal/openaitest"
)

// switchable is an endpoint that can be taken down and brought back.
type switchable struct {
	Embedder
	down  atomic.Bool
	calls atomic.Int32
}

func (s *switchable) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	s.calls.Add(1)
	if s.down.Load() {
		return nil, errors.New("503 the embedding model is down")
	}
	return s.Embedder.Embed(ctx, texts)
}

// backfilled runs v's background pass until no passage lacks a vector.
func backfilled(t *testing.T, v *Vectors) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { v.Backfill(ctx, 8, time.Hour); close(done) }()
	defer func() { cancel(); <-done }()
	for i := 0; ; i++ {
		m, err := v.MissingVectors(ctx, v.Model())
		if err == nil && m == 0 {
			return
		}
		if i == 1000 {
			t.Fatalf("background pass left %d passages without vectors (%v)", m, err)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestIngestEmbedsNewPassages(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := openTestStore(t)
	var logs bytes.Buffer
	real := newTestVectors(t, s, "text-embedding-3-small", nil)
	sw := &switchable{Embedder: real.emb}
	v := NewVectors(s, sw, time.Second, slog.New(slog.NewTextHandler(&logs, nil)))
	in := NewIngester(v.Putter(8), IngestOptions{})

	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{
		"pumps.txt":   []byte("Petrol was scarce at the pumps of the capital in June."),
		"schools.txt": []byte("Schools closed across the capital after the clashes with gangs."),
	})
	for _, r := range in.Ingest(ctx, []string{dir}) {
		if r.Outcome != Added {
			t.Fatalf("%s: %s %v", r.Input, r.Outcome, r.Err)
		}
	}
	if m, _ := s.MissingVectors(ctx, v.Model()); m != 0 {
		t.Fatalf("%d passages left without vectors after ingest", m)
	}
	hits, err := v.DenseSearch(ctx, Query{Text: "Was there a fuel shortage?", K: 1})
	if err != nil || len(hits) != 1 || !strings.Contains(hits[0].Text, "Petrol") {
		t.Fatalf("dense search after ingest: %+v, %v", hits, err)
	}

	// The endpoint goes down: documents are still stored and found
	// lexically, the failure is logged once, and the next documents do not
	// wait on the endpoint again.
	sw.down.Store(true)
	before := sw.calls.Load()
	dir2 := t.TempDir()
	writeFiles(t, dir2, map[string][]byte{
		"a.txt": []byte("Lapolis arete senk bandi nan Kafou."),
		"b.txt": []byte("The council renewed the mission's mandate for a year."),
		"c.txt": []byte("Farmers in the Artibonite valley lost their rice harvest."),
	})
	for _, r := range in.Ingest(ctx, []string{dir2}) {
		if r.Outcome != Added {
			t.Fatalf("%s with the endpoint down: %s %v", r.Input, r.Outcome, r.Err)
		}
	}
	if n := sw.calls.Load() - before; n != 1 {
		t.Errorf("%d embedding calls for three documents with the endpoint down, want 1 (then a pause)", n)
	}
	if n := strings.Count(logs.String(), "embedding new passages failed"); n != 1 {
		t.Errorf("failure logged %d times, want once:\n%s", n, logs.String())
	}
	if lex, _ := s.Search(ctx, Query{Text: "rice harvest", K: 1}); len(lex) != 1 {
		t.Errorf("a document whose embedding failed is not found lexically: %+v", lex)
	}
	if m, _ := s.MissingVectors(ctx, v.Model()); m != 3 {
		t.Errorf("%d passages without vectors, want 3", m)
	}

	// The background pass fills them once the endpoint is back.
	sw.down.Store(false)
	backfilled(t, v)
	hits, err = v.DenseSearch(ctx, Query{Text: "How many suspects did the police arrest?", K: 1})
	if err != nil || len(hits) != 1 || !strings.Contains(hits[0].Text, "Lapolis") {
		t.Fatalf("dense search after the background pass: %+v, %v", hits, err)
	}
}

func TestBackfillChangedModel(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := openTestStore(t)
	mustPut(t, s, Document{Title: "Pumps", URL: "https://example.org/fuel", Text: "Petrol was scarce at the pumps."})
	old := newTestVectors(t, s, "old-model", nil)
	if n, err := old.EmbedMissing(ctx, 8, nil); n != 1 || err != nil {
		t.Fatalf("embedded %d: %v", n, err)
	}
	v := newTestVectors(t, s, "text-embedding-3-small", nil)
	if hits, _ := v.DenseSearch(ctx, Query{Text: "fuel shortage"}); len(hits) != 0 {
		t.Fatalf("the new model searched the old model's vectors: %+v", hits)
	}
	backfilled(t, v)
	if hits, _ := v.DenseSearch(ctx, Query{Text: "fuel shortage"}); len(hits) != 1 {
		t.Errorf("after the background pass: %+v", hits)
	}
}

// TestIngestEmbedsAcrossDocuments ingests 100 one-passage documents (a
// folder of files, a feed of items) through an EmbeddingPutter: their
// passages go to the endpoint a batch at a time across documents, not one
// request each, and a rate limit is retried.
func TestIngestEmbedsAcrossDocuments(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name         string
		feed         bool
		batch        int
		rateLimited  int // requests answered 429 first
		wantRequests int
	}{
		{"folder, batch of 64", false, 64, 0, 2},
		{"folder, batch of 128", false, 128, 0, 1},
		{"feed, batch of 64", true, 64, 0, 2},
		{"rate limited once, retried", false, 128, 1, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel() // each case has its own store and endpoint
			ctx := context.Background()
			s := openTestStore(t)
			srv := openaitest.New(t)
			srv.LimitEmbeddings(tt.rateLimited, 0)
			emb, err := embedding.New(embedding.Config{BaseURL: srv.URL, Model: "text-embedding-3-small",
				Dimensions: openaitest.SemanticDims, Batch: tt.batch, Retries: 2, Backoff: time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			var logs bytes.Buffer
			v := NewVectors(s, emb, time.Second, slog.New(slog.NewTextHandler(&logs, nil)))
			in := NewIngester(v.Putter(tt.batch), IngestOptions{})
			dir := t.TempDir()
			var results []IngestResult
			if tt.feed {
				// Items long enough that their articles are not fetched.
				var items strings.Builder
				for i := range 100 {
					fmt.Fprintf(&items, "<item><title>Note %d</title><guid>note-%d</guid><description>%s</description></item>\n",
						i, i, strings.Repeat(fmt.Sprintf("The council met %d times about the mission. ", i), 12))
				}
				writeFiles(t, dir, map[string][]byte{"feed.xml": []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Notes</title>` +
					items.String() + `</channel></rss>`)})
				results = in.IngestFeeds(ctx, []string{filepath.Join(dir, "feed.xml")})
			} else {
				files := map[string][]byte{}
				for i := range 100 {
					files[fmt.Sprintf("note%03d.txt", i)] = fmt.Appendf(nil, "Note %d: the council met %d times about the mission.", i, i)
				}
				writeFiles(t, dir, files)
				results = in.Ingest(ctx, []string{dir})
			}
			if len(results) != 100 {
				t.Fatalf("%d results, want 100", len(results))
			}
			for _, r := range results {
				if r.Outcome != Added || r.Passages != 1 {
					t.Fatalf("%s: %s, %d passages, %v", r.Input, r.Outcome, r.Passages, r.Err)
				}
			}
			var requests int
			for _, r := range srv.Requests() {
				if r.Kind() != "embeddings" {
					continue
				}
				requests++
				if len(r.Input) > tt.batch {
					t.Errorf("a request of %d texts, batch %d", len(r.Input), tt.batch)
				}
			}
			if requests != tt.wantRequests {
				t.Errorf("%d embeddings requests for 100 one-passage documents, want %d", requests, tt.wantRequests)
			}
			if m, err := s.MissingVectors(ctx, v.Model()); m != 0 || err != nil {
				t.Errorf("%d passages left without vectors (%v)", m, err)
			}
			if strings.Contains(logs.String(), "failed") {
				t.Errorf("a failure logged:\n%s", logs.String())
			}
		})
	}
}
