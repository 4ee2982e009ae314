// Package slacktest is a fake Slack for tests: the Web API methods the bot
// uses, response_url endpoints and a Socket Mode websocket, all over
// httptest and speaking the real wire protocol (form or JSON requests,
// `ok`/`error` envelopes, 429 with Retry-After). It records what it is sent,
// can be told to fail, and offers wait helpers so tests never sleep.
package slacktest

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Defaults for the fake workspace.
const (
	BotToken      = "xoxb-fake-bot-token"
	AppToken      = "xapp-fake-app-token"
	SigningSecret = "fake-signing-secret"
	TeamID        = "T0FAKE"
	BotUserID     = "UBOTFAKE"
	BotID         = "BBOTFAKE"
)

// Message is a message the fake holds: posted by the bot, seeded by a test
// or sent to a response_url.
type Message struct {
	Seq       int64           // order among everything the fake recorded
	At        time.Time       // when the fake recorded it
	Method    string          // chat.postMessage, chat.postEphemeral, chat.update, response_url, seed
	Channel   string          //
	TS        string          // assigned by the fake (seeded messages bring their own)
	ThreadTS  string          //
	User      string          // author (seeded) or recipient (ephemeral)
	BotID     string          // set on the bot's own messages
	Text      string          // fallback text
	Blocks    json.RawMessage // as sent; nil when none
	Metadata  *Metadata       // message metadata, when sent
	Params    url.Values      // every parameter as received (JSON bodies flattened)
	Deleted   bool            //
	Edits     int             // chat.update calls applied
	URLID     string          // response_url posts: which URL
	Response  ResponseOptions // response_url posts: the flags
	Ephemeral bool            //
}

