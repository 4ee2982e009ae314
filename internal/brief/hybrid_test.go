package brief

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/embedding"
	"github.com/mss-brief/briefbot/internal/openaitest"
)

func TestHybridRetrieval(t *testing.T) {
	ctx := context.Background()
	store, err := corpus.Open(ctx, filepath.Join(t.TempDir(), "h.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	docs := map[string]string{
		"https://example.org/fuel":   "Petrol was scarce at the pumps of the capital in June.",
		"https://example.org/ht":     "Lapolis arete senk bandi nan Kafou.",
		"https://example.org/school": "Schools closed across the capital after the clashes with gangs.",
		"https://example.org/budget": "Kenya pledged funding for the mission budget in 2025.",
	}
	for u, text := range docs {
		if _, err := store.Put(ctx, corpus.Document{Title: "Report", URL: u, Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	srv := openaitest.New(t)
	vectors := func(model string) *corpus.Vectors {
		emb, err := embedding.New(embedding.Config{BaseURL: srv.URL, Model: model, Dimensions: openaitest.SemanticDims, Retries: -1})
		if err != nil {
			t.Fatal(err)
		}
		return corpus.NewVectors(store, emb, time.Second, nil)
	}
	hybrid := vectors("text-embedding-3-small")
	if _, err := hybrid.EmbedMissing(ctx, 2, nil); err != nil {
		t.Fatal(err)
	}
	lexical, _ := New(store, nil, AnswererConfig{})
	both, _ := New(hybrid, nil, AnswererConfig{})
	down, _ := New(vectors("fail-model"), nil, AnswererConfig{})

	has := func(hits []corpus.Hit, url string) bool {
		for _, h := range hits {
			if h.DocID == corpus.DocID(url) {
				return true
			}
		}
		return false
	}
	tests := []struct {
		question, want string
		lexicalFinds   bool
	}{
		{"Was there a benzine shortage?", "https://example.org/fuel", false},                       // paraphrase (not "gasoline": WordNet knows it is petrol)
		{"How many suspects did the police arrest?", "https://example.org/ht", false},              // Haitian Creole
		{"Who pledged funding for the mission budget?", "https://example.org/budget", true},        // lexical keeps its find
		{"Which schools closed after the clashes with gangs?", "https://example.org/school", true}, // and its first place
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			lex, err := lexical.Retrieve(ctx, Request{Question: tt.question}, 2)
			if err != nil {
				t.Fatal(err)
			}
			if has(lex, tt.want) != tt.lexicalFinds {
				t.Fatalf("lexical found it: %v, want %v", has(lex, tt.want), tt.lexicalFinds)
			}
			hyb, err := both.Retrieve(ctx, Request{Question: tt.question}, 2)
			if err != nil || !has(hyb, tt.want) {
				t.Fatalf("hybrid %v, %v: misses %s", hyb, err, tt.want)
			}
			if tt.lexicalFinds && (len(lex) == 0 || hyb[0].ID != lex[0].ID) {
				t.Errorf("hybrid's first %s, lexical's %v", hyb[0].DocID, lex)
			}
			fallback, err := down.Retrieve(ctx, Request{Question: tt.question}, 2)
			if err != nil || len(fallback) != len(lex) || (len(lex) > 0 && fallback[0].ID != lex[0].ID) {
				t.Errorf("endpoint down: %v, %v; want the lexical %v", fallback, err, lex)
			}
		})
	}
}
