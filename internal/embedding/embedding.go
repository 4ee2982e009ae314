// Package embedding turns text into vectors through any OpenAI-compatible
// /v1/embeddings endpoint (OpenAI, Azure, Ollama, vLLM): batched, retried
// with backoff on rate limits (waiting as long as the endpoint's
// Retry-After asks) and server errors, each call under a short deadline so
// a slow endpoint costs a question little.
package embedding

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// Config says which endpoint and model to use. Its values are taken as
// given: the defaults live in one place, config.Default, and cmd/bot copies
// the embeddings section here. The zero value of an optional field means
// "none", not a default of this package's; only Backoff, which no key
// sets, falls back to the client's own first wait.
type Config struct {
	BaseURL    string        // ends in /v1; empty: OpenAI's
	APIKey     string        // may be empty for a local server
	Model      string        // e.g. text-embedding-3-small; required (embeddings.model)
	Dimensions int           // asked of the model when > 0 (text-embedding-3 and later); 0: the model's own
	Batch      int           // texts per request; 0: each Embed call's texts in one request (its caller batches)
	Timeout    time.Duration // one request; 0: no deadline but the caller's
	Retries    int           // further attempts on 429 and 5xx; 0 (or less): none
	// Backoff is the first wait between attempts, doubled each time; 0:
	// defaultBackoff. It has no configuration key: it is how this client
	// retries, not a setting (tests shorten it).
	Backoff time.Duration
}

// defaultBackoff is the first wait between attempts when Config.Backoff
// is 0; a rate limit's Retry-After can lengthen it.
const defaultBackoff = 500 * time.Millisecond

// Client embeds texts. It is safe for concurrent use.
type Client struct {
	api   *openai.Client
	cfg   Config
	sleep func(ctx context.Context, d time.Duration) error // waits between attempts; tests watch it
}

// maxRetryAfter bounds the wait a rate limit may ask for: past it the
// batch fails (bot serve's background pass, or a rerun, goes on later).
const maxRetryAfter = time.Minute

// New makes a Client. It does not contact the endpoint. A value it needs
// and lacks, or one out of range, is an error naming the configuration key.
func New(cfg Config) (*Client, error) {
	var errs []error
	if cfg.Model == "" {
		errs = append(errs, errors.New("no model: set embeddings.model (env EMBEDDINGS_MODEL)"))
	}
	if cfg.Dimensions < 0 {
		errs = append(errs, fmt.Errorf("embeddings.dimensions is %d: must be 0 (the model's own) or more", cfg.Dimensions))
	}
	if cfg.Batch < 0 {
		errs = append(errs, fmt.Errorf("embeddings.batch is %d: must be more than 0", cfg.Batch))
	}
	if cfg.Timeout < 0 {
		errs = append(errs, fmt.Errorf("embeddings.timeout is %v: must be more than 0", cfg.Timeout))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("embedding: %w", err)
	}
	cfg.Retries = max(cfg.Retries, 0)
	if cfg.Backoff <= 0 {
		cfg.Backoff = defaultBackoff
	}
	oc := openai.DefaultConfig(cfg.APIKey)
	if cfg.BaseURL != "" {
		oc.BaseURL = cfg.BaseURL
	}
	oc.HTTPClient = &http.Client{Transport: retryAfterTransport{http.DefaultTransport}}
	return &Client{api: openai.NewClientWithConfig(oc), cfg: cfg, sleep: sleep}, nil
}

// Model names the vectors this client makes: the model and, when asked
// for, the dimension, since the same model cut to another length gives
// vectors that do not compare.
func (c *Client) Model() string {
	if c.cfg.Dimensions > 0 {
		return fmt.Sprintf("%s@%d", c.cfg.Model, c.cfg.Dimensions)
	}
	return c.cfg.Model
}

// Embed returns one unit-length vector per text, in order. Texts are sent
// in batches; a batch that fails after its retries fails the whole call.
func (c *Client) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	size := c.cfg.Batch
	if size == 0 {
		size = max(len(texts), 1)
	}
	out := make([][]float32, 0, len(texts))
	for start := 0; start < len(texts); start += size {
		batch := texts[start:min(start+size, len(texts))]
		vecs, err := c.embedBatch(ctx, batch)
		if err != nil {
			return nil, fmt.Errorf("embed %d texts with %s: %w", len(texts), c.cfg.Model, err)
		}
		out = append(out, vecs...)
	}
	return out, nil
}