// BlockText is every text in the message's blocks (section, context,
// header and button texts, in order), joined by newlines: what a reader
// sees, in Slack's markup.
func (m Message) BlockText() string {
	var v any
	if json.Unmarshal(m.Blocks, &v) != nil {
		return ""
	}
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if t, ok := x["text"].(string); ok {
				out = append(out, t)
			}
			for _, k := range slices.Sorted(maps.Keys(x)) {
				if k != "text" || !isString(x[k]) {
					walk(x[k])
				}
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	return strings.Join(out, "\n")
}

func isString(v any) bool { _, ok := v.(string); return ok }

// ActionValues maps the action_id of each button in the blocks to its value.
func (m Message) ActionValues() map[string]string {
	var blocks []struct {
		Elements []struct {
			Type     string `json:"type"`
			ActionID string `json:"action_id"`
			Value    string `json:"value"`
		} `json:"elements"`
	}
	out := map[string]string{}
	if json.Unmarshal(m.Blocks, &blocks) != nil {
		return out
	}
	for _, b := range blocks {
		for _, e := range b.Elements {
			if e.Type == "button" {
				out[e.ActionID] = e.Value
			}
		}
	}
	return out
}

// Metadata is Slack message metadata.
type Metadata struct {
	EventType    string         `json:"event_type"`
	EventPayload map[string]any `json:"event_payload"`
}

// ResponseOptions are the flags of a response_url post.
type ResponseOptions struct {
	ResponseType    string `json:"response_type"`
	ReplaceOriginal bool   `json:"replace_original"`
	DeleteOriginal  bool   `json:"delete_original"`
}

// Reaction is one reactions.add or reactions.remove call.
type Reaction struct {
	Seq       int64
	Added     bool // false: removed
	Name      string
	Channel   string
	Timestamp string
}

// Status is one assistant.threads.setStatus call.
type Status struct {
	Seq      int64
	Channel  string
	ThreadTS string
	Status   string
	// LoadingMessages are the rotating messages sent with the status.
	LoadingMessages []string
}

// Call is one Web API request as received.
type Call struct {
	Seq    int64
	At     time.Time
	Method string
	Params url.Values
	Status int // HTTP status answered
	Error  string
	Body   string // response_url posts: the raw JSON body
}

// Failure is what an injected failure does to a call.
type Failure struct {
	Status     int           // HTTP status to answer (429, 500, …); 0 with APIError: 200
	RetryAfter time.Duration // with 429: the Retry-After header, whole seconds
	APIError   string        // answered as {"ok":false,"error":…}
	// Only, when set, picks the calls the failure is for (by their
	// parameters); other calls of the method pass it by.
	Only func(url.Values) bool
	// AfterPost records the message (posts only) and then fails: the
	// connection is closed without an answer, as when a process or network
	// dies between Slack accepting a post and the caller hearing of it.
	AfterPost bool
}

// RateLimited is a 429 with Retry-After.
func RateLimited(retryAfter time.Duration) Failure {
	return Failure{Status: http.StatusTooManyRequests, RetryAfter: retryAfter}
}

// ServerError is a 500 with an HTML body, as Slack sends.
func ServerError() Failure { return Failure{Status: http.StatusInternalServerError} }

// APIError is a 200 answer with ok false.
func APIError(code string) Failure { return Failure{APIError: code} }

// CrashAfterPost records the post and then drops the connection.
func CrashAfterPost() Failure { return Failure{AfterPost: true} }

// Option configures a Server.
type Option func(*Server)

// WithPingInterval sets how often the Socket Mode endpoint pings the
// client (default 2s; slack-go reconnects after 30s without one).
func WithPingInterval(d time.Duration) Option { return func(s *Server) { s.pingInterval = d } }

// WithLaxBlocks turns off the Block Kit limit checks (on by default: a
// message over a limit is refused with invalid_blocks, as Slack does).
func WithLaxBlocks() Option { return func(s *Server) { s.strictBlocks = false } }

// Server is the fake Slack.
type Server struct {
	srv          *httptest.Server
	URL          string // root, no trailing slash
	pingInterval time.Duration
	strictBlocks bool

	mu        sync.Mutex
	changed   chan struct{} // closed and replaced on every change
	seq       int64
	lastTS    int64 // microseconds of the last assigned ts
	messages  []*Message
	responses []*Message
	ephemeral []*Message
	updates   []*Message
	reactions []Reaction
	statuses  []Status
	ai        aiState // views.publish and assistant.threads.* calls
	calls     []Call
	failures  map[string][]Failure
	respUses  map[string]int
	socket    *socketState
	stream    *streamState
	closed    bool
}

// New starts a fake Slack that is closed when the test ends.
func New(tb testing.TB, opts ...Option) *Server {
	tb.Helper()
	s := NewServer(opts...)
	tb.Cleanup(s.Close)
	s.captureOnCleanup(tb)
	return s
}

// NewServer starts a fake Slack; Close it when done. It does not need a
// test, so a demo program can run one too.
func NewServer(opts ...Option) *Server {
	s := &Server{
		pingInterval: 2 * time.Second,
		strictBlocks: true,
		changed:      make(chan struct{}),
		failures:     map[string][]Failure{},
		respUses:     map[string]int{},
	}
	s.stream = newStreamState()
	for _, o := range opts {
		o(s)
	}
	s.socket = newSocketState()
	mux := http.NewServeMux()
	mux.HandleFunc("/api/{method}", s.serveAPI)
	mux.HandleFunc("/response/{id}", s.serveResponse)
	mux.HandleFunc("/socket", s.serveSocket)
	// URL is set before the server starts: its handlers read it
	// (SocketURL), and a write after Start races with them.
	s.srv = httptest.NewUnstartedServer(mux)
	s.URL = "http://" + s.srv.Listener.Addr().String()
	s.srv.Start()
	return s
}

// Close stops the server and drops socket connections.
func (s *Server) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	s.mu.Unlock()
	s.socket.closeAll()
	s.srv.CloseClientConnections()
	s.srv.Close()
}

// APIURL is the Web API base for slack.OptionAPIURL, with its trailing slash.
func (s *Server) APIURL() string { return s.URL + "/api/" }

// ResponseURL returns a response_url for id (any string).
func (s *Server) ResponseURL(id string) string { return s.URL + "/response/" + url.PathEscape(id) }

// SocketURL is the websocket address apps.connections.open hands out.
func (s *Server) SocketURL() string { return "ws" + strings.TrimPrefix(s.URL, "http") + "/socket" }

// FailNext makes the next n calls to method fail as f says. Queued
// failures apply in order.
func (s *Server) FailNext(method string, n int, f Failure) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for range n {
		s.failures[method] = append(s.failures[method], f)
	}
}

