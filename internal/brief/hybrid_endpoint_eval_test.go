package brief

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/embedding"
)

// endpointEnv names a real embeddings endpoint for the hybrid eval, as
// "BASE_URL MODEL" (e.g. "http://127.0.0.1:8787/v1 glove-6b-100d"): the fake
// endpoint's embeddings show that the hybrid code works, only a real model
// shows what it is worth. Unset, TestEvalRealFilesHybridEndpoint skips.
const endpointEnv = "BRIEF_EVAL_EMBEDDINGS"

// endpointFromEnv reads endpointEnv: base URL and model, ok false when unset.
func endpointFromEnv(t *testing.T) (embedding.Config, bool) {
	t.Helper()
	v := strings.TrimSpace(os.Getenv(endpointEnv))
	if v == "" {
		return embedding.Config{}, false
	}
	url, model, ok := strings.Cut(v, " ")
	if !ok || strings.TrimSpace(model) == "" {
		t.Fatalf("%s=%q: want \"BASE_URL MODEL\"", endpointEnv, v)
	}
	return embedding.Config{BaseURL: url, Model: strings.TrimSpace(model), Timeout: time.Minute, Retries: 2, APIKey: os.Getenv("EMBEDDINGS_API_KEY")}, true
}

// TestEvalRealFilesHybridEndpoint asks real.yaml and every file of
// TestEvalRealFiles over the real corpus with lexical search alone and with
// the dense list of the endpoint endpointEnv names beside it, and logs both
// by kind, per file and summed over the files, with the endpoint's
// indexing time and the dense search's latency. It checks nothing: a real
// model's figures are for reading (-v), not a floor every model must meet.
func TestEvalRealFilesHybridEndpoint(t *testing.T) {
	cfg, ok := endpointFromEnv(t)
	if !ok {
		t.Skip("set " + endpointEnv + "=\"BASE_URL MODEL\" to measure hybrid retrieval with a real embeddings model")
	}
	files := []string{"real"}
	for _, f := range realEvalFiles {
		files = append(files, f.name)
	}
	if only := os.Getenv(endpointEnv + "_FILES"); only != "" {
		files = strings.Fields(only)
	}
	var mu sync.Mutex
	sums := map[string]*[2]kindSums{} // kind -> lexical, hybrid
	var timing denseTiming
	t.Run("files", func(t *testing.T) {
		for _, name := range files {
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				file := "testdata/" + name + ".yaml"
				lexical := runRealEval(t, file)
				hybrid := runRealEval(t, file, func(t *testing.T, st *corpus.Store) Searcher {
					return endpointBeside(t, st, cfg, file, &timing)
				})
				t.Logf("%s, lexical vs hybrid (%s):\n%s", name, cfg.Model, hybridTable(lexical, hybrid, nil))
				mu.Lock()
				defer mu.Unlock()
				addReports(sums, lexical, hybrid)
			})
		}
	})
	t.Logf("all %d files, lexical vs hybrid (%s):\n%s", len(files), cfg.Model, hybridTable(EvalReport{}, EvalReport{}, sums))
	t.Logf("dense index: %s", timing.String())
}

