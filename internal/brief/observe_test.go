package brief

import (
	"context"
	"sync"
	"testing"

	"github.com/mss-brief/briefbot/internal/openaitest"
)

// seen is a ModelObserver that keeps what it is told.
type seen struct {
	mu        sync.Mutex
	calls     []ModelCall
	fallbacks []string
}

func (s *seen) ModelCall(c ModelCall) { s.mu.Lock(); s.calls = append(s.calls, c); s.mu.Unlock() }
func (s *seen) ModelFallback(r string) {
	s.mu.Lock()
	s.fallbacks = append(s.fallbacks, r)
	s.mu.Unlock()
}

func TestModelObserver(t *testing.T) {
	const question = "Who leads the Haiti security mission?"
	ok := openaitest.Reply{Content: "Kenya leads the mission [1]."}
	tests := []struct {
		name      string
		replies   []openaitest.Reply
		stream    bool
		failure   string
		attempts  int
		tokens    bool
		fallbacks []string
		requests  int
	}{
		{"answered", []openaitest.Reply{ok}, false, "", 1, true, nil, 1},
		{"streamed", []openaitest.Reply{ok}, true, "", 1, true, nil, 1},
		// A server that does not know stream_options is asked again
		// without it, at once and not as a retry.
		{"stream usage refused", []openaitest.Reply{{Status: 400, Error: "Unrecognized request argument supplied: stream_options"}, ok}, true, "", 1, false, nil, 2},
		{"retried", []openaitest.Reply{{Status: 500}, ok}, false, "", 2, true, nil, 2},
		{"refused", []openaitest.Reply{{Status: 401}}, false, "unauthorised", 1, false, []string{FallbackModelFailed}, 1},
		{"rejected", []openaitest.Reply{{Content: "Kenya leads the mission [7]."}}, false, "", 1, true, []string{FallbackRejected}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := openaitest.New(t)
			for _, r := range tt.replies {
				srv.Enqueue(r)
			}
			obs := &seen{}
			cfg := testAnswererConfig()
			cfg.Observer = obs
			a, err := New(openFixtureStore(t), newModel(t, llmConfig(srv), WithObserver(obs)), cfg)
			if err != nil {
				t.Fatal(err)
			}
			req := Request{Question: question}
			if tt.stream {
				req.OnPartial = func(string) {}
			}
			if _, err := a.Answer(context.Background(), req); err != nil {
				t.Fatal(err)
			}
			if n := len(srv.ChatRequests()); n != tt.requests {
				t.Errorf("%d requests, want %d", n, tt.requests)
			}
			if len(obs.calls) != 1 {
				t.Fatalf("calls = %+v, want one", obs.calls)
			}
			c := obs.calls[0]
			if c.Model != "gpt-4o-mini" || c.Streamed != tt.stream || c.Failure != tt.failure || c.Attempts != tt.attempts || c.Took <= 0 {
				t.Errorf("call = %+v, want failure %q after %d attempts", c, tt.failure, tt.attempts)
			}
			if got := c.PromptTokens > 0 && c.CompletionTokens > 0; got != tt.tokens {
				t.Errorf("tokens %d + %d, want counted: %v", c.PromptTokens, c.CompletionTokens, tt.tokens)
			}
			if len(obs.fallbacks) != len(tt.fallbacks) || (len(tt.fallbacks) > 0 && obs.fallbacks[0] != tt.fallbacks[0]) {
				t.Errorf("fallbacks = %q, want %q", obs.fallbacks, tt.fallbacks)
			}
		})
	}
}
