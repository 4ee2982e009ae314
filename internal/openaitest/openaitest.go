// Package openaitest is a fake OpenAI-compatible API server for tests. It
// speaks the real wire protocol over httptest: POST /v1/chat/completions
// (plain JSON, or server-sent events when the request says "stream": true),
// POST /v1/embeddings and GET /v1/models. Azure-style paths
// (/openai/deployments/{name}/chat/completions) are answered too.
//
// Replies are scripted: a queue of Reply values is used first, then a
// handler function, then a default reply. Every request is recorded with its
// decoded body so tests can assert on what a client sent.
package openaitest

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
)

// Message is one chat message as the client sent it.
type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

// Request is one request the server received, decoded.
type Request struct {
	Method string
	Path   string // URL path, e.g. /v1/chat/completions
	Query  string // raw query, e.g. api-version=2024-06-01 for Azure
	Header http.Header
	Body   []byte    // raw body
	At     time.Time // when it arrived

	// Chat completions.
	Model               string
	Messages            []Message
	Stream              bool
	StreamUsage         bool // stream_options.include_usage: the counts come in a last chunk
	MaxTokens           int
	MaxCompletionTokens int
	Temperature         *float64 // nil when the client left it out

	// Embeddings.
	Input []string
}

// Kind says which endpoint a request went to.
func (r Request) Kind() string {
	switch {
	case strings.HasSuffix(r.Path, "/chat/completions") && isRewrite(r):
		return "rewrite" // answered by the fake itself (semantic.go)
	case strings.HasSuffix(r.Path, "/chat/completions"):
		return "chat"
	case strings.HasSuffix(r.Path, "/embeddings"):
		return "embeddings"
	case strings.HasSuffix(r.Path, "/models"):
		return "models"
	}
	return ""
}

// System returns the content of the request's system messages, joined.
func (r Request) System() string {
	var parts []string
	for _, m := range r.Messages {
		if m.Role == "system" {
			parts = append(parts, m.Content)
		}
	}
	return strings.Join(parts, "\n")
}

// LastUser returns the content of the last user message.
func (r Request) LastUser() string {
	for i := len(r.Messages) - 1; i >= 0; i-- {
		if r.Messages[i].Role == "user" {
			return r.Messages[i].Content
		}
	}
	return ""
}

// Reply scripts one response. The zero value is a 200 with DefaultContent.
type Reply struct {
	// Status is the HTTP status; 0 means 200. A status of 400 or more
	// answers with an OpenAI error object carrying Error (or the status
	// text) unless Body is set.
	Status int
	// RetryAfter, when set, is sent as the Retry-After header.
	RetryAfter string
	// Content is the assistant's text for chat completions.
	Content string
	// Chunks is how a streamed reply is cut; when nil, Content is cut into
	// words (each with its trailing space).
	Chunks []string
	// Body, when set, is written verbatim instead of a generated body (for
	// malformed JSON or a broken event stream), with Status.
	Body string
	// Error is the message of the error object for failure statuses.
	Error string
	// Delay is waited before answering; a request cancelled meanwhile gets
	// no answer.
	Delay time.Duration
	// ChunkDelay is waited between streamed chunks.
	ChunkDelay time.Duration
	// FinishReason of the choice; "stop" when empty.
	FinishReason string
	// Hang makes the server never answer: it waits until the client goes
	// away (a model that hangs).
	Hang bool
	// Cut ends a streamed reply after its chunks without a finish_reason
	// and without the final [DONE] (a stream that broke off).
	Cut bool
}

// DefaultContent is what the assistant says when nothing else was scripted.
const DefaultContent = "This is the fake model's answer [1]."

// Server is a running fake. Its methods are safe for concurrent use.
type Server struct {
	// URL is the base URL to give a client, ending in /v1 (what
	// openai.DefaultConfig's BaseURL expects).
	URL string
	// Root is the server's root URL without /v1 (for Azure configs).
	Root string

	srv *httptest.Server

	mu         sync.Mutex
	queue      []Reply
	handler    func(Request) Reply
	fallback   Reply
	apiKey     string
	limited    int           // embeddings requests still to refuse with 429
	limitWait  time.Duration // the Retry-After they ask for
	embedDelay time.Duration
	models     []string
	requests   []Request
	arrivals   chan Request
}

