package brief

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/embedding"
	"github.com/mss-brief/briefbot/internal/openaitest"
)

// TestEvalRealCorpusHybrid runs the real eval (testdata/real.yaml over
// ../shared/corpus-real plus the bundled notes) with lexical search alone
// and with lexical and dense lists fused, the dense ones from the fake
// endpoint's meaningful embeddings, and checks that hybrid retrieval is not
// worse than lexical on any kind (recall@5). The figures are logged by
// kind; -v shows them.
func TestEvalRealCorpusHybrid(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("ingests, embeds and asks about 90 questions twice")
	}
	dir := realCorpusDir(t)
	files, _ := filepath.Glob(filepath.Join(dir, "[0-9]*.md"))
	if len(files) == 0 {
		t.Skip("no real corpus at " + dir)
	}
	f, err := LoadEval("testdata/real.yaml")
	if err != nil {
		t.Fatal(err)
	}
	f.K = 5
	ctx := context.Background()
	st := openBundledStore(t)
	for _, r := range corpus.NewIngester(st, corpus.IngestOptions{}).Ingest(ctx, files) {
		if r.Err != nil {
			t.Fatalf("ingest %s: %v", r.Input, r.Err)
		}
	}
	srv := openaitest.New(t)
	emb, err := embedding.New(embedding.Config{BaseURL: srv.URL, Model: "text-embedding-3-small", Dimensions: openaitest.SemanticDims})
	if err != nil {
		t.Fatal(err)
	}
	vectors := corpus.NewVectors(st, emb, 10*time.Second, nil)
	if n, err := vectors.EmbedMissing(ctx, 64, nil); err != nil || n == 0 {
		t.Fatalf("embedded %d passages: %v", n, err)
	}

	cfg := testAnswererConfig()
	cfg.Now = func() time.Time { return time.Date(2026, 4, 1, 9, 0, 0, 0, time.UTC) }
	evaluate := func(s Searcher) EvalReport {
		t.Helper()
		a, err := New(s, nil, cfg)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := a.Evaluate(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	lexical, hybrid := evaluate(st), evaluate(vectors)

	var table strings.Builder
	fmt.Fprintf(&table, "%-15s %4s  %-17s  %-17s\n", "kind", "n", "recall@5 lex/hyb", "MRR lex/hyb")
	row := func(name string, l, h EvalScore) {
		fmt.Fprintf(&table, "%-15s %4d  %.2f / %.2f       %.2f / %.2f\n", name, l.Answerable, l.RecallAtK, h.RecallAtK, l.MRR, h.MRR)
	}
	for _, kind := range EvalKinds {
		l, _ := lexical.Kind(kind)
		h, _ := hybrid.Kind(kind)
		if l.Answerable == 0 {
			continue
		}
		row(string(kind), l, h)
		if h.RecallAtK < l.RecallAtK {
			t.Errorf("%s: hybrid recall@5 %.2f below lexical %.2f", kind, h.RecallAtK, l.RecallAtK)
		}
	}
	row("overall", lexical.Overall, hybrid.Overall)
	for i, l := range lexical.Results {
		if h := hybrid.Results[i]; l.Rank > 0 && h.Rank == 0 || l.Rank == 0 && h.Rank > 0 {
			t.Logf("changed: [%s] %q: lexical rank %d %v, hybrid rank %d %v", l.Kind, l.Question, l.Rank, l.Retrieved, h.Rank, h.Retrieved)
		}
	}
	t.Logf("real corpus, %d documents, lexical vs hybrid (fake semantic embeddings, %d dims):\n%s", len(files), openaitest.SemanticDims, table.String())
}
