package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/mss-brief/briefbot/internal/config"
	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/corpus/corpustest"
	"github.com/mss-brief/briefbot/internal/lexicon"
)

// BenchmarkSearch builds the same synthetic passages into our store and a
// Bleve index (scorch, BM25) and times the same questions on both, sizes
// growing in place. BENCH_SIZES (e.g. "1000,20000") picks the sizes.
//
//	cd bench && go test -run '^$' -bench Search -benchtime 1x -timeout 30m
func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	// The analysis the bot runs with: the default topic's glossary.
	s, err := corpus.Open(ctx, filepath.Join(dir, "ours.db"), corpus.WithAnalyzer(lexicon.New(config.Default().Topic.Aliases)))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	m := bleve.NewIndexMapping()
	m.ScoringModel = index.BM25Scoring
	bl, err := bleve.New(filepath.Join(dir, "bleve"), m)
	if err != nil {
		b.Fatal(err)
	}
	defer bl.Close()
	g := corpustest.New(2)
	questions := make([]string, 400)
	for i := range questions {
		questions[i] = g.Question()
	}
	sizes := []int{1_000, 20_000, 100_000}
	if env := os.Getenv("BENCH_SIZES"); env != "" {
		sizes = nil
		for _, f := range strings.Split(env, ",") {
			n, err := strconv.Atoi(f)
			if err != nil {
				b.Fatal(err)
			}
			sizes = append(sizes, n)
		}
	}
	have := 0
	for _, size := range sizes {
		var oursBuild, bleveBuild time.Duration
		batch := bl.NewBatch()
		for i := have; i < size; i++ {
			d := g.Doc(i, 100)
			t0 := time.Now()
			if _, err := s.Put(ctx, corpus.Document{Title: d.Title, Source: d.Source, URL: d.URL, Published: d.Published, Text: d.Text}); err != nil {
				b.Fatal(err)
			}
			t1 := time.Now()
			if err := batch.Index(strconv.Itoa(i), map[string]any{"title": d.Title, "text": d.Text}); err != nil {
				b.Fatal(err)
			}
			if batch.Size() >= 1000 || i == size-1 {
				if err := bl.Batch(batch); err != nil {
					b.Fatal(err)
				}
				batch.Reset()
			}
			oursBuild, bleveBuild = oursBuild+t1.Sub(t0), bleveBuild+time.Since(t1)
		}
		added := size - have
		have = size
		t0 := time.Now()
		if _, err := s.Search(ctx, corpus.Query{Text: questions[0]}); err != nil {
			b.Fatal(err)
		}
		b.Logf("passages=%d ours_build=%v (%.0f docs/s) bleve_build=%v ours_catch_up=%v", size,
			oursBuild.Round(time.Millisecond), float64(added)/oursBuild.Seconds(),
			bleveBuild.Round(time.Millisecond), time.Since(t0).Round(time.Millisecond))
		var ours, theirs []time.Duration
		for _, q := range questions {
			t0 := time.Now()
			if _, err := s.Search(ctx, corpus.Query{Text: q}); err != nil {
				b.Fatal(err)
			}
			t1 := time.Now()
			req := bleve.NewSearchRequestOptions(bleveQuery(q), 32, 0, false)
			if _, err := bl.Search(req); err != nil {
				b.Fatal(err)
			}
			ours, theirs = append(ours, t1.Sub(t0)), append(theirs, time.Since(t1))
		}
		fmt.Printf("search passages=%d ours_p50_ms=%.2f ours_p95_ms=%.2f bleve_p50_ms=%.2f bleve_p95_ms=%.2f\n",
			size, pct(ours, 50), pct(ours, 95), pct(theirs, 50), pct(theirs, 95))
	}
}

// bleveQuery is the question as Bleve's match query on both fields, ORed,
// the way a Bleve user would ask it (the standard analyzer drops English
// stop words).
func bleveQuery(q string) query.Query {
	text := bleve.NewMatchQuery(q)
	text.SetField("text")
	title := bleve.NewMatchQuery(q)
	title.SetField("title")
	title.SetBoost(0.4)
	return bleve.NewDisjunctionQuery(text, title)
}

func pct(ds []time.Duration, p int) float64 {
	s := slices.Clone(ds)
	slices.Sort(s)
	i := min(len(s)-1, len(s)*p/100)
	return float64(s[i]) / float64(time.Millisecond)
}
