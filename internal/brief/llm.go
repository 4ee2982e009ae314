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
	"sync/atomic"
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
	obs         ModelObserver
	// noStreamUsage is set once the server refused stream_options (older
	// Azure API versions do): streamed calls then go without token counts.
	noStreamUsage atomic.Bool
}

// OpenAIOption adjusts an OpenAIChat.
type OpenAIOption func(*openAISettings)

type openAISettings struct {
	backoff, maxBackoff time.Duration
	maxWait             time.Duration
	log                 *slog.Logger
	obs                 ModelObserver
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

// WithObserver sets who is told of each call (metrics).
func WithObserver(o ModelObserver) OpenAIOption {
	return func(s *openAISettings) { s.obs = o }
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
	Timeout         time.Duration // one attempt; 0: none of its own
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

	timeout := max(cfg.Timeout, 0) // as given: the default is the configuration's
	c := &OpenAIChat{
		client: openai.NewClientWithConfig(oc), model: cfg.Model, maxTokens: cfg.MaxTokens,
		temperature: cfg.Temperature, timeout: timeout, attempts: 1 + max(cfg.Retries, 0),
		backoff: set.backoff, maxBackoff: set.maxBackoff, maxWait: set.maxWait, log: set.log, obs: set.obs,
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

// withTimeout is context.WithTimeout where d > 0, else only a cancel: a
// zero timeout or deadline is none of its own, not one already passed.
func withTimeout(ctx context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	if d <= 0 {
		return context.WithCancel(ctx)
	}
	return context.WithTimeout(ctx, d)
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
	call := ModelCall{Model: c.model, Streamed: onText != nil}
	start := time.Now()
	text, err := c.chat(ctx, msgs, onText, &call)
	if c.obs != nil {
		call.Took = time.Since(start)
		if err != nil && call.Failure == "" {
			call.Failure = "cancelled"
		}
		c.obs.ModelCall(call)
	}
	return text, err
}

// chat is Chat with its retries; call gathers what the observer is told.
func (c *OpenAIChat) chat(ctx context.Context, msgs []Message, onText func(string), call *ModelCall) (string, error) {
	req := c.request(msgs)
	for attempt := 1; ; attempt++ {
		call.Attempts = attempt
		note := &retryAfterNote{}
		actx, cancel := withTimeout(context.WithValue(ctx, retryAfterKey{}, note), c.timeout)
		text, shown, usage, err := c.once(actx, req, onText)
		timedOut := errors.Is(actx.Err(), context.DeadlineExceeded)
		cancel()
		call.PromptTokens += usage.PromptTokens
		call.CompletionTokens += usage.CompletionTokens
		if err == nil {
			call.Failure = "" // an earlier attempt's failure was retried
			return text, nil
		}
		if ctx.Err() != nil {
			return "", ctx.Err() // the caller gave up: stop at once
		}
		if onText != nil && !shown && c.refusedStreamUsage(err) {
			attempt-- // the same request without stream_options, at once
			continue
		}
		f := classify(err, timedOut, c.timeout)
		call.Failure = f.kind
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

// refusedStreamUsage reads a refusal of stream_options and remembers it.
func (c *OpenAIChat) refusedStreamUsage(err error) bool {
	var apiErr *openai.APIError
	var reqErr *openai.RequestError
	msg := ""
	switch {
	case errors.As(err, &apiErr) && apiErr.HTTPStatusCode == http.StatusBadRequest:
		msg = apiErr.Message
	case errors.As(err, &reqErr) && reqErr.HTTPStatusCode == http.StatusBadRequest:
		msg = string(reqErr.Body)
	}
	if !strings.Contains(msg, "stream_options") || c.noStreamUsage.Swap(true) {
		return false
	}
	c.log.Info("the language model server refused stream_options: streamed answers are sent without token counts", "model", c.model)
	return true
}

// once makes one attempt; shown reports whether onText saw any text, usage
// the tokens the server counted (zero when it did not say).
func (c *OpenAIChat) once(ctx context.Context, req openai.ChatCompletionRequest, onText func(string)) (text string, shown bool, usage openai.Usage, err error) {
	if onText == nil {
		resp, err := c.client.CreateChatCompletion(ctx, req)
		if err != nil {
			return "", false, usage, err
		}
		usage = resp.Usage
		if len(resp.Choices) == 0 {
			return "", false, usage, fmt.Errorf("%w: no choices", errMalformed)
		}
		ch := resp.Choices[0]
		if ch.FinishReason == openai.FinishReasonContentFilter {
			return "", false, usage, errContentFilter
		}
		if ch.FinishReason == openai.FinishReasonLength {
			return "", false, usage, ErrLengthLimit
		}
		if strings.TrimSpace(ch.Message.Content) == "" {
			return "", false, usage, fmt.Errorf("%w: empty answer", errMalformed)
		}
		return ch.Message.Content, false, usage, nil
	}
	req.Stream = true
	if !c.noStreamUsage.Load() {
		// The token counts come in a last chunk of their own.
		req.StreamOptions = &openai.StreamOptions{IncludeUsage: true}
	}
	stream, err := c.client.CreateChatCompletionStream(ctx, req)
	if err != nil {
		return "", false, usage, err
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
			return "", shown, usage, err
		}
		if resp.Usage != nil {
			usage = *resp.Usage
		}
		for _, ch := range resp.Choices {
			if ch.Index != 0 {
				continue
			}
			if ch.FinishReason == openai.FinishReasonContentFilter {
				return "", shown, usage, errContentFilter
			}
			if ch.Delta.Content != "" {
				b.WriteString(ch.Delta.Content)
				onText(b.String())
				shown = true
			}
			switch ch.FinishReason {
			case openai.FinishReasonLength:
				return "", shown, usage, ErrLengthLimit
			case "":
			default:
				finished = true
			}
		}
	}
	if !finished {
		// go-openai reports a stream that stops without [DONE] as a clean
		// EOF; without a finish_reason the answer may be cut mid-sentence.
		return "", shown, usage, ErrStreamCut
	}
	if strings.TrimSpace(b.String()) == "" {
		return "", shown, usage, fmt.Errorf("%w: empty answer", errMalformed)
	}
	return b.String(), shown, usage, nil
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
	kind   string // a short fixed name, for metrics: "timeout", "rate_limited", ...
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
		return failure{fmt.Sprintf("timed out after %s", timeout.Round(time.Millisecond)), true, "timeout"}
	case status == http.StatusTooManyRequests:
		return failure{"rate limited (HTTP 429)", true, "rate_limited"}
	case status >= 500:
		return failure{fmt.Sprintf("server error (HTTP %d)", status), true, "server_error"}
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		return failure{fmt.Sprintf("not authorised (HTTP %d): check OPENAI_API_KEY", status), false, "unauthorised"}
	case status >= 400:
		if msg == "" {
			msg = http.StatusText(status)
		}
		return failure{fmt.Sprintf("request refused (HTTP %d): %s", status, msg), false, "refused"}
	case errors.Is(err, ErrLengthLimit), errors.Is(err, ErrStreamCut):
		// The caller retries with a shorter budget; the same request again
		// would be cut again.
		return failure{err.Error(), false, "cut_off"}
	case errors.Is(err, errContentFilter):
		return failure{"the answer was stopped by the provider's content filter", false, "content_filter"}
	case apiErr != nil:
		// An error event inside a stream: the server failed mid-answer.
		return failure{"server error: " + msg, true, "server_error"}
	case errors.Is(err, errMalformed), errors.As(err, &syntaxErr), errors.As(err, &typeErr),
		errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, openai.ErrTooManyEmptyStreamMessages):
		return failure{"malformed response", true, "malformed"}
	}
	return failure{"connection failed: " + shorten(err.Error(), 120), true, "connection"}
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