func (c *Client) embedBatch(ctx context.Context, batch []string) ([][]float32, error) {
	backoff := c.cfg.Backoff
	for attempt := 0; ; attempt++ {
		var asked time.Duration // a rate limit's Retry-After
		vecs, err := c.call(context.WithValue(ctx, retryAfterKey{}, &asked), batch)
		if err == nil || attempt >= c.cfg.Retries || !retryable(err) || ctx.Err() != nil {
			return vecs, err
		}
		wait := max(backoff, asked)
		if asked > maxRetryAfter {
			return nil, fmt.Errorf("rate limited for %v: %w", asked, err)
		}
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait {
			// A question's embedding has seconds: waiting out the limit
			// would only spend them.
			return nil, fmt.Errorf("rate limited for %v, past the deadline: %w", wait, err)
		}
		if serr := c.sleep(ctx, wait); serr != nil {
			return nil, fmt.Errorf("%w (after %v)", serr, err)
		}
		backoff *= 2
	}
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// retryAfterKey holds, in a request's context, where retryAfterTransport
// writes the wait a 429 answer asks for (go-openai's errors do not carry
// the headers).
type retryAfterKey struct{}

type retryAfterTransport struct{ base http.RoundTripper }

func (t retryAfterTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(req)
	if err == nil && resp.StatusCode == http.StatusTooManyRequests {
		if p, ok := req.Context().Value(retryAfterKey{}).(*time.Duration); ok {
			*p = retryAfter(resp.Header, time.Now())
		}
	}
	return resp, err
}

// retryAfter reads how long a rate-limited answer asks the client to wait:
// OpenAI's retry-after-ms, else Retry-After in seconds or as an HTTP date;
// 0 when it says nothing.
func retryAfter(h http.Header, now time.Time) time.Duration {
	if ms, err := strconv.ParseFloat(h.Get("Retry-After-Ms"), 64); err == nil && ms > 0 {
		return time.Duration(ms * float64(time.Millisecond))
	}
	v := h.Get("Retry-After")
	if secs, err := strconv.ParseFloat(v, 64); err == nil && secs > 0 {
		return time.Duration(secs * float64(time.Second))
	}
	if at, err := http.ParseTime(v); err == nil && at.After(now) {
		return at.Sub(now)
	}
	return 0
}

func (c *Client) call(ctx context.Context, batch []string) ([][]float32, error) {
	if c.cfg.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.cfg.Timeout)
		defer cancel()
	}
	resp, err := c.api.CreateEmbeddings(ctx, openai.EmbeddingRequestStrings{
		Input: batch, Model: openai.EmbeddingModel(c.cfg.Model), Dimensions: c.cfg.Dimensions,
	})
	if err != nil {
		return nil, err
	}
	if len(resp.Data) != len(batch) {
		return nil, fmt.Errorf("endpoint returned %d vectors for %d texts", len(resp.Data), len(batch))
	}
	out := make([][]float32, len(batch))
	dim := 0
	for _, d := range resp.Data {
		if d.Index < 0 || d.Index >= len(batch) || out[d.Index] != nil {
			return nil, fmt.Errorf("endpoint returned a vector for index %d", d.Index)
		}
		if dim == 0 {
			dim = len(d.Embedding)
		}
		if len(d.Embedding) == 0 || len(d.Embedding) != dim {
			return nil, fmt.Errorf("endpoint returned vectors of %d and %d dimensions", dim, len(d.Embedding))
		}
		out[d.Index] = normalize(d.Embedding)
	}
	return out, nil
}

// retryable reports a failure that may pass: a rate limit, a server error,
// a request that timed out or a connection that broke.
func retryable(err error) bool {
	var apiErr *openai.APIError
	if errors.As(err, &apiErr) {
		return apiErr.HTTPStatusCode == http.StatusTooManyRequests || apiErr.HTTPStatusCode >= 500
	}
	var reqErr *openai.RequestError
	if errors.As(err, &reqErr) {
		return reqErr.HTTPStatusCode == http.StatusTooManyRequests || reqErr.HTTPStatusCode >= 500
	}
	// No status: the network or our per-request deadline. The caller's
	// own deadline is checked before retrying.
	return true
}

// normalize scales v to unit length so a dot product is a cosine; models
// differ in whether they do it themselves.
func normalize(v []float32) []float32 {
	var n float64
	for _, x := range v {
		n += float64(x) * float64(x)
	}
	if n == 0 {
		return v
	}
	inv := float32(1 / math.Sqrt(n))
	for i := range v {
		v[i] *= inv
	}
	return v
}
