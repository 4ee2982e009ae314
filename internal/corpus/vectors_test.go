package corpus

import (
	"bytes"
	"context"
	"log/slog"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/embedding"
	"github.com/mss-brief/briefbot/internal/openaitest"
)

func newTestVectors(t *testing.T, s *Store, model string, log *slog.Logger) *Vectors {
	t.Helper()
	srv := openaitest.New(t)
	emb, err := embedding.New(embedding.Config{BaseURL: srv.URL, Model: model, Dimensions: openaitest.SemanticDims,
		Retries: -1, Backoff: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return NewVectors(s, emb, time.Second, log)
}

func TestDenseSearchFindsParaphrase(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := openTestStore(t)
	fuel := mustPut(t, s, Document{Title: "Pumps", URL: "https://example.org/fuel", Text: "Petrol was scarce at the pumps of the capital in June."})
	mustPut(t, s, Document{Title: "Schools", URL: "https://example.org/schools", Text: "Schools closed across the capital after the clashes with gangs."})
	mustPut(t, s, Document{Title: "Kreyòl", URL: "https://example.org/ht", Text: "Lapolis arete senk bandi nan Kafou."})
	v := newTestVectors(t, s, "text-embedding-3-small", nil)

	var calls int
	n, err := v.EmbedMissing(ctx, 2, func(done, total int) { calls++ })
	if err != nil || n != 3 || calls != 2 {
		t.Fatalf("embedded %d in %d batches: %v", n, calls, err)
	}
	if n, _ := v.EmbedMissing(ctx, 2, nil); n != 0 {
		t.Errorf("embedded %d passages again", n)
	}
	counts, _ := s.VectorCounts(ctx)
	if counts[v.Model()] != 3 {
		t.Errorf("vector counts %v", counts)
	}

	tests := []struct{ query, want string }{
		{"Was there a benzine shortage?", fuel.DocID}, // not "gasoline": WordNet knows it is petrol
		{"How many suspects did the police arrest?", DocID("https://example.org/ht")},
	}
	for _, tt := range tests {
		lex, err := s.Search(ctx, Query{Text: tt.query, K: 3})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range lex {
			if h.DocID == tt.want {
				t.Fatalf("%q: lexical search already finds it; the test shows nothing", tt.query)
			}
		}
		dense, err := v.DenseSearch(ctx, Query{Text: tt.query, K: 1})
		if err != nil || len(dense) != 1 || dense[0].DocID != tt.want || dense[0].Score <= 0 {
			t.Fatalf("%q: dense %+v, %v", tt.query, dense, err)
		}
		other, _ := v.DenseSearch(ctx, Query{Text: tt.query, K: 3, DocIDs: []string{DocID("https://example.org/schools")}})
		if len(other) != 1 || other[0].DocID != DocID("https://example.org/schools") {
			t.Errorf("%q: filtered to one document, got %+v", tt.query, other)
		}
	}

	// A passage replaced takes its vector with it; the new one has none.
	mustPut(t, s, Document{Title: "Pumps", URL: "https://example.org/fuel", Text: "The mission's budget was cut in June."})
	if hits, _ := v.DenseSearch(ctx, Query{Text: "Was there a gasoline shortage?", K: 3}); len(hits) != 2 {
		t.Errorf("after the passage changed, %d hits with vectors, want 2", len(hits))
	}
	if m, _ := s.MissingVectors(ctx, v.Model()); m != 1 {
		t.Errorf("%d passages without vectors, want 1", m)
	}
}

// TestDenseSearchEndpointDownLoggedOnce: an endpoint that fails or does
// not answer within the query deadline makes dense search fail (brief then
// searches lexically), logged once for a run of failures, and once more
// when it answers again.
func TestDenseSearchEndpointDownLoggedOnce(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		model string
		delay time.Duration // the endpoint's, against the query deadline
	}{
		{"fails", "fail-model", 0},
		{"times out", "text-embedding-3-small", time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s := openTestStore(t)
			mustPut(t, s, Document{Title: "Schools", URL: "https://example.org/schools", Text: "Schools closed across the capital."})
			srv := openaitest.New(t)
			emb, err := embedding.New(embedding.Config{BaseURL: srv.URL, Model: tt.model, Dimensions: openaitest.SemanticDims, Retries: -1})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			// A deadline that a loopback answer meets on a loaded machine
			// (the recovery below must get through it), and a delay of a
			// minute never does.
			v := NewVectors(s, emb, 300*time.Millisecond, slog.New(slog.NewTextHandler(&buf, nil)))
			if tt.delay == 0 {
				if _, err := v.EmbedMissing(ctx, 8, nil); err == nil {
					t.Error("embedding with a failing endpoint gave no error")
				}
			} else if _, err := v.EmbedMissing(ctx, 8, nil); err != nil {
				t.Fatal(err)
			}
			srv.DelayEmbeddings(tt.delay)
			for range 3 {
				if _, err := v.DenseSearch(ctx, Query{Text: "schools"}); err == nil {
					t.Fatal("a failing endpoint gave no error")
				}
			}
			if n := strings.Count(buf.String(), "embeddings endpoint failed"); n != 1 {
				t.Errorf("logged %d times, want once:\n%s", n, buf.String())
			}
			if lex, err := s.Search(ctx, Query{Text: "schools"}); err != nil || len(lex) != 1 {
				t.Errorf("lexical search with the endpoint down: %v, %v", lex, err)
			}
			if tt.delay == 0 {
				return
			}
			srv.DelayEmbeddings(0)
			if hits, err := v.DenseSearch(ctx, Query{Text: "schools"}); err != nil || len(hits) != 1 {
				t.Fatalf("the endpoint back: %v, %v", hits, err)
			}
			if !strings.Contains(buf.String(), "answers again") {
				t.Errorf("the recovery is not logged:\n%s", buf.String())
			}
		})
	}
}