// New starts a fake server and closes it when the test ends.
func New(tb testing.TB) *Server {
	tb.Helper()
	s := &Server{
		fallback: Reply{Content: DefaultContent},
		models:   []string{"gpt-4o-mini", "text-embedding-3-small"},
		arrivals: make(chan Request, 1024),
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.Root = s.srv.URL
	s.URL = s.srv.URL + "/v1"
	tb.Cleanup(s.Close)
	return s
}

// Close stops the server; it is safe to call more than once.
func (s *Server) Close() {
	s.srv.CloseClientConnections()
	s.srv.Close()
}

// Enqueue adds replies to be used, in order, by the next chat requests.
func (s *Server) Enqueue(replies ...Reply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.queue = append(s.queue, replies...)
}

// Handle sets a function that makes the reply to each chat request once the
// queue is empty.
func (s *Server) Handle(fn func(Request) Reply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.handler = fn
}

// SetDefault sets the reply used when neither queue nor handler applies.
func (s *Server) SetDefault(r Reply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fallback = r
}

// LimitEmbeddings makes the next n embeddings requests fail with 429 Too
// Many Requests (a rate limit), asking with Retry-After (whole seconds)
// for retryAfter's wait; 0 asks for none.
func (s *Server) LimitEmbeddings(n int, retryAfter time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.limited += n
	s.limitWait = retryAfter
}

// DelayEmbeddings makes every embeddings request wait d before it is
// answered (an endpoint that times out, for d beyond the client's
// deadline); a request given up meanwhile gets no answer.
func (s *Server) DelayEmbeddings(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.embedDelay = d
}

// RequireKey makes every request without "Authorization: Bearer key" (or
// Azure's "api-key: key") fail with 401.
func (s *Server) RequireKey(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.apiKey = key
}

// Requests returns every request received so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// ChatRequests returns the chat completion requests received so far.
func (s *Server) ChatRequests() []Request {
	var out []Request
	for _, r := range s.Requests() {
		if r.Kind() == "chat" {
			out = append(out, r)
		}
	}
	return out
}

// Arrivals delivers each request as it arrives (before any Delay), so a
// test can act while the server is still answering. Requests beyond the
// channel's buffer of 1024 unread ones are not delivered here, but are still
// recorded.
func (s *Server) Arrivals() <-chan Request { return s.arrivals }

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeError(w, http.StatusBadRequest, "could not read body: "+err.Error())
		return
	}
	req := Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Header: r.Header.Clone(), Body: body, At: time.Now()}
	kind := req.Kind()
	if kind == "chat" || kind == "embeddings" {
		if r.Method != http.MethodPost {
			writeError(w, http.StatusMethodNotAllowed, "use POST")
			return
		}
		if err := decodeBody(&req, body); err != nil {
			s.record(req)
			writeError(w, http.StatusBadRequest, "invalid JSON body: "+err.Error())
			return
		}
	}
	s.record(req)

	s.mu.Lock()
	key := s.apiKey
	s.mu.Unlock()
	if key != "" && r.Header.Get("Authorization") != "Bearer "+key && r.Header.Get("api-key") != key {
		writeError(w, http.StatusUnauthorized, "Incorrect API key provided.")
		return
	}

	switch kind {
	case "chat":
		s.chat(w, r, req)
	case "embeddings":
		s.mu.Lock()
		limited, delay, after := s.limited > 0, s.embedDelay, s.limitWait
		if limited {
			s.limited--
		}
		s.mu.Unlock()
		if !wait(r, delay) {
			return
		}
		if limited {
			w.Header().Set("Retry-After", strconv.Itoa(int(after/time.Second)))
			writeError(w, http.StatusTooManyRequests, "Rate limit reached for requests")
			return
		}
		semanticEmbeddings(w, req)
	case "models":
		s.listModels(w)
	default:
		writeError(w, http.StatusNotFound, "unknown path "+r.URL.Path)
	}
}

