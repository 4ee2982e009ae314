package brief

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// Message is one chat message for a language model.
type Message struct {
	Role    string // "system", "user" or "assistant"
	Content string
}

// ChatModel writes the assistant's reply to a conversation. When onText is
// not nil the reply is streamed and onText receives the whole text so far
// each time it grows. Errors other than a cancelled context are
// *ModelError values carrying a short reason for readers.
type ChatModel interface {
	Chat(ctx context.Context, msgs []Message, onText func(text string)) (string, error)
}

// ModelError is a language model call that failed, after any retries.
type ModelError struct {
	Reason   string // short and readable, e.g. "rate limited (HTTP 429)"
	Attempts int
	Err      error
}

func (e *ModelError) Error() string {
	if e.Attempts > 1 {
		return fmt.Sprintf("%s (after %d attempts)", e.Reason, e.Attempts)
	}
	return e.Reason
}

func (e *ModelError) Unwrap() error { return e.Err }

// OpenAIChat is a ChatModel backed by any OpenAI-compatible chat completions
// endpoint (OpenAI, Azure OpenAI, Ollama, vLLM, ...). Each attempt has its
// own timeout; timeouts, 429, 5xx, dropped connections and malformed
// replies are retried with backoff, honouring Retry-After.
type OpenAIChat struct {
	client      *openai.Client
	model       string
	maxTokens   int
	temperature float32
	timeout     time.Duration
	attempts    int
	backoff     time.Duration // first wait between attempts; doubles
	maxBackoff  time.Duration
	maxWait     time.Duration // the longest Retry-After we will sit out
	log         *slog.Logger
	reasoning   bool // the model takes max_completion_tokens and no temperature
}

// OpenAIOption adjusts an OpenAIChat.
type OpenAIOption func(*openAISettings)

type openAISettings struct {
	backoff, maxBackoff time.Duration
	maxWait             time.Duration
	log                 *slog.Logger
}

// WithBackoff sets the first wait between attempts (it doubles each time,
// with jitter, up to max). Tests make it tiny.
func WithBackoff(first, max time.Duration) OpenAIOption {
	return func(s *openAISettings) { s.backoff, s.maxBackoff = first, max }
}

// WithMaxRetryAfter sets the longest Retry-After the client waits out; a
// server asking for more ends the call.
func WithMaxRetryAfter(d time.Duration) OpenAIOption {
	return func(s *openAISettings) { s.maxWait = d }
}

// WithLogger sets where retries are logged.
func WithLogger(l *slog.Logger) OpenAIOption {
	return func(s *openAISettings) { s.log = l }
}

// OpenAIConfig is the endpoint and model an OpenAIChat talks to; cmd/bot
// fills it from the configuration's llm section. The error messages name
// that section's keys, as they are what a reader would fix.
type OpenAIConfig struct {
	BaseURL         string        // empty: OpenAI itself (required for azure)
	Model           string        // required
	APIType         string        // "openai" (or empty) or "azure"
	AzureAPIVersion string        // empty: go-openai's default
	Timeout         time.Duration // one attempt; 0: 60 s
	MaxTokens       int
	Temperature     float32
	Retries         int // attempts after the first; negative counts as 0
}

// NewOpenAIChat makes a client for cfg with the API key (which may be
// empty for local servers).
func NewOpenAIChat(cfg OpenAIConfig, apiKey string, opts ...OpenAIOption) (*OpenAIChat, error) {
	set := openAISettings{backoff: 500 * time.Millisecond, maxBackoff: 8 * time.Second, maxWait: 30 * time.Second}
	for _, o := range opts {
		o(&set)
	}
	if set.log == nil {
		set.log = slog.New(slog.DiscardHandler)
	}
	var oc openai.ClientConfig
	switch cfg.APIType {
	case "", "openai":
		oc = openai.DefaultConfig(apiKey)
		if cfg.BaseURL != "" {
			oc.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
		}
	case "azure":
		if cfg.BaseURL == "" {
			return nil, errors.New("llm: azure needs the resource URL: set llm.base_url or OPENAI_BASE_URL")
		}
		oc = openai.DefaultAzureConfig(apiKey, strings.TrimRight(cfg.BaseURL, "/"))
		if cfg.AzureAPIVersion != "" {
			oc.APIVersion = cfg.AzureAPIVersion
		}
	default:
		return nil, fmt.Errorf("llm.api_type: %q is not one of openai, azure", cfg.APIType)
	}
	if cfg.Model == "" {
		return nil, errors.New("llm.model: must name a model (or set OPENAI_MODEL)")
	}
	oc.HTTPClient = &http.Client{Transport: retryAfterTransport{base: http.DefaultTransport}}

	timeout := cfg.Timeout
	if timeout <= 0 {
		timeout = 60 * time.Second
	}
	c := &OpenAIChat{
		client: openai.NewClientWithConfig(oc), model: cfg.Model, maxTokens: cfg.MaxTokens,
		temperature: cfg.Temperature, timeout: timeout, attempts: 1 + max(cfg.Retries, 0),
		backoff: set.backoff, maxBackoff: set.maxBackoff, maxWait: set.maxWait, log: set.log,
	}
	// Reasoning models refuse max_tokens and temperature; go-openai checks
	// this before sending, so find out now rather than on every question.
	if openai.NewReasoningValidator().Validate(c.request(nil)) != nil {
		c.reasoning = true
		if err := openai.NewReasoningValidator().Validate(c.request(nil)); err != nil {
			return nil, fmt.Errorf("llm.model %s: %w", cfg.Model, err)
		}
	}
	return c, nil
}

