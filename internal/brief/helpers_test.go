package brief

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/config"
	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/lexicon"
	"github.com/mss-brief/briefbot/internal/openaitest"
)

// testNow pins the clock of answer tests.
var testNow = time.Date(2025, 11, 20, 9, 0, 0, 0, time.UTC)

// openBundledStore returns a store holding the bundled briefing notes.
func openBundledStore(t testing.TB) *corpus.Store {
	t.Helper()
	st := openEmptyStore(t)
	if n, err := st.LoadBundled(context.Background()); err != nil || n == 0 {
		t.Fatalf("LoadBundled: %d, %v", n, err)
	}
	return st
}

func openEmptyStore(t testing.TB) *corpus.Store {
	t.Helper()
	st, err := corpus.Open(context.Background(), filepath.Join(t.TempDir(), "brief.db"),
		corpus.WithAnalyzer(lexicon.New(config.Default().Topic.Aliases)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// testAnswererConfig is the default configuration's, as cmd/bot copies it.
// openStoreWith opens an empty store holding docs.
func openStoreWith(t testing.TB, docs ...corpus.Document) *corpus.Store {
	t.Helper()
	st := openEmptyStore(t)
	for _, d := range docs {
		if _, err := st.Put(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

func testAnswererConfig() AnswererConfig {
	d := config.Default()
	return AnswererConfig{
		Topic: d.Topic.Name, Description: d.Topic.Description, Aliases: d.Topic.Aliases, Examples: d.Topic.Examples,
		K: d.Answer.K, MinScore: d.Answer.MinScore, Deadline: d.LLM.Deadline,
		Now: func() time.Time { return testNow },
	}
}

// newExtractive returns an Answerer with no language model.
func newExtractive(t testing.TB, st Searcher) *Answerer {
	t.Helper()
	a, err := New(st, nil, testAnswererConfig())
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// llmConfig is the llm section tests use against the fake server.
func llmConfig(srv *openaitest.Server) OpenAIConfig {
	d := config.Default().LLM
	return OpenAIConfig{
		BaseURL: srv.URL, Model: "gpt-4o-mini", APIType: d.APIType, AzureAPIVersion: d.AzureAPIVersion,
		Timeout: 5 * time.Second, MaxTokens: d.MaxTokens, Temperature: d.Temperature, Retries: 2,
	}
}

// newModel makes an OpenAIChat against the fake with waits short enough
// for tests.
func newModel(t testing.TB, c OpenAIConfig, opts ...OpenAIOption) *OpenAIChat {
	t.Helper()
	m, err := NewOpenAIChat(c, "test-key", append([]OpenAIOption{WithBackoff(time.Millisecond, 5*time.Millisecond)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// newWithModel returns an Answerer writing through the fake server.
func newWithModel(t testing.TB, st Searcher, srv *openaitest.Server, opts ...OpenAIOption) *Answerer {
	t.Helper()
	a, err := New(st, newModel(t, llmConfig(srv), opts...), testAnswererConfig())
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// askAnswered asks q and fails the test unless it is answered (or, for
// answered false, abstained on) as wanted; it returns the answer.
func askAnswered(t testing.TB, a *Answerer, q string, answered bool) Answer {
	t.Helper()
	ans, err := a.Answer(context.Background(), Request{Question: q})
	if err != nil {
		t.Fatal(err)
	}
	if got := ans.Mode != ModeAbstained; got != answered {
		t.Errorf("%q: answered = %v (mode %s, note %q), want %v: %q", q, got, ans.Mode, ans.Note, answered, ans.Text)
	}
	return ans
}

// mustRetrieve retrieves q's passages, failing the test when none come.
func mustRetrieve(t testing.TB, a *Answerer, q string) retrieval {
	t.Helper()
	r, err := a.retrieve(context.Background(), Request{Question: q})
	if err != nil || len(r.hits) == 0 {
		t.Fatalf("retrieval: %v, %d hits", err, len(r.hits))
	}
	return r
}
