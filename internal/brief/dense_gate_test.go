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

// TestDenseGateAnswers asks questions whose answer only the dense list
// finds (a paraphrase, Haitian Creole): the relevance gate reads words, so
// without the dense gate they were abstained on. Questions the corpus does
// not answer are still abstained on, and with the endpoint failing or
// timing out the answers are the lexical ones.
func TestDenseGateAnswers(t *testing.T) {
	ctx := context.Background()
	store, err := corpus.Open(ctx, filepath.Join(t.TempDir(), "g.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	for u, text := range map[string]string{
		"https://example.org/fuel":   "Petrol was scarce at the pumps of the capital in June.",
		"https://example.org/ht":     "Lapolis arete senk bandi nan Kafou.",
		"https://example.org/school": "Schools closed across the capital after the clashes with gangs.",
		"https://example.org/budget": "Kenya pledged funding for the mission budget in 2025.",
	} {
		if _, err := store.Put(ctx, corpus.Document{Title: "Report", URL: u, Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	answerer := func(srv *openaitest.Server, model string, deadline time.Duration) *Answerer {
		emb, err := embedding.New(embedding.Config{BaseURL: srv.URL, Model: model, Dimensions: openaitest.SemanticDims, Retries: -1})
		if err != nil {
			t.Fatal(err)
		}
		v := corpus.NewVectors(store, emb, deadline, nil)
		if _, err := v.EmbedMissing(ctx, 8, nil); err != nil && model != "fail-model" {
			t.Fatal(err)
		}
		a, err := New(v, nil, AnswererConfig{})
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	lexical, err := New(store, nil, AnswererConfig{})
	if err != nil {
		t.Fatal(err)
	}
	hybrid, down := answerer(openaitest.New(t), "text-embedding-3-small", 10*time.Second), answerer(openaitest.New(t), "fail-model", 10*time.Second)
	slowSrv := openaitest.New(t)
	slow := answerer(slowSrv, "text-embedding-3-small", 50*time.Millisecond)
	slowSrv.DelayEmbeddings(time.Minute)

	tests := []struct {
		question      string
		want          string // the document the hybrid answer cites; "": abstains
		lexicalAnswer bool
	}{
		{"Was there a fuel shortage?", "https://example.org/fuel", false},            // paraphrase
		{"Did the police arrest any gangsters?", "https://example.org/ht", false},    // Haitian Creole
		{"Did schools close after the clashes?", "https://example.org/school", true}, // words already do
		{"When did the airport reopen?", "", false},                                  // not in the corpus
		{"Was there a flood in the capital?", "", false},                             // a word in common only
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			lex, err := lexical.Answer(ctx, Request{Question: tt.question})
			if err != nil {
				t.Fatal(err)
			}
			if answered := lex.Mode != ModeAbstained; answered != tt.lexicalAnswer {
				t.Fatalf("lexical answered: %v (%q), want %v", answered, lex.Text, tt.lexicalAnswer)
			}
			ans, err := hybrid.Answer(ctx, Request{Question: tt.question})
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case tt.want == "" && ans.Mode != ModeAbstained:
				t.Errorf("hybrid answered %q (%s), want an abstention", ans.Text, ans.Mode)
			case tt.want != "" && (ans.Mode == ModeAbstained || len(ans.Citations) == 0 || ans.Citations[0].DocID != corpus.DocID(tt.want)):
				t.Errorf("hybrid: %s %q (%s), citations %+v; want %s cited", ans.Mode, ans.Text, ans.Note, ans.Citations, tt.want)
			}
			for name, a := range map[string]*Answerer{"endpoint failing": down, "endpoint timing out": slow} {
				fallback, err := a.Answer(ctx, Request{Question: tt.question})
				if err != nil || fallback.Mode != lex.Mode || fallback.Text != lex.Text {
					t.Errorf("%s: %s %q, %v; want the lexical %s %q", name, fallback.Mode, fallback.Text, err, lex.Mode, lex.Text)
				}
			}
		})
	}
}
