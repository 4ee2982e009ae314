package brief

import (
	"context"
	"fmt"
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
	lexical := runRealEval(t, "testdata/real.yaml")
	hybrid := runRealEval(t, "testdata/real.yaml", denseBeside)

	var table strings.Builder
	fmt.Fprintf(&table, "%-15s %4s  %-17s  %-12s  %-15s  %s\n", "kind", "n", "recall@5 lex/hyb", "MRR lex/hyb", "key fact lex/hyb", "false abstentions lex/hyb")
	row := func(name string, l, h EvalScore) {
		fmt.Fprintf(&table, "%-15s %4d  %.2f / %.2f        %.2f / %.2f   %.2f / %.2f      %d / %d\n", name, l.Answerable,
			l.RecallAtK, h.RecallAtK, l.MRR, h.MRR, l.FactRate, h.FactRate, l.FalseAbstentions, h.FalseAbstentions)
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
	held := func(r EvalResult) bool { return r.FactsHeld != nil && *r.FactsHeld }
	for i, l := range lexical.Results {
		h := hybrid.Results[i]
		if l.Rank > 0 && h.Rank == 0 || l.Rank == 0 && h.Rank > 0 || l.Abstained != h.Abstained || held(l) != held(h) {
			t.Logf("changed: [%s] %q: lexical rank %d abstained %v facts %v %v, hybrid rank %d abstained %v facts %v %v",
				l.Kind, l.Question, l.Rank, l.Abstained, held(l), l.Retrieved, h.Rank, h.Abstained, held(h), h.Retrieved)
			if held(l) != held(h) {
				t.Logf("  lexical: %s\n  hybrid:  %s", clip(l.Answer, 300), clip(h.Answer, 300))
			}
		}
	}
	t.Logf("real corpus, lexical vs hybrid (fake semantic embeddings, %d dims):\n%s", openaitest.SemanticDims, table.String())
}

// denseBeside gives the store dense search through the fake endpoint's
// semantic embeddings, every passage embedded.
func denseBeside(t *testing.T, st *corpus.Store) Searcher {
	t.Helper()
	srv := openaitest.New(t)
	emb, err := embedding.New(embedding.Config{BaseURL: srv.URL, Model: "text-embedding-3-small", Dimensions: openaitest.SemanticDims})
	if err != nil {
		t.Fatal(err)
	}
	vectors := corpus.NewVectors(st, emb, 10*time.Second, nil)
	if n, err := vectors.EmbedMissing(context.Background(), 64, nil); err != nil || n == 0 {
		t.Fatalf("embedded %d passages: %v", n, err)
	}
	return vectors
}