// AddMessage seeds a message into a conversation (a user's question, a
// thread's earlier turns). A zero TS gets one assigned, which is returned.
func (s *Server) AddMessage(m Message) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if m.TS == "" {
		m.TS = s.nextTSLocked()
	}
	if m.Method == "" {
		m.Method = "seed"
	}
	m.Seq = s.nextSeqLocked()
	m.At = time.Now()
	s.messages = append(s.messages, &m)
	s.notifyLocked()
	return m.TS
}

// Posts returns the messages posted with chat.postMessage, in order.
func (s *Server) Posts() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Message
	for _, m := range s.messages {
		if m.Method == "chat.postMessage" {
			out = append(out, *m)
		}
	}
	return out
}

// Ephemerals returns the chat.postEphemeral messages.
func (s *Server) Ephemerals() []Message { return s.copyList(func() []*Message { return s.ephemeral }) }

// Updates returns every chat.update call, in order (one entry per call).
func (s *Server) Updates() []Message { return s.copyList(func() []*Message { return s.updates }) }

// Responses returns the posts to response URLs, in order.
func (s *Server) Responses() []Message { return s.copyList(func() []*Message { return s.responses }) }

// Message returns the current state of a message by channel and ts.
func (s *Server) Message(channel, ts string) (Message, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if m := s.findLocked(channel, ts); m != nil {
		return *m, true
	}
	return Message{}, false
}

// Reactions returns every reactions.add/remove call.
func (s *Server) Reactions() []Reaction {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.reactions)
}

// Statuses returns every assistant.threads.setStatus call.
func (s *Server) Statuses() []Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.statuses)
}

// Calls returns the Web API calls received, optionally only those to the
// given methods.
func (s *Server) Calls(methods ...string) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Call
	for _, c := range s.calls {
		if len(methods) == 0 || slices.Contains(methods, c.Method) {
			out = append(out, c)
		}
	}
	return out
}

func (s *Server) copyList(get func() []*Message) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	list := get()
	out := make([]Message, len(list))
	for i, m := range list {
		out[i] = *m
	}
	return out
}

// Wait blocks until cond (called with no lock held) returns true or the
// timeout passes; it reports whether cond became true. It wakes on every
// change the fake records, so it never polls on a timer.
func (s *Server) Wait(timeout time.Duration, cond func() bool) bool {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		ch := s.changed
		s.mu.Unlock()
		if cond() {
			return true
		}
		select {
		case <-ch:
		case <-deadline.C:
			return cond()
		}
	}
}

// WaitForPosts waits until at least n chat.postMessage messages exist and
// returns them all.
func (s *Server) WaitForPosts(n int, timeout time.Duration) ([]Message, error) {
	s.Wait(timeout, func() bool { return s.count(func() int { return s.postCountLocked() }) >= n })
	posts := s.Posts()
	if len(posts) < n {
		return posts, fmt.Errorf("slacktest: %d of %d posts after %s", len(posts), n, timeout)
	}
	return posts, nil
}

// WaitForResponses waits until at least n response_url posts exist.
func (s *Server) WaitForResponses(n int, timeout time.Duration) ([]Message, error) {
	s.Wait(timeout, func() bool { return s.count(func() int { return len(s.responses) }) >= n })
	rs := s.Responses()
	if len(rs) < n {
		return rs, fmt.Errorf("slacktest: %d of %d response_url posts after %s", len(rs), n, timeout)
	}
	return rs, nil
}

// count runs f under the lock; wait conditions use it to avoid copying.
func (s *Server) count(f func() int) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return f()
}

func (s *Server) postCountLocked() int {
	n := 0
	for _, m := range s.messages {
		if m.Method == "chat.postMessage" {
			n++
		}
	}
	return n
}

// WaitForEphemerals waits until at least n chat.postEphemeral messages exist.
func (s *Server) WaitForEphemerals(n int, timeout time.Duration) ([]Message, error) {
	var rs []Message
	if !s.Wait(timeout, func() bool { rs = s.Ephemerals(); return len(rs) >= n }) {
		return rs, fmt.Errorf("slacktest: %d of %d ephemeral messages after %s", len(rs), n, timeout)
	}
	return rs, nil
}