func TestVectorBlobRoundTrip(t *testing.T) {
	t.Parallel()
	in := []float32{1, -0.5, 3.25e-7, 0}
	out := make([]float32, len(in))
	if err := decodeVector(encodeVector(in), out); err != nil {
		t.Fatal(err)
	}
	for i := range in {
		if in[i] != out[i] {
			t.Fatalf("%v became %v", in, out)
		}
	}
	if decodeVector([]byte{1, 2, 3}, out) == nil {
		t.Error("a short blob decoded")
	}
}

func TestQuantize(t *testing.T) {
	t.Parallel()
	tests := [][]float32{
		{1, -0.5, 3.25e-7, 0},
		{0, 0, 0},
		{-0.9, 0.1, 0.3, -0.2, 0.05},
	}
	for _, v := range tests {
		q := make([]int8, len(v))
		scale := quantize(v, q)
		for j, x := range v {
			if d := float64(x) - float64(q[j])*float64(scale); d > float64(scale)/2+1e-9 || -d > float64(scale)/2+1e-9 {
				t.Errorf("%v: component %d came back as %v (scale %v)", v, j, float32(q[j])*scale, scale)
			}
		}
	}
}

// TestDenseSearchScoresExact: the int8 scan only picks candidates; the
// scores and order DenseSearch returns are the float32 vectors' own.
func TestDenseSearchScoresExact(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := openTestStore(t)
	texts := []string{
		"Petrol was scarce at the pumps of the capital in June.",
		"Schools closed across the capital after the clashes with gangs.",
		"Lapolis arete senk bandi nan Kafou.",
		"The council renewed the mandate of the mission for a year.",
	}
	for i, text := range texts {
		mustPut(t, s, Document{Title: "Report", URL: "https://example.org/" + string(rune('a'+i)), Text: text})
	}
	v := newTestVectors(t, s, "text-embedding-3-small", nil)
	if _, err := v.EmbedMissing(ctx, 8, nil); err != nil {
		t.Fatal(err)
	}
	const query = "Was there a gasoline shortage in the capital?"
	hits, err := v.DenseSearch(ctx, Query{Text: query, K: 4})
	if err != nil || len(hits) != 4 {
		t.Fatalf("%d hits: %v", len(hits), err)
	}
	q := openaitest.SemanticEmbed(query, openaitest.SemanticDims)
	for i, h := range hits {
		var blob []byte
		if err := s.db.QueryRowContext(ctx, `SELECT vec FROM passage_vectors WHERE passage_id = ? AND model = ?`, h.ID, v.Model()).Scan(&blob); err != nil {
			t.Fatal(err)
		}
		p := make([]float32, len(q))
		if err := decodeVector(blob, p); err != nil {
			t.Fatal(err)
		}
		var want float64
		for j := range q {
			want += float64(q[j]) * float64(p[j])
		}
		if math.Abs(h.Score-want) > 1e-6 {
			t.Errorf("hit %d %q: score %v, exact %v", i, h.Text, h.Score, want)
		}
		if i > 0 && h.Score > hits[i-1].Score {
			t.Errorf("hit %d scores above the one before it", i)
		}
	}
}