func (s *Server) record(req Request) {
	s.mu.Lock()
	s.requests = append(s.requests, req)
	s.mu.Unlock()
	select {
	case s.arrivals <- req:
	default:
	}
}

func decodeBody(req *Request, body []byte) error {
	var raw struct {
		Model         string    `json:"model"`
		Messages      []Message `json:"messages"`
		Stream        bool      `json:"stream"`
		StreamOptions *struct {
			IncludeUsage bool `json:"include_usage"`
		} `json:"stream_options"`
		MaxTokens           int             `json:"max_tokens"`
		MaxCompletionTokens int             `json:"max_completion_tokens"`
		Temperature         *float64        `json:"temperature"`
		Input               json.RawMessage `json:"input"`
	}
	if err := json.Unmarshal(body, &raw); err != nil {
		return err
	}
	req.Model, req.Messages, req.Stream = raw.Model, raw.Messages, raw.Stream
	req.StreamUsage = raw.StreamOptions != nil && raw.StreamOptions.IncludeUsage
	req.MaxTokens, req.MaxCompletionTokens, req.Temperature = raw.MaxTokens, raw.MaxCompletionTokens, raw.Temperature
	if len(raw.Input) > 0 {
		var one string
		if err := json.Unmarshal(raw.Input, &one); err == nil {
			req.Input = []string{one}
		} else if err := json.Unmarshal(raw.Input, &req.Input); err != nil {
			return fmt.Errorf("input must be a string or a list of strings: %w", err)
		}
	}
	return nil
}

// next picks the reply for a chat request.
func (s *Server) next(req Request) Reply {
	s.mu.Lock()
	if len(s.queue) > 0 {
		r := s.queue[0]
		s.queue = s.queue[1:]
		s.mu.Unlock()
		return r
	}
	h, fallback := s.handler, s.fallback
	s.mu.Unlock()
	if h != nil {
		return h(req) // unlocked: the handler may call back into the server
	}
	return fallback
}