// WaitForCalls waits until method was called at least n times.
func (s *Server) WaitForCalls(method string, n int, timeout time.Duration) ([]Call, error) {
	var cs []Call
	if !s.Wait(timeout, func() bool { cs = s.Calls(method); return len(cs) >= n }) {
		return cs, fmt.Errorf("slacktest: %d of %d %s calls after %s", len(cs), n, method, timeout)
	}
	return cs, nil
}

func (s *Server) notifyLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

func (s *Server) nextSeqLocked() int64 {
	s.seq++
	return s.seq
}

// nextTSLocked assigns a message ts from the clock, strictly increasing, in
// Slack's "seconds.micros" form.
func (s *Server) nextTSLocked() string {
	us := time.Now().UnixMicro()
	if us <= s.lastTS {
		us = s.lastTS + 1
	}
	s.lastTS = us
	return FormatTS(us)
}

// FormatTS writes microseconds since the epoch as a Slack ts.
func FormatTS(us int64) string { return fmt.Sprintf("%d.%06d", us/1e6, us%1e6) }

// parseTS reads a Slack ts as microseconds; bad input reads as 0.
func parseTS(ts string) int64 {
	sec, frac, _ := strings.Cut(ts, ".")
	s, err := strconv.ParseInt(sec, 10, 64)
	if err != nil {
		return 0
	}
	frac = (frac + "000000")[:6]
	f, _ := strconv.ParseInt(frac, 10, 64)
	return s*1e6 + f
}

func (s *Server) findLocked(channel, ts string) *Message {
	for _, m := range s.messages {
		if m.Channel == channel && m.TS == ts {
			return m
		}
	}
	return nil
}

// readParams reads a Web API request: form (body or query) or JSON, with
// the token from the Authorization header or the token parameter.
func readParams(r *http.Request) (url.Values, string, error) {
	params := url.Values{}
	maps.Copy(params, r.URL.Query())
	ct := r.Header.Get("Content-Type")
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, "", err
	}
	switch {
	case strings.HasPrefix(ct, "application/json"):
		if len(strings.TrimSpace(string(body))) > 0 && string(body) != "null" {
			var m map[string]any
			if err := json.Unmarshal(body, &m); err != nil {
				return nil, "", fmt.Errorf("invalid_json")
			}
			for k, v := range m {
				switch v := v.(type) {
				case string:
					params.Set(k, v)
				case bool:
					params.Set(k, strconv.FormatBool(v))
				case float64:
					params.Set(k, strconv.FormatFloat(v, 'f', -1, 64))
				case nil:
				default:
					b, _ := json.Marshal(v)
					params.Set(k, string(b))
				}
			}
		}
	default:
		form, err := url.ParseQuery(string(body))
		if err != nil {
			return nil, "", fmt.Errorf("invalid_form_data")
		}
		for k, v := range form {
			params[k] = v
		}
	}
	token := params.Get("token")
	if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "Bearer ") {
		token = strings.TrimPrefix(h, "Bearer ")
	}
	return params, token, nil
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

type obj = map[string]any

func okBody(fields obj) obj {
	out := obj{"ok": true}
	maps.Copy(out, fields)
	return out
}

func errBody(code string) obj { return obj{"ok": false, "error": code} }

// takeFailure pops the next injected failure for method that applies to
// a call with params p.
func (s *Server) takeFailureLocked(method string, p url.Values) (Failure, bool) {
	q := s.failures[method]
	if len(q) == 0 || (q[0].Only != nil && !q[0].Only(p)) {
		return Failure{}, false
	}
	s.failures[method] = q[1:]
	return q[0], true
}

// apiResult is what a method handler decides.
type apiResult struct {
	status int
	body   obj
}

func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request) {
	method := r.PathValue("method")
	params, token, err := readParams(r)
	if err != nil {
		writeJSON(w, http.StatusOK, errBody(err.Error()))
		return
	}
	s.mu.Lock()
	fail, failing := s.takeFailureLocked(method, params)
	var res apiResult
	switch {
	case failing && !fail.AfterPost:
		res = failureResult(fail)
	default:
		res = s.handleLocked(method, token, params)
	}
	s.calls = append(s.calls, Call{Seq: s.nextSeqLocked(), At: time.Now(), Method: method, Params: params, Status: res.status, Error: errorOf(res)})
	s.notifyLocked()
	s.mu.Unlock()

	if failing && fail.AfterPost {
		hijackAndClose(w)
		return
	}
	if failing && fail.Status != 0 && fail.Status != http.StatusOK {
		if fail.Status == http.StatusTooManyRequests {
			w.Header().Set("Retry-After", strconv.Itoa(int(fail.RetryAfter/time.Second)))
		}
		if fail.Status >= 500 {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(fail.Status)
			_, _ = io.WriteString(w, "<html><body>fake slack failure</body></html>")
			return
		}
	}
	writeJSON(w, res.status, res.body)
}