// Model returns the model name requests ask for.
func (c *OpenAIChat) Model() string { return c.model }

func (c *OpenAIChat) request(msgs []Message) openai.ChatCompletionRequest {
	req := openai.ChatCompletionRequest{Model: c.model}
	if c.reasoning {
		req.MaxCompletionTokens = c.maxTokens
	} else {
		// Many OpenAI-compatible servers (Ollama, vLLM, older Azure
		// versions) know only max_tokens.
		//lint:ignore SA1019 max_completion_tokens is not understood everywhere
		req.MaxTokens = c.maxTokens
		req.Temperature = c.temperature
	}
	for _, m := range msgs {
		req.Messages = append(req.Messages, openai.ChatCompletionMessage{Role: m.Role, Content: m.Content})
	}
	return req
}

// Chat implements ChatModel.
func (c *OpenAIChat) Chat(ctx context.Context, msgs []Message, onText func(string)) (string, error) {
	req := c.request(msgs)
	for attempt := 1; ; attempt++ {
		note := &retryAfterNote{}
		actx, cancel := context.WithTimeout(context.WithValue(ctx, retryAfterKey{}, note), c.timeout)
		text, shown, err := c.once(actx, req, onText)
		timedOut := errors.Is(actx.Err(), context.DeadlineExceeded)
		cancel()
		if err == nil {
			return text, nil
		}
		if ctx.Err() != nil {
			return "", ctx.Err() // the caller gave up: stop at once
		}
		f := classify(err, timedOut, c.timeout)
		if !f.retry || attempt >= c.attempts || shown {
			// Text already shown is not retried: a reader would see it
			// start over.
			return "", &ModelError{Reason: f.reason, Attempts: attempt, Err: err}
		}
		wait := c.backoffFor(attempt)
		if ra, ok := note.delay(time.Now()); ok {
			if ra > c.maxWait {
				return "", &ModelError{Reason: fmt.Sprintf("%s; the server asked to wait %s", f.reason, ra.Round(time.Second)), Attempts: attempt, Err: err}
			}
			wait = ra
		}
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait {
			return "", &ModelError{Reason: f.reason, Attempts: attempt, Err: err}
		}
		c.log.Warn("language model call failed; retrying", "model", c.model, "attempt", attempt, "reason", f.reason, "wait", wait)
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return "", ctx.Err()
		}
	}
}

// errMalformed marks a reply that parsed but made no sense.
var errMalformed = errors.New("malformed response")

// once makes one attempt; shown reports whether onText saw any text.
func (c *OpenAIChat) once(ctx context.Context, req openai.ChatCompletionRequest, onText func(string)) (text string, shown bool, err error) {
	if onText == nil {
		resp, err := c.client.CreateChatCompletion(ctx, req)
		if err != nil {
			return "", false, err
		}
		if len(resp.Choices) == 0 {
			return "", false, fmt.Errorf("%w: no choices", errMalformed)
		}
		ch := resp.Choices[0]
		if ch.FinishReason == openai.FinishReasonContentFilter {
			return "", false, errContentFilter
		}
		if ch.FinishReason == openai.FinishReasonLength {
			return "", false, ErrLengthLimit
		}
		if strings.TrimSpace(ch.Message.Content) == "" {
			return "", false, fmt.Errorf("%w: empty answer", errMalformed)
		}
		return ch.Message.Content, false, nil
	}
	req.Stream = true
	stream, err := c.client.CreateChatCompletionStream(ctx, req)
	if err != nil {
		return "", false, err
	}
	defer stream.Close()
	var b strings.Builder
	finished := false
	for {
		resp, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", shown, err
		}
		for _, ch := range resp.Choices {
			if ch.Index != 0 {
				continue
			}
			if ch.FinishReason == openai.FinishReasonContentFilter {
				return "", shown, errContentFilter
			}
			if ch.Delta.Content != "" {
				b.WriteString(ch.Delta.Content)
				onText(b.String())
				shown = true
			}
			switch ch.FinishReason {
			case openai.FinishReasonLength:
				return "", shown, ErrLengthLimit
			case "":
			default:
				finished = true
			}
		}
	}
	if !finished {
		// go-openai reports a stream that stops without [DONE] as a clean
		// EOF; without a finish_reason the answer may be cut mid-sentence.
		return "", shown, ErrStreamCut
	}
	if strings.TrimSpace(b.String()) == "" {
		return "", shown, fmt.Errorf("%w: empty answer", errMalformed)
	}
	return b.String(), shown, nil
}