func (s *Server) chat(w http.ResponseWriter, r *http.Request, req Request) {
	rep, ok := rewriteReply(req)
	if !ok {
		rep = s.next(req)
	}
	if rep.Hang {
		<-r.Context().Done()
		return
	}
	if !wait(r, rep.Delay) {
		return
	}
	if rep.RetryAfter != "" {
		w.Header().Set("Retry-After", rep.RetryAfter)
	}
	status := rep.Status
	if status == 0 {
		status = http.StatusOK
	}
	if rep.Body != "" {
		if req.Stream && status < 400 {
			w.Header().Set("Content-Type", "text/event-stream")
		} else {
			w.Header().Set("Content-Type", "application/json")
		}
		w.WriteHeader(status)
		io.WriteString(w, rep.Body)
		return
	}
	if status >= 400 {
		msg := rep.Error
		if msg == "" {
			msg = http.StatusText(status)
		}
		writeError(w, status, msg)
		return
	}
	finish := rep.FinishReason
	if finish == "" {
		finish = "stop"
	}
	model := req.Model
	if model == "" {
		model = "fake-model"
	}
	created := time.Now().Unix()
	if !req.Stream {
		writeJSON(w, status, map[string]any{
			"id": "chatcmpl-fake", "object": "chat.completion", "created": created, "model": model,
			"choices": []any{map[string]any{
				"index":         0,
				"message":       map[string]any{"role": "assistant", "content": rep.Content},
				"finish_reason": finish,
			}},
			"usage": map[string]any{"prompt_tokens": countWords(req.Messages), "completion_tokens": len(strings.Fields(rep.Content)),
				"total_tokens": countWords(req.Messages) + len(strings.Fields(rep.Content))},
		})
		return
	}
	chunks := rep.Chunks
	if chunks == nil {
		chunks = splitWords(rep.Content)
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	flusher, _ := w.(http.Flusher)
	send := func(delta map[string]any, finishReason any) {
		data, _ := json.Marshal(map[string]any{
			"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": created, "model": model,
			"choices": []any{map[string]any{"index": 0, "delta": delta, "finish_reason": finishReason}},
		})
		fmt.Fprintf(w, "data: %s\n\n", data)
		if flusher != nil {
			flusher.Flush()
		}
	}
	send(map[string]any{"role": "assistant", "content": ""}, nil)
	for i, c := range chunks {
		if i > 0 && !wait(r, rep.ChunkDelay) {
			return
		}
		send(map[string]any{"content": c}, nil)
	}
	if rep.Cut {
		return
	}
	send(map[string]any{}, finish)
	if req.StreamUsage {
		// As OpenAI sends it: no choices, the whole call's counts.
		data, _ := json.Marshal(map[string]any{
			"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": created, "model": model, "choices": []any{},
			"usage": map[string]any{"prompt_tokens": countWords(req.Messages), "completion_tokens": len(strings.Fields(rep.Content)),
				"total_tokens": countWords(req.Messages) + len(strings.Fields(rep.Content))},
		})
		fmt.Fprintf(w, "data: %s\n\n", data)
	}
	io.WriteString(w, "data: [DONE]\n\n")
	if flusher != nil {
		flusher.Flush()
	}
}

// wait sleeps for d unless the client goes away first; it reports whether
// the server should still answer.
func wait(r *http.Request, d time.Duration) bool {
	if d <= 0 {
		return r.Context().Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
		return false
	}
}

func splitWords(s string) []string {
	var out []string
	start := 0
	for i, r := range s {
		if r == ' ' && i+1 < len(s) && s[i+1] != ' ' {
			out = append(out, s[start:i+1])
			start = i + 1
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

func countWords(msgs []Message) int {
	n := 0
	for _, m := range msgs {
		n += len(strings.Fields(m.Content))
	}
	return n
}

// EmbeddingDims is the length of the fake's embedding vectors.
const EmbeddingDims = 64

// Embed returns the fake's vector for text: a normalised bag of hashed
// words, so that texts sharing words get similar vectors, and the same text
// always gets the same vector.
func Embed(text string) []float32 {
	v := make([]float64, EmbeddingDims)
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	}) {
		h := fnv.New64a()
		h.Write([]byte(w))
		sum := h.Sum64()
		sign := 1.0
		if sum&(1<<63) != 0 {
			sign = -1
		}
		v[sum%EmbeddingDims] += sign
	}
	var norm float64
	for _, x := range v {
		norm += x * x
	}
	out := make([]float32, EmbeddingDims)
	if norm == 0 {
		out[0] = 1 // empty text still gets a unit vector
		return out
	}
	norm = math.Sqrt(norm)
	for i, x := range v {
		out[i] = float32(x / norm)
	}
	return out
}

// writeEmbeddings answers an embeddings request with embed's vector of
// each input, in order.
func writeEmbeddings(w http.ResponseWriter, req Request, embed func(string) []float32) {
	data := make([]any, len(req.Input))
	tokens := 0
	for i, in := range req.Input {
		data[i] = map[string]any{"object": "embedding", "index": i, "embedding": embed(in)}
		tokens += len(strings.Fields(in))
	}
	model := req.Model
	if model == "" {
		model = "text-embedding-3-small"
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"object": "list", "data": data, "model": model,
		"usage": map[string]any{"prompt_tokens": tokens, "total_tokens": tokens},
	})
}

func (s *Server) listModels(w http.ResponseWriter) {
	s.mu.Lock()
	names := append([]string(nil), s.models...)
	s.mu.Unlock()
	data := make([]any, len(names))
	for i, n := range names {
		data[i] = map[string]any{"id": n, "object": "model", "created": 1700000000, "owned_by": "openaitest"}
	}
	writeJSON(w, http.StatusOK, map[string]any{"object": "list", "data": data})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	typ := "invalid_request_error"
	switch {
	case status == http.StatusTooManyRequests:
		typ = "rate_limit_exceeded"
	case status >= 500:
		typ = "server_error"
	}
	writeJSON(w, status, map[string]any{"error": map[string]any{"message": msg, "type": typ, "param": nil, "code": nil}})
}
