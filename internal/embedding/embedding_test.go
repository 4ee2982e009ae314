package embedding

import (
	"context"
	"errors"
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
