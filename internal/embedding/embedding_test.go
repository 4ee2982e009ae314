package embedding

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
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
		{"server down, no retries", "fail-model", 0, true, 1},
		{"server down, retries below 0: none", "fail-model", -1, true, 1},
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
}

// New takes its values as given (the defaults are config.Default's): what
// it needs and lacks, or cannot use, is an error naming the key to set.
func TestNewNamesTheMissingKey(t *testing.T) {
	tests := []struct {
		cfg  Config
		want []string
	}{
		{Config{}, []string{"embeddings.model", "EMBEDDINGS_MODEL"}},
		{Config{Model: "m", Dimensions: -1}, []string{"embeddings.dimensions"}},
		{Config{Model: "m", Batch: -2, Timeout: -time.Second}, []string{"embeddings.batch", "embeddings.timeout"}},
	}
	for _, tt := range tests {
		_, err := New(tt.cfg)
		if err == nil {
			t.Errorf("New(%+v): no error", tt.cfg)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("New(%+v): %v, want it to name %s", tt.cfg, err, w)
			}
		}
	}
	if _, err := New(Config{Model: "m"}); err != nil {
		t.Errorf("a model alone: %v", err)
	}
}

// Batch 0 sends each call's texts in one request, and Timeout 0 bounds a
// request by the caller's context alone: neither is replaced by a value of
// the client's own.
func TestZeroBatchAndTimeoutAreNone(t *testing.T) {
	srv := openaitest.New(t)
	c, err := New(Config{BaseURL: srv.URL, Model: "text-embedding-3-small", Dimensions: openaitest.SemanticDims})
	if err != nil {
		t.Fatal(err)
	}
	texts := make([]string, 100) // more than any batch size a default would pick
	for i := range texts {
		texts[i] = "passage " + strconv.Itoa(i)
	}
	vecs, err := c.Embed(context.Background(), texts)
	if err != nil || len(vecs) != len(texts) {
		t.Fatalf("%d vectors, %v", len(vecs), err)
	}
	if n := len(srv.Requests()); n != 1 {
		t.Errorf("%d requests for one call with batch 0, want 1", n)
	}
	if c.cfg.Timeout != 0 || c.cfg.Batch != 0 || c.cfg.Retries != 0 {
		t.Errorf("config after New %+v: zero values replaced", c.cfg)
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
