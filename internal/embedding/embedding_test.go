package embedding

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/mss-brief/briefbot/internal/openaitest"
)

func TestEmbedBatchesAndRetries(t *testing.T) {
	tests := []struct {
		name      string
		model     string
		retries   int
		wantErr   bool
		wantCalls int
	}{
		{"batches of two", "text-embedding-3-small", 0, false, 3},
		{"server down, retried then failed", "fail-model", 2, true, 3},
		{"server down, no retries", "fail-model", -1, true, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := openaitest.New(t)
			c, err := New(Config{BaseURL: srv.URL, Model: tt.model, Dimensions: openaitest.SemanticDims, Batch: 2,
				Retries: tt.retries, Backoff: time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			vecs, err := c.Embed(context.Background(), []string{"a police officer", "lapolis", "schools", "lekòl", "gangs"})
			if got := len(srv.Requests()); got != tt.wantCalls {
				t.Errorf("%d requests, want %d", got, tt.wantCalls)
			}
			if tt.wantErr {
				var apiErr *openai.APIError
				if !errors.As(err, &apiErr) || apiErr.HTTPStatusCode != 503 {
					t.Fatalf("error %v, want a wrapped 503", err)
				}
				return
			}
			if err != nil || len(vecs) != 5 || len(vecs[0]) != openaitest.SemanticDims {
				t.Fatalf("%d vectors, %v", len(vecs), err)
			}
			for i, in := range []string{"a police officer", "lapolis"} {
				want := openaitest.SemanticEmbed(in, openaitest.SemanticDims)
				for j := range want {
					if d := want[j] - vecs[i][j]; d > 1e-6 || d < -1e-6 {
						t.Fatalf("vector %d is not the text's, in order", i)
					}
				}
			}
			if c.Model() != tt.model+"@256" {
				t.Errorf("model %q", c.Model())
			}
		})
	}
}

func TestEmbedDeadline(t *testing.T) {
	srv := openaitest.New(t)
	c, _ := New(Config{BaseURL: srv.URL, Model: "m", Timeout: 50 * time.Millisecond, Retries: -1})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Embed(ctx, []string{"x"}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled call: %v", err)
	}
	if _, err := New(Config{}); err == nil {
		t.Fatal("a client without a model")
	}
}

// TestEmbedRateLimited: a 429's Retry-After sets the wait before the next
// attempt (the backoff when it asks for less); a wait beyond maxRetryAfter,
// or past the caller's deadline, fails the call at once instead.
func TestEmbedRateLimited(t *testing.T) {
	tests := []struct {
		name      string
		after     time.Duration // the fake's Retry-After
		deadline  time.Duration // the caller's; 0: none
		wantWaits []time.Duration
		wantErr   bool
	}{
		{"waits as asked", 3 * time.Second, 0, []time.Duration{3 * time.Second}, false},
		{"asks for nothing: backoff", 0, 0, []time.Duration{time.Millisecond}, false},
		{"asks too long", 2 * maxRetryAfter, 0, nil, true},
		{"past the deadline", 5 * time.Second, time.Second, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := openaitest.New(t)
			srv.LimitEmbeddings(1, tt.after)
			c, err := New(Config{BaseURL: srv.URL, Model: "text-embedding-3-small", Dimensions: openaitest.SemanticDims,
				Retries: 2, Backoff: time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			var waits []time.Duration
			c.sleep = func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil }
			ctx := context.Background()
			if tt.deadline > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tt.deadline)
				defer cancel()
			}
			vecs, err := c.Embed(ctx, []string{"fuel"})
			if (err != nil) != tt.wantErr || !tt.wantErr && len(vecs) != 1 {
				t.Fatalf("%d vectors, %v; want an error: %v", len(vecs), err, tt.wantErr)
			}
			if !slices.Equal(waits, tt.wantWaits) {
				t.Errorf("waited %v, want %v", waits, tt.wantWaits)
			}
			if want := 1 + len(tt.wantWaits); len(srv.Requests()) != want {
				t.Errorf("%d requests, want %d", len(srv.Requests()), want)
			}
		})
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		header map[string]string
		want   time.Duration
	}{
		{map[string]string{"Retry-After-Ms": "1500", "Retry-After": "2"}, 1500 * time.Millisecond},
		{map[string]string{"Retry-After": "7"}, 7 * time.Second},
		{map[string]string{"Retry-After": now.Add(20 * time.Second).Format(http.TimeFormat)}, 20 * time.Second},
		{map[string]string{"Retry-After": now.Add(-time.Minute).Format(http.TimeFormat)}, 0},
		{map[string]string{"Retry-After": "soon"}, 0},
		{nil, 0},
	}
	for _, tt := range tests {
		h := http.Header{}
		for k, v := range tt.header {
			h.Set(k, v)
		}
		if got := retryAfter(h, now); got != tt.want {
			t.Errorf("%v: %v, want %v", tt.header, got, tt.want)
		}
	}
}
