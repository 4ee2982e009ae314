package brief

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/openaitest"
)

var hello = []Message{{Role: "system", Content: "Be brief."}, {Role: "user", Content: "Hello"}}

func TestOpenAIChatPlainAndStreamed(t *testing.T) {
	srv := openaitest.New(t)
	srv.RequireKey("test-key")
	m := newModel(t, llmConfig(srv))
	srv.Enqueue(openaitest.Reply{Content: "Hi there."}, openaitest.Reply{Content: "Hi there, again."})
	got, err := m.Chat(context.Background(), hello, nil)
	if err != nil || got != "Hi there." {
		t.Fatalf("Chat = %q, %v", got, err)
	}
	var seen []string
	got, err = m.Chat(context.Background(), hello, func(s string) { seen = append(seen, s) })
	if err != nil || got != "Hi there, again." {
		t.Fatalf("streamed Chat = %q, %v", got, err)
	}
	if want := []string{"Hi ", "Hi there, ", "Hi there, again."}; strings.Join(seen, "|") != strings.Join(want, "|") {
		t.Errorf("partials %q, want %q", seen, want)
	}
	reqs := srv.ChatRequests()
	if len(reqs) != 2 || reqs[0].Stream || !reqs[1].Stream {
		t.Fatalf("requests %+v", reqs)
	}
	r := reqs[0]
	if r.Header.Get("Authorization") != "Bearer test-key" || r.Path != "/v1/chat/completions" ||
		len(r.Messages) != 2 || r.Messages[0] != (openaitest.Message{Role: "system", Content: "Be brief."}) {
		t.Errorf("request %s auth %q messages %+v", r.Path, r.Header.Get("Authorization"), r.Messages)
	}
}

func TestOpenAIChatAzure(t *testing.T) {
	srv := openaitest.New(t)
	cfg := llmConfig(srv)
	cfg.APIType, cfg.BaseURL, cfg.AzureAPIVersion = "azure", srv.Root, "2024-06-01"
	m := newModel(t, cfg)
	if _, err := m.Chat(context.Background(), hello, nil); err != nil {
		t.Fatal(err)
	}
	r := srv.ChatRequests()[0]
	if r.Path != "/openai/deployments/gpt-4o-mini/chat/completions" || r.Query != "api-version=2024-06-01" || r.Header.Get("api-key") != "test-key" {
		t.Errorf("azure request %s?%s api-key %q", r.Path, r.Query, r.Header.Get("api-key"))
	}
	cfg.BaseURL = ""
	if _, err := NewOpenAIChat(cfg, "k"); err == nil || !strings.Contains(err.Error(), "OPENAI_BASE_URL") {
		t.Errorf("azure without a URL: %v", err)
	}
	cfg.APIType = "anthropic"
	if _, err := NewOpenAIChat(cfg, "k"); err == nil || !strings.Contains(err.Error(), "llm.api_type") {
		t.Errorf("unknown api type: %v", err)
	}
}

func TestOpenAIChatReasoningModel(t *testing.T) {
	srv := openaitest.New(t)
	cfg := llmConfig(srv)
	cfg.Model = "o3-mini"
	m := newModel(t, cfg)
	if _, err := m.Chat(context.Background(), hello, nil); err != nil {
		t.Fatal(err)
	}
	r := srv.ChatRequests()[0]
	if r.MaxCompletionTokens != cfg.MaxTokens || r.MaxTokens != 0 || r.Temperature != nil {
		t.Errorf("reasoning model sent max_tokens %d max_completion_tokens %d temperature %v", r.MaxTokens, r.MaxCompletionTokens, r.Temperature)
	}
}

func TestOpenAIChatErrors(t *testing.T) {
	srv := openaitest.New(t)
	srv.Enqueue(openaitest.Reply{Status: 503}, openaitest.Reply{Status: 503})
	cfg := llmConfig(srv)
	cfg.Retries = 1
	_, err := newModel(t, cfg).Chat(context.Background(), hello, nil)
	var me *ModelError
	if !errors.As(err, &me) || me.Attempts != 2 || me.Reason != "server error (HTTP 503)" || err.Error() != "server error (HTTP 503) (after 2 attempts)" {
		t.Fatalf("err = %v (%#v)", err, me)
	}

	// A stream that broke after text was shown is not retried: the reader
	// would see it start over.
	srv.Enqueue(openaitest.Reply{Body: "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Half\"}}]}\n\ndata: {broken\n\n"})
	_, err = newModel(t, cfg).Chat(context.Background(), hello, func(string) {})
	if !errors.As(err, &me) || me.Attempts != 1 || me.Reason != "malformed response" {
		t.Fatalf("broken stream: %v", err)
	}

	// Nothing listening.
	dead := openaitest.New(t)
	cfg = llmConfig(dead)
	cfg.Retries = 0
	dead.Close()
	_, err = newModel(t, cfg).Chat(context.Background(), hello, nil)
	if !errors.As(err, &me) || !strings.HasPrefix(me.Reason, "connection failed") {
		t.Fatalf("dead server: %v", err)
	}
}