var errContentFilter = errors.New("content filter")

// Truncated answers: never shown as complete.
var (
	ErrLengthLimit = errors.New("the answer was cut off by the length limit")
	ErrStreamCut   = errors.New("the answer stream ended before its end marker")
)

// failure is what went wrong with one attempt, for readers and for the
// retry decision.
type failure struct {
	reason string
	retry  bool
}

func classify(err error, timedOut bool, timeout time.Duration) failure {
	status, msg := 0, ""
	var apiErr *openai.APIError
	var reqErr *openai.RequestError
	switch {
	case errors.As(err, &apiErr):
		status, msg = apiErr.HTTPStatusCode, apiErr.Message
	case errors.As(err, &reqErr):
		status = reqErr.HTTPStatusCode
		msg = strings.TrimSpace(string(reqErr.Body))
	}
	msg = shorten(msg, 120)
	var netErr net.Error
	var syntaxErr *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case timedOut || status == http.StatusRequestTimeout || (errors.As(err, &netErr) && netErr.Timeout()):
		return failure{fmt.Sprintf("timed out after %s", timeout.Round(time.Millisecond)), true}
	case status == http.StatusTooManyRequests:
		return failure{"rate limited (HTTP 429)", true}
	case status >= 500:
		return failure{fmt.Sprintf("server error (HTTP %d)", status), true}
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		return failure{fmt.Sprintf("not authorised (HTTP %d): check OPENAI_API_KEY", status), false}
	case status >= 400:
		if msg == "" {
			msg = http.StatusText(status)
		}
		return failure{fmt.Sprintf("request refused (HTTP %d): %s", status, msg), false}
	case errors.Is(err, ErrLengthLimit), errors.Is(err, ErrStreamCut):
		// The caller retries with a shorter budget; the same request again
		// would be cut again.
		return failure{err.Error(), false}
	case errors.Is(err, errContentFilter):
		return failure{"the answer was stopped by the provider's content filter", false}
	case apiErr != nil:
		// An error event inside a stream: the server failed mid-answer.
		return failure{"server error: " + msg, true}
	case errors.Is(err, errMalformed), errors.As(err, &syntaxErr), errors.As(err, &typeErr),
		errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, openai.ErrTooManyEmptyStreamMessages):
		return failure{"malformed response", true}
	}
	return failure{"connection failed: " + shorten(err.Error(), 120), true}
}

func (c *OpenAIChat) backoffFor(attempt int) time.Duration {
	d := c.backoff << (attempt - 1)
	if d > c.maxBackoff || d <= 0 {
		d = c.maxBackoff
	}
	if d <= 1 {
		return d
	}
	// Full jitter in [d/2, d]: clients that failed together retry apart.
	return d/2 + rand.N(d/2+1)
}

func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// go-openai's errors do not carry response headers, so a transport wrapper
// notes Retry-After into a slot the caller put in the request's context:
// per call, with no shared state.
type retryAfterKey struct{}

type retryAfterNote struct {
	mu    sync.Mutex
	value string
}

func (n *retryAfterNote) set(v string) {
	n.mu.Lock()
	n.value = v
	n.mu.Unlock()
}

// delay parses the noted Retry-After: seconds, or an HTTP date.
func (n *retryAfterNote) delay(now time.Time) (time.Duration, bool) {
	n.mu.Lock()
	v := strings.TrimSpace(n.value)
	n.mu.Unlock()
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseFloat(v, 64); err == nil && secs >= 0 && secs < 1e6 {
		return time.Duration(secs * float64(time.Second)), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

type retryAfterTransport struct{ base http.RoundTripper }

func (t retryAfterTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(req)
	if resp != nil {
		if n, ok := req.Context().Value(retryAfterKey{}).(*retryAfterNote); ok {
			n.set(resp.Header.Get("Retry-After"))
		}
	}
	return resp, err
}