// realEvalSearch's endpoint form: the store with dense search through cfg,
// every passage embedded, the embedding time and each question's dense
// search time recorded in timing.
func endpointBeside(t *testing.T, st *corpus.Store, cfg embedding.Config, file string, timing *denseTiming) Searcher {
	t.Helper()
	emb, err := embedding.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	vectors := corpus.NewVectors(st, emb, 10*time.Second, nil)
	start := time.Now()
	n, err := vectors.EmbedMissing(context.Background(), 64, nil)
	if err != nil || n == 0 {
		t.Fatalf("embedded %d passages: %v", n, err)
	}
	took := time.Since(start)
	f, err := LoadEval(file)
	if err != nil {
		t.Fatal(err)
	}
	var lat []time.Duration
	for _, q := range f.Questions {
		start := time.Now()
		if _, err := vectors.DenseSearch(context.Background(), corpus.Query{Text: q.Question, K: 20}); err != nil {
			t.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	timing.record(n, took, lat)
	return vectors
}

// denseTiming gathers, over the files, the passages embedded per store,
// the time that took, and the dense searches' latencies.
type denseTiming struct {
	sync.Mutex
	passages int
	index    []time.Duration
	searches []time.Duration
}

func (d *denseTiming) record(passages int, index time.Duration, searches []time.Duration) {
	d.Lock()
	defer d.Unlock()
	d.passages = passages
	d.index = append(d.index, index)
	d.searches = append(d.searches, searches...)
}

func (d *denseTiming) String() string {
	d.Lock()
	defer d.Unlock()
	q := func(ds []time.Duration, p float64) time.Duration {
		s := slices.Clone(ds)
		slices.Sort(s)
		if len(s) == 0 {
			return 0
		}
		return s[min(len(s)-1, int(p*float64(len(s))))]
	}
	return fmt.Sprintf("%d passages embedded in %v (median of %d stores, runs in parallel); dense search (query embedding + top 20) p50 %v, p95 %v over %d questions",
		d.passages, q(d.index, 0.5).Round(time.Millisecond), len(d.index), q(d.searches, 0.5).Round(time.Microsecond), q(d.searches, 0.95).Round(time.Microsecond), len(d.searches))
}

// kindSums adds EvalScores of one kind across files, to recompute their
// rates over all the questions.
type kindSums struct {
	answerable, found, withFacts, held, unanswerable, abstainedRight, falseAbst int
	rr                                                                          float64
}

func (k *kindSums) add(s EvalScore) {
	k.answerable += s.Answerable
	k.found += s.Found
	k.withFacts += s.WithFacts
	k.held += s.FactsHeld
	k.unanswerable += s.Unanswerable
	k.abstainedRight += s.AbstainedRight
	k.falseAbst += s.FalseAbstentions
	k.rr += s.MRR * float64(s.Answerable)
}

// addReports adds a lexical and a hybrid report to sums, by kind and
// overall.
func addReports(sums map[string]*[2]kindSums, lexical, hybrid EvalReport) {
	for i, rep := range []EvalReport{lexical, hybrid} {
		for _, s := range append(slices.Clone(rep.ByKind), rep.Overall) {
			k := string(s.Kind)
			if k == "" {
				k = "overall"
			}
			if sums[k] == nil {
				sums[k] = &[2]kindSums{}
			}
			sums[k][i].add(s)
		}
	}
}

// mrr is the mean reciprocal rank over the summed answerable questions.
func (k kindSums) mrr() float64 { return k.rr / float64(max(k.answerable, 1)) }

// hybridTable writes lexical vs hybrid by kind: recall@5, MRR, key fact,
// unanswerable abstained, false abstentions; from two reports, or from
// sums over files when sums is not nil.
func hybridTable(lexical, hybrid EvalReport, sums map[string]*[2]kindSums) string {
	if sums == nil {
		sums = map[string]*[2]kindSums{}
		addReports(sums, lexical, hybrid)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-15s %4s %4s  %-11s  %-11s  %-11s  %-13s  %s\n", "kind", "ans", "unan", "recall@5", "MRR", "key fact", "unanswerable", "false abst")
	for _, k := range append(kindNames(), "overall") {
		s := sums[k]
		if s == nil {
			continue
		}
		l, h := s[0], s[1]
		fmt.Fprintf(&b, "%-15s %4d %4d  %.2f / %.2f  %.2f / %.2f  %.2f / %.2f  %.2f / %.2f    %d / %d\n", k, l.answerable, l.unanswerable,
			ratio(l.found, l.answerable), ratio(h.found, h.answerable),
			l.mrr(), h.mrr(),
			ratio(l.held, l.withFacts), ratio(h.held, h.withFacts),
			ratio(l.abstainedRight, l.unanswerable), ratio(h.abstainedRight, h.unanswerable),
			l.falseAbst, h.falseAbst)
	}
	return b.String()
}

func kindNames() []string {
	var out []string
	for _, k := range EvalKinds {
		out = append(out, string(k))
	}
	return out
}