func failureResult(f Failure) apiResult {
	status := f.Status
	if status == 0 {
		status = http.StatusOK
	}
	code := f.APIError
	if code == "" {
		code = "fake_failure"
		if status == http.StatusTooManyRequests {
			code = "ratelimited"
		}
	}
	return apiResult{status: status, body: errBody(code)}
}

func errorOf(r apiResult) string {
	if e, ok := r.body["error"].(string); ok {
		return e
	}
	return ""
}

// hijackAndClose drops the connection without an answer.
func hijackAndClose(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	_ = conn.Close()
}

func (s *Server) handleLocked(method, token string, p url.Values) apiResult {
	ok := func(f obj) apiResult { return apiResult{status: http.StatusOK, body: okBody(f)} }
	fail := func(code string) apiResult { return apiResult{status: http.StatusOK, body: errBody(code)} }
	if method == "apps.connections.open" {
		if token != AppToken {
			return fail("invalid_auth")
		}
		return ok(obj{"url": s.SocketURL()})
	}
	if token == "" {
		return fail("not_authed")
	}
	if token != BotToken {
		return fail("invalid_auth")
	}
	switch method {
	case "auth.test":
		return ok(obj{"url": "https://fake.slack.test/", "team": "Fake Team", "user": "briefbot", "team_id": TeamID, "user_id": BotUserID, "bot_id": BotID})
	case "chat.postMessage":
		return s.postLocked(p, false)
	case "chat.postEphemeral":
		return s.postLocked(p, true)
	case "chat.update":
		m := s.findLocked(p.Get("channel"), p.Get("ts"))
		if m == nil || m.Deleted {
			return fail("message_not_found")
		}
		if code := s.checkContent(p.Get("text"), p.Get("blocks")); code != "" {
			return fail(code)
		}
		m.Text = p.Get("text")
		m.Blocks = rawOrNil(p.Get("blocks"))
		m.Edits++
		m.Params = p
		u := *m
		u.Method = "chat.update"
		u.Seq = s.nextSeqLocked()
		u.At = time.Now()
		s.updates = append(s.updates, &u)
		return ok(obj{"channel": m.Channel, "ts": m.TS, "text": m.Text})
	case "chat.delete":
		m := s.findLocked(p.Get("channel"), p.Get("ts"))
		if m == nil || m.Deleted {
			return fail("message_not_found")
		}
		m.Deleted = true
		return ok(obj{"channel": m.Channel, "ts": m.TS})
	case "reactions.add", "reactions.remove":
		added := method == "reactions.add"
		ch, ts, name := p.Get("channel"), p.Get("timestamp"), p.Get("name")
		if name == "" {
			return fail("no_reaction")
		}
		if s.findLocked(ch, ts) == nil {
			return fail("message_not_found")
		}
		have := s.hasReactionLocked(ch, ts, name)
		if added && have {
			return fail("already_reacted")
		}
		if !added && !have {
			return fail("no_reaction")
		}
		s.reactions = append(s.reactions, Reaction{Seq: s.nextSeqLocked(), Added: added, Name: name, Channel: ch, Timestamp: ts})
		return ok(nil)
	case "assistant.threads.setStatus":
		if p.Get("channel_id") == "" || p.Get("thread_ts") == "" {
			return fail("invalid_arguments")
		}
		return s.setStatusLocked(p)
	case "assistant.threads.setSuggestedPrompts":
		return s.setPromptsLocked(p)
	case "assistant.threads.setTitle":
		return s.setTitleLocked(p)
	case "views.publish":
		return s.publishViewLocked(p)
	case "conversations.replies":
		return s.repliesLocked(p)
	case "chat.startStream", "chat.appendStream", "chat.stopStream":
		return s.streamLocked(method, p)
	case "conversations.history":
		return s.historyLocked(p)
	default:
		return fail("unknown_method")
	}
}