func TestRetryAfterParsing(t *testing.T) {
	now := time.Date(2025, 11, 20, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		value string
		want  time.Duration
		ok    bool
	}{
		{"", 0, false},
		{"0", 0, true},
		{"2", 2 * time.Second, true},
		{"1.5", 1500 * time.Millisecond, true},
		{now.Add(30 * time.Second).Format(http.TimeFormat), 30 * time.Second, true},
		{now.Add(-time.Minute).Format(http.TimeFormat), 0, true},
		{"soon", 0, false},
		{"-3", 0, false},
		{"Inf", 0, false},
	}
	for _, tt := range tests {
		n := &retryAfterNote{}
		n.set(tt.value)
		got, ok := n.delay(now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Retry-After %q = %v, %v; want %v, %v", tt.value, got, ok, tt.want, tt.ok)
		}
	}
}

func TestBackoffGrowsAndIsBounded(t *testing.T) {
	c := &OpenAIChat{backoff: 100 * time.Millisecond, maxBackoff: time.Second}
	for attempt, max := range []time.Duration{100 * time.Millisecond, 200 * time.Millisecond, 400 * time.Millisecond, 800 * time.Millisecond, time.Second, time.Second} {
		for range 20 {
			if d := c.backoffFor(attempt + 1); d < max/2 || d > max {
				t.Fatalf("attempt %d waited %v, want within [%v, %v]", attempt+1, d, max/2, max)
			}
		}
	}
}

func TestModelDeadlineAndTruncationFallBack(t *testing.T) {
	t.Parallel()
	const deadline = 2 * time.Second
	tests := []struct {
		name     string
		replies  []openaitest.Reply
		stream   bool
		mode     Mode
		requests int
		note     string
	}{
		{"hang", []openaitest.Reply{{Hang: true}, {Hang: true}, {Hang: true}, {Hang: true}}, false, ModeExtractive, 1, "the language model did not answer within 2 s"},
		{"length limit twice", []openaitest.Reply{{Content: "Kenya leads [1]", FinishReason: "length"}, {Content: "Kenya [1]", FinishReason: "length"}}, false, ModeExtractive, 2, "cut off by the length limit"},
		{"stream cut twice", []openaitest.Reply{{Content: "Kenya leads [1]", Cut: true}, {Content: "Kenya [1]", Cut: true}}, true, ModeExtractive, 2, "ended before its end marker"},
		{"length limit then brief", []openaitest.Reply{{Content: "Kenya leads [1]", FinishReason: "length"}, {Content: "Kenya leads the mission [1]."}}, false, ModeLLM, 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := openaitest.New(t)
			srv.Enqueue(tt.replies...)
			lc := llmConfig(srv)
			lc.Timeout = time.Minute // only the question's deadline can end a hang
			cfg := testAnswererConfig()
			cfg.Deadline = deadline
			a, err := New(openFixtureStore(t), newModel(t, lc), cfg)
			if err != nil {
				t.Fatal(err)
			}
			req := Request{Question: "Who leads the Haiti security mission?"}
			if tt.stream {
				req.OnPartial = func(string) {}
			}
			start := time.Now()
			ans, err := a.Answer(context.Background(), req)
			took := time.Since(start)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: answered in %s", tt.name, took.Round(time.Millisecond))
			if took > deadline+5*time.Second {
				t.Errorf("took %s, want within %s", took, deadline+5*time.Second)
			}
			if ans.Mode != tt.mode || !strings.Contains(ans.Note, tt.note) {
				t.Fatalf("mode %s note %q, want %s saying %q", ans.Mode, ans.Note, tt.mode, tt.note)
			}
			if tt.requests > 1 && len(srv.ChatRequests()) != tt.requests {
				t.Errorf("%d requests, want %d", len(srv.ChatRequests()), tt.requests)
			}
			if tt.requests == 2 && !strings.Contains(srv.ChatRequests()[1].LastUser(), "cut off") {
				t.Errorf("retry did not ask for a brief answer")
			}
		})
	}
}