func (s *Server) hasReactionLocked(ch, ts, name string) bool {
	have := false
	for _, r := range s.reactions {
		if r.Channel == ch && r.Timestamp == ts && r.Name == name {
			have = r.Added
		}
	}
	return have
}

func rawOrNil(s string) json.RawMessage {
	if s == "" {
		return nil
	}
	return json.RawMessage(s)
}

// checkContent refuses what Slack refuses: no text and no blocks, blocks
// that are not JSON, and (when strict) blocks over Block Kit's limits.
func (s *Server) checkContent(text, blocks string) string {
	if text == "" && (blocks == "" || blocks == "[]" || blocks == "null") {
		return "no_text"
	}
	if blocks == "" {
		return ""
	}
	if !s.strictBlocks {
		var v []any
		if json.Unmarshal([]byte(blocks), &v) != nil {
			return "invalid_blocks_format"
		}
		return ""
	}
	if err := CheckBlocks(json.RawMessage(blocks)); err != nil {
		return "invalid_blocks"
	}
	return ""
}

func (s *Server) postLocked(p url.Values, ephemeral bool) apiResult {
	fail := func(code string) apiResult { return apiResult{status: http.StatusOK, body: errBody(code)} }
	ch := p.Get("channel")
	if ch == "" {
		return fail("channel_not_found")
	}
	if ephemeral && p.Get("user") == "" {
		return fail("user_not_found")
	}
	if code := s.checkContent(p.Get("text"), p.Get("blocks")); code != "" {
		return fail(code)
	}
	m := &Message{
		Seq:       s.nextSeqLocked(),
		At:        time.Now(),
		Method:    "chat.postMessage",
		Channel:   ch,
		TS:        s.nextTSLocked(),
		ThreadTS:  p.Get("thread_ts"),
		User:      p.Get("user"),
		BotID:     BotID,
		Text:      p.Get("text"),
		Blocks:    rawOrNil(p.Get("blocks")),
		Params:    p,
		Ephemeral: ephemeral,
	}
	if md := p.Get("metadata"); md != "" {
		var meta Metadata
		if err := json.Unmarshal([]byte(md), &meta); err != nil {
			return fail("invalid_metadata_format")
		}
		if meta.EventType != "" {
			m.Metadata = &meta
		}
	}
	if ephemeral {
		m.Method = "chat.postEphemeral"
		s.ephemeral = append(s.ephemeral, m)
		return apiResult{status: http.StatusOK, body: okBody(obj{"message_ts": m.TS})}
	}
	m.User = BotUserID
	s.messages = append(s.messages, m)
	return apiResult{status: http.StatusOK, body: okBody(obj{"channel": ch, "ts": m.TS, "message": wireMessage(m, true)})}
}

// wireMessage is a message as the Web API returns it.
func wireMessage(m *Message, withMeta bool) obj {
	out := obj{"type": "message", "ts": m.TS, "text": m.Text}
	if m.User != "" {
		out["user"] = m.User
	}
	if m.BotID != "" {
		out["bot_id"] = m.BotID
	}
	if m.ThreadTS != "" {
		out["thread_ts"] = m.ThreadTS
	}
	if m.Blocks != nil {
		out["blocks"] = m.Blocks
	}
	if withMeta && m.Metadata != nil {
		out["metadata"] = m.Metadata
	}
	return out
}

// page cuts a list by Slack's cursor (here: an offset) and limit.
func page[T any](list []T, p url.Values, def int) ([]T, string) {
	start, _ := strconv.Atoi(p.Get("cursor"))
	limit, _ := strconv.Atoi(p.Get("limit"))
	if limit <= 0 {
		limit = def
	}
	if start > len(list) {
		start = len(list)
	}
	end := min(start+limit, len(list))
	next := ""
	if end < len(list) {
		next = strconv.Itoa(end)
	}
	return list[start:end], next
}

func truthy(v string) bool { return v == "1" || v == "true" }

func (s *Server) repliesLocked(p url.Values) apiResult {
	ch, ts := p.Get("channel"), p.Get("ts")
	var thread []*Message
	for _, m := range s.messages {
		if m.Channel == ch && !m.Deleted && (m.TS == ts || m.ThreadTS == ts) {
			thread = append(thread, m)
		}
	}
	if len(thread) == 0 {
		return apiResult{status: http.StatusOK, body: errBody("thread_not_found")}
	}
	slices.SortFunc(thread, func(a, b *Message) int { return cmpTS(a.TS, b.TS) })
	pg, next := page(thread, p, 1000)
	msgs := make([]obj, 0, len(pg))
	for _, m := range pg {
		msgs = append(msgs, wireMessage(m, truthy(p.Get("include_all_metadata"))))
	}
	return apiResult{status: http.StatusOK, body: okBody(obj{"messages": msgs, "has_more": next != "", "response_metadata": obj{"next_cursor": next}})}
}

func (s *Server) historyLocked(p url.Values) apiResult {
	ch := p.Get("channel")
	oldest, latest := parseTS(p.Get("oldest")), parseTS(p.Get("latest"))
	inclusive := truthy(p.Get("inclusive"))
	var list []*Message
	for _, m := range s.messages {
		if m.Channel != ch || m.Deleted || (m.ThreadTS != "" && m.ThreadTS != m.TS) {
			continue
		}
		t := parseTS(m.TS)
		if p.Get("oldest") != "" && (t < oldest || (t == oldest && !inclusive)) {
			continue
		}
		if p.Get("latest") != "" && (t > latest || (t == latest && !inclusive)) {
			continue
		}
		list = append(list, m)
	}
	slices.SortFunc(list, func(a, b *Message) int { return cmpTS(b.TS, a.TS) }) // newest first
	pg, next := page(list, p, 100)
	msgs := make([]obj, 0, len(pg))
	for _, m := range pg {
		msgs = append(msgs, wireMessage(m, truthy(p.Get("include_all_metadata"))))
	}
	return apiResult{status: http.StatusOK, body: okBody(obj{"messages": msgs, "has_more": next != "", "response_metadata": obj{"next_cursor": next}})}
}

func cmpTS(a, b string) int {
	x, y := parseTS(a), parseTS(b)
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

// maxResponseURLUses is how many posts Slack accepts on one response_url.
const maxResponseURLUses = 5

func (s *Server) serveResponse(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return
	}
	var msg struct {
		Text     string          `json:"text"`
		Blocks   json.RawMessage `json:"blocks"`
		ThreadTS string          `json:"thread_ts"`
		ResponseOptions
	}
	if err := json.Unmarshal(body, &msg); err != nil {
		writeJSON(w, http.StatusBadRequest, errBody("invalid_payload"))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	fail, failing := s.takeFailureLocked("response_url", url.Values{"id": {id}})
	call := Call{Seq: s.nextSeqLocked(), At: time.Now(), Method: "response_url", Params: url.Values{"id": {id}}, Body: string(body)}
	defer func() { s.calls = append(s.calls, call); s.notifyLocked() }()
	if failing && !fail.AfterPost {
		res := failureResult(fail)
		call.Status, call.Error = res.status, errorOf(res)
		if fail.Status == http.StatusTooManyRequests {
			w.Header().Set("Retry-After", strconv.Itoa(int(fail.RetryAfter/time.Second)))
		}
		writeJSON(w, res.status, res.body)
		return
	}
	if s.respUses[id] >= maxResponseURLUses {
		call.Status, call.Error = http.StatusNotFound, "used_url"
		writeJSON(w, http.StatusNotFound, errBody("used_url"))
		return
	}
	blocks := string(msg.Blocks)
	if blocks == "null" {
		blocks = ""
	}
	if !msg.DeleteOriginal {
		if code := s.checkContent(msg.Text, blocks); code != "" {
			call.Status, call.Error = http.StatusBadRequest, code
			writeJSON(w, http.StatusBadRequest, errBody(code))
			return
		}
	}
	s.respUses[id]++
	m := &Message{Seq: call.Seq, At: time.Now(), Method: "response_url", URLID: id, Text: msg.Text, Blocks: rawOrNil(blocks), ThreadTS: msg.ThreadTS, Response: msg.ResponseOptions}
	s.responses = append(s.responses, m)
	call.Status = http.StatusOK
	if failing && fail.AfterPost {
		hijackAndClose(w)
		return
	}
	writeJSON(w, http.StatusOK, okBody(nil))
}
