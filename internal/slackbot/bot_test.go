package slackbot

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/mss-brief/briefbot/internal/brief"
	"github.com/mss-brief/briefbot/internal/config"
	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/ledger"
	"github.com/mss-brief/briefbot/internal/lexicon"
	"github.com/mss-brief/briefbot/internal/openaitest"
	"github.com/mss-brief/briefbot/internal/slacktest"
)

// wait is how long tests wait for something that should happen at once.
const wait = 10 * time.Second

// testAnalyzer is the glossary-free analysis (Open's default) that the
// test stores share: building one per harness, stemming every paraphrase
// group again, was a quarter of this package's test CPU. An Analyzer is
// safe for concurrent use.
var testAnalyzer = sync.OnceValue(func() *lexicon.Analyzer { return lexicon.New(nil) })

// testDocs is a tiny corpus written for these tests.
func testDocs() []corpus.Document {
	day := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	return []corpus.Document{
		{
			Title: "Kenya to lead the Haiti security mission", Source: "Test Wire", URL: "https://example.org/kenya-leads",
			Published: day("2023-10-02"),
			Text: "The Security Council authorised a Multinational Security Support mission for Haiti in October 2023.\n\n" +
				"Kenya offered to lead the mission and to send one thousand police officers to support the Haitian National Police.\n\n" +
				"The first Kenyan officers arrived in Port-au-Prince in June 2024.",
		},
		{
			Title: "How the mission is paid for", Source: "Test Review", URL: "https://example.org/funding",
			Published: day("2024-03-10"),
			Text: "The mission is funded by voluntary contributions to a United Nations trust fund.\n\n" +
				"The United States pledged the largest share of the money, and Canada also contributed.",
		},
		{
			Title: "Notice <!channel> about the trust fund", Source: "Prankster Blog", URL: "https://example.org/prank",
			Published: day("2024-05-01"),
			Text:      "<!channel> <!here> @everyone <@U0ADMIN> the zebra parade trust fund statement says zebras marched for the trust fund.",
		},
	}
}

// recorder wraps the real Answerer and records what it was asked and how
// long it took, so tests can see the history and the benchmark can take
// the answerer's own time out.
type recorder struct {
	next Answerer
	mu   sync.Mutex
	reqs []brief.Request
	took []time.Duration
}

func (r *recorder) Answer(ctx context.Context, req brief.Request) (brief.Answer, error) {
	start := time.Now()
	a, err := r.next.Answer(ctx, req)
	r.mu.Lock()
	r.reqs = append(r.reqs, req)
	r.took = append(r.took, time.Since(start))
	r.mu.Unlock()
	return a, err
}

// HasModel passes the wrapped answerer's answer through, so the bot sizes
// its pool as it would for the real one.
func (r *recorder) HasModel() bool {
	m, ok := r.next.(interface{ HasModel() bool })
	return !ok || m.HasModel()
}

func (r *recorder) requests() []brief.Request {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]brief.Request(nil), r.reqs...)
}

// harness is a bot serving over loopback against the fake Slack, with the
// real store and the real (extractive) Answerer.
type harness struct {
	t        testing.TB
	fake     *slacktest.Server
	store    *corpus.Store
	ledger   *ledger.Ledger
	dbPath   string
	answerer *recorder
	bot      *Bot
	reg      *prometheus.Registry
	url      string
	cancel   context.CancelFunc
	done     chan error
}

type harnessOption func(*Options)

func newStore(t testing.TB, path string) *corpus.Store {
	t.Helper()
	st, err := corpus.Open(context.Background(), path, corpus.WithAnalyzer(testAnalyzer()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func seededStore(t testing.TB) (*corpus.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "brief.db")
	st := newStore(t, path)
	for _, d := range testDocs() {
		if _, err := st.Put(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	return st, path
}

func testLogger(t testing.TB) *slog.Logger {
	if testing.Verbose() {
		return slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.DiscardHandler)
}

type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

func newHarness(t testing.TB, fake *slacktest.Server, store *corpus.Store, opts ...harnessOption) *harness {
	t.Helper()
	if fake == nil {
		fake = slacktest.New(t)
	}
	dbPath := ""
	if store == nil {
		store, dbPath = seededStore(t)
	}
	real, err := brief.New(store, nil, brief.AnswererConfig{Topic: "the MSS mission in Haiti", Examples: []string{"Who leads the mission?"}})
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, fake: fake, store: store, ledger: ledger.New(store.Database()), dbPath: dbPath, answerer: &recorder{next: real}, reg: prometheus.NewRegistry()}
	def := config.Default()
	set := Settings{
		Command: def.Slack.Command, Queue: def.Slack.Queue, QueueWait: def.Slack.QueueWait, MaxBodyBytes: def.Slack.MaxBodyBytes,
		DedupeTTL: def.Slack.DedupeTTL, ShutdownTimeout: 5 * time.Second,
	}
	o := Options{
		Settings: set, Topic: Topic{Name: def.Topic.Name, Examples: def.Topic.Examples},
		BotToken: slacktest.BotToken, SigningSecret: slacktest.SigningSecret, APIURL: fake.APIURL(),
		Answerer: h.answerer, Store: store, Ledger: h.ledger, Log: testLogger(t), Registry: h.reg,
	}
	for _, f := range opts {
		f(&o)
	}
	// Registered before start's cleanup, so it runs after the bot has
	// stopped and everything it was going to send has been sent.
	t.Cleanup(func() { assertNothingUnsafe(t, fake) })
	h.start(o)
	return h
}

// assertNothingUnsafe fails the test if any request the fake Slack got
// carries a live ping, special command or non-http(s) link, in any field.
func assertNothingUnsafe(t testing.TB, fake *slacktest.Server) {
	t.Helper()
	for _, u := range fake.Unsafe() {
		t.Errorf("sent to Slack: %s", u)
	}
}

func (h *harness) start(o Options) {
	h.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	bot, err := New(ctx, o)
	if err != nil {
		cancel()
		h.t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		cancel()
		h.t.Fatal(err)
	}
	h.bot, h.cancel, h.done, h.url = bot, cancel, make(chan error, 1), "http://"+ln.Addr().String()
	go func() { h.done <- bot.Serve(ctx, ln) }()
	h.t.Cleanup(func() { h.stop() })
}

// stop shuts the bot down and waits for it to drain.
func (h *harness) stop() error {
	if h.cancel == nil {
		return nil
	}
	h.cancel()
	h.cancel = nil
	select {
	case err := <-h.done:
		return err
	case <-time.After(wait):
		h.t.Error("bot did not stop")
		return nil
	}
}

// post sends a request signed as Slack would, and returns status and body.
func (h *harness) post(path, contentType string, body []byte, hdr ...string) (int, string) {
	h.t.Helper()
	req, err := slacktest.SignedRequest(h.url+path, slacktest.SigningSecret, time.Time{}, contentType, body)
	if err != nil {
		h.t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	return do(h.t, req)
}

func do(t testing.TB, req *http.Request) (int, string) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func (h *harness) event(eventID string, ev map[string]any, retry int) int {
	h.t.Helper()
	var hdr []string
	if retry > 0 {
		hdr = []string{"X-Slack-Retry-Num", string(rune('0' + retry)), "X-Slack-Retry-Reason", "http_timeout"}
	}
	status, _ := h.post("/slack/events", slacktest.JSONType, slacktest.EventCallback(eventID, ev), hdr...)
	return status
}

func (h *harness) command(c slacktest.SlashCommand) (int, reply) {
	h.t.Helper()
	status, body := h.post("/slack/commands", slacktest.FormType, []byte(c.Form().Encode()))
	var r reply
	if status == http.StatusOK {
		var raw struct {
			ResponseType string          `json:"response_type"`
			Text         string          `json:"text"`
			Blocks       json.RawMessage `json:"blocks"`
		}
		if err := json.Unmarshal([]byte(body), &raw); err != nil {
			h.t.Fatalf("command reply %q: %v", body, err)
		}
		r.ResponseType, r.Text = raw.ResponseType, raw.Text+"\n"+slacktest.Message{Blocks: raw.Blocks}.BlockText()
	}
	return status, r
}

// seedQuestion puts a user's message into the fake and returns its ts.
func (h *harness) seedQuestion(channel, user, text, threadTS string) string {
	return h.fake.AddMessage(slacktest.Message{Channel: channel, User: user, Text: text, ThreadTS: threadTS})
}

// idle waits until the worker pool has nothing queued or running.
func (h *harness) idle() {
	h.t.Helper()
	deadline := time.Now().Add(wait)
	for time.Now().Before(deadline) {
		// Queue first: a worker counts a task busy before it leaves the
		// queue, so this order cannot miss one passing between the two.
		if metricValue(h.bot.metrics.queueDepth) == 0 && metricValue(h.bot.metrics.busyWorkers) == 0 {
			return
		}
		// Workers finish on their own schedule; nothing to wake us up.
		time.Sleep(5 * time.Millisecond)
	}
	h.t.Fatal("pool never went idle")
}

// metricValue reads a counter or gauge.
func metricValue(c prometheus.Collector) float64 {
	ch := make(chan prometheus.Metric, 1)
	c.Collect(ch)
	var m dto.Metric
	if err := (<-ch).Write(&m); err != nil {
		return -1
	}
	if m.Counter != nil {
		return m.Counter.GetValue()
	}
	return m.Gauge.GetValue()
}

func mention(text string) string { return "<@" + slacktest.BotUserID + "> " + text }

func TestSlashCommandAnsweredThroughResponseURL(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil, nil)
	start := time.Now()
	status, ack := h.command(slacktest.SlashCommand{Text: "Who leads the mission?", ResponseURL: h.fake.ResponseURL("cmd1"), UserID: "U1", ChannelID: "C1"})
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("ack took %s, Slack gives up after 3s", took)
	}
	if status != http.StatusOK || ack.ResponseType != "ephemeral" || !strings.Contains(ack.Text, "Looking into: _Who leads the mission?_") {
		t.Fatalf("ack = %d %+v", status, ack)
	}
	rs, err := h.fake.WaitForResponses(1, wait)
	if err != nil {
		t.Fatal(err)
	}
	r := rs[0]
	if r.URLID != "cmd1" || r.Response.ResponseType != "ephemeral" || r.Response.ReplaceOriginal {
		t.Errorf("response = %+v, want ephemeral, not replacing the original", r.Response)
	}
	text := r.BlockText()
	for _, want := range []string{"Kenya", "<https://example.org/kenya-leads|Kenya to lead the Haiti security mission>", "Quoted from the sources", "As of"} {
		if !strings.Contains(text, want) {
			t.Errorf("answer lacks %q:\n%s", want, text)
		}
	}
	actions := r.ActionValues()
	if actions[actionShare] == "" || actions[actionUp] != actions[actionShare] {
		t.Fatalf("buttons = %v", actions)
	}
	if n := len(h.fake.Posts()); n != 0 {
		t.Errorf("%d channel posts; the answer is private", n)
	}

	// Share it: the same answer appears in the channel, with the question.
	click := slacktest.BlockAction("U1", "C1", "", actionShare, actions[actionShare], h.fake.ResponseURL("click1"), true)
	if status, _ := h.post("/slack/interactive", slacktest.FormType, []byte(slacktest.InteractionForm(click).Encode())); status != http.StatusOK {
		t.Fatalf("interactive status %d", status)
	}
	rs, err = h.fake.WaitForResponses(2, wait)
	if err != nil {
		t.Fatal(err)
	}
	shared := rs[1]
	if shared.URLID != "click1" || shared.Response.ResponseType != "in_channel" || shared.Response.ReplaceOriginal {
		t.Errorf("shared = %+v", shared.Response)
	}
	if st := shared.BlockText(); !strings.Contains(st, "*Q:* Who leads the mission?") || !strings.Contains(st, "example.org/kenya-leads") {
		t.Errorf("shared answer:\n%s", st)
	}
	if _, ok := shared.ActionValues()[actionShare]; ok {
		t.Error("a shared answer offers to share again")
	}

	// Vote: stored with the answer, and acknowledged.
	vote := slacktest.BlockAction("U2", "C1", "", actionDown, actions[actionDown], h.fake.ResponseURL("click2"), false)
	h.post("/slack/interactive", slacktest.FormType, []byte(slacktest.InteractionForm(vote).Encode()))
	rs, err = h.fake.WaitForResponses(3, wait)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(rs[2].Text, "not helpful") || rs[2].Response.ResponseType != "ephemeral" {
		t.Errorf("vote acknowledgement = %+v", rs[2])
	}
	id := parseID(t, actions[actionDown])
	fb, err := h.ledger.FeedbackFor(context.Background(), id)
	if err != nil || len(fb) != 1 || fb[0].Vote != "down" || fb[0].UserID != "U2" {
		t.Fatalf("feedback = %+v, %v", fb, err)
	}
	rec, err := h.ledger.Answer(context.Background(), id)
	if err != nil || rec.Question != "Who leads the mission?" || rec.UserID != "U1" || rec.Mode != "extractive" {
		t.Errorf("recorded answer = %+v, %v", rec, err)
	}
}

func parseID(t *testing.T, s string) int64 {
	t.Helper()
	var id int64
	if err := json.Unmarshal([]byte(s), &id); err != nil {
		t.Fatalf("button value %q: %v", s, err)
	}
	return id
}

func TestMentionRetriesAnsweredOnce(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil, nil)
	ts := h.seedQuestion("C1", "U1", mention("How is the mission funded?"), "")
	ev := slacktest.AppMention("C1", "U1", mention("How is the mission funded?"), ts, "")
	// Slack's first delivery and three retries (some at once) of one event.
	if s := h.event("Ev1", ev, 0); s != http.StatusOK {
		t.Fatalf("status %d", s)
	}
	var wg sync.WaitGroup
	for retry := 1; retry <= 3; retry++ {
		wg.Go(func() {
			if s := h.event("Ev1", ev, retry); s != http.StatusOK {
				t.Errorf("retry %d: status %d", retry, s)
			}
		})
	}
	wg.Wait()
	posts, err := h.fake.WaitForPosts(1, wait)
	if err != nil {
		t.Fatal(err)
	}
	h.idle()
	if n := len(h.fake.Posts()); n != 1 {
		t.Fatalf("%d answers, want 1", n)
	}
	p := posts[0]
	if p.Channel != "C1" || p.ThreadTS != ts {
		t.Errorf("answer in %s thread %q, want C1 thread %s", p.Channel, p.ThreadTS, ts)
	}
	if !strings.Contains(p.BlockText(), "trust fund") {
		t.Errorf("answer:\n%s", p.BlockText())
	}
	if got := metricValue(h.bot.metrics.duplicates.WithLabelValues("mention")); got != 3 {
		t.Errorf("duplicates = %v, want 3", got)
	}
	// The bot showed it was working, and cleaned up.
	rs := h.fake.Reactions()
	if len(rs) != 2 || !rs[0].Added || rs[1].Added || rs[0].Name != workingReaction || rs[0].Timestamp != ts {
		t.Errorf("reactions = %+v", rs)
	}
	if rs[0].Seq > p.Seq || rs[1].Seq < p.Seq {
		t.Error("reaction not around the answer")
	}
	kind, ok, _ := h.ledger.ThreadKind(context.Background(), "C1", ts)
	if !ok || kind != ledger.ThreadAnswer {
		t.Errorf("thread kind = %q, %v", kind, ok)
	}
}

func TestMentionAnsweredOnceAcrossRestart(t *testing.T) {
	t.Parallel()
	fake := slacktest.New(t)
	h := newHarness(t, fake, nil)
	ts := h.seedQuestion("C1", "U1", mention("Who leads the mission?"), "")
	ev := slacktest.AppMention("C1", "U1", mention("Who leads the mission?"), ts, "")
	h.event("EvR", ev, 0)
	if _, err := fake.WaitForPosts(1, wait); err != nil {
		t.Fatal(err)
	}
	if err := h.stop(); err != nil {
		t.Fatal(err)
	}
	// A new process on the same store file gets Slack's retry.
	h2 := newHarness(t, fake, newStore(t, h.dbPath))
	if s := h2.event("EvR", ev, 1); s != http.StatusOK {
		t.Fatalf("status %d", s)
	}
	// And a re-send under a new event id.
	if s := h2.event("EvR-resent", ev, 0); s != http.StatusOK {
		t.Fatalf("status %d", s)
	}
	if err := h2.stop(); err != nil { // drains: any answer would be posted by now
		t.Fatal(err)
	}
	if n := len(fake.Posts()); n != 1 {
		t.Fatalf("%d answers, want 1", n)
	}
}

func TestMessageResentUnderNewEventID(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil, nil)
	ts := h.seedQuestion("C1", "U1", mention("Who leads the mission?"), "")
	ev := slacktest.AppMention("C1", "U1", mention("Who leads the mission?"), ts, "")
	h.event("EvA", ev, 0)
	h.event("EvB", ev, 0)
	if _, err := h.fake.WaitForPosts(1, wait); err != nil {
		t.Fatal(err)
	}
	h.idle()
	// The same message as a message event in the bot's thread (Slack sends
	// both app_mention and message for a mention there): still once.
	follow := h.seedQuestion("C1", "U1", mention("And who pays?"), ts)
	h.event("EvC", slacktest.AppMention("C1", "U1", mention("And who pays?"), follow, ts), 0)
	h.event("EvD", slacktest.UserMessage("C1", "channel", "U1", mention("And who pays?"), follow, ts), 0)
	if _, err := h.fake.WaitForPosts(2, wait); err != nil {
		t.Fatal(err)
	}
	h.idle()
	if n := len(h.fake.Posts()); n != 2 {
		t.Fatalf("%d answers, want 2 (one per message)", n)
	}
}

func TestSignaturesRefused(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil, nil)
	ts := h.seedQuestion("C1", "U1", mention("Who leads the mission?"), "")
	body := slacktest.EventCallback("EvX", slacktest.AppMention("C1", "U1", mention("Who leads the mission?"), ts, ""))
	cmd := []byte(slacktest.SlashCommand{Text: "Who leads?", ResponseURL: h.fake.ResponseURL("x")}.Form().Encode())
	now := time.Now()
	signed := func(path, secret string, at time.Time, b []byte) *http.Request {
		req, err := slacktest.SignedRequest(h.url+path, secret, at, slacktest.JSONType, b)
		if err != nil {
			t.Fatal(err)
		}
		return req
	}
	tests := []struct {
		name string
		req  func() *http.Request
	}{
		{"forged", func() *http.Request { return signed("/slack/events", "not-the-secret", now, body) }},
		{"stale", func() *http.Request {
			return signed("/slack/events", slacktest.SigningSecret, now.Add(-6*time.Minute), body)
		}},
		{"future", func() *http.Request {
			return signed("/slack/events", slacktest.SigningSecret, now.Add(6*time.Minute), body)
		}},
		{"missing", func() *http.Request {
			r := signed("/slack/events", slacktest.SigningSecret, now, body)
			r.Header.Del("X-Slack-Signature")
			return r
		}},
		{"no timestamp", func() *http.Request {
			r := signed("/slack/events", slacktest.SigningSecret, now, body)
			r.Header.Del("X-Slack-Request-Timestamp")
			return r
		}},
		{"body changed", func() *http.Request {
			r := signed("/slack/events", slacktest.SigningSecret, now, body)
			r.Body = io.NopCloser(bytes.NewReader(bytes.Replace(body, []byte("EvX"), []byte("EvY"), 1)))
			return r
		}},
		{"command forged", func() *http.Request { return signed("/slack/commands", "nope", now, cmd) }},
		{"interactive unsigned", func() *http.Request {
			r, _ := http.NewRequest(http.MethodPost, h.url+"/slack/interactive", strings.NewReader("payload=%7B%7D"))
			return r
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if status, _ := do(t, tt.req()); status != http.StatusUnauthorized {
				t.Errorf("status %d, want 401", status)
			}
		})
	}
	if err := h.stop(); err != nil {
		t.Fatal(err)
	}
	if n := len(h.fake.Calls("chat.postMessage", "reactions.add")) + len(h.fake.Responses()); n != 0 {
		t.Errorf("%d things posted after refused requests", n)
	}
	if got := metricValue(h.bot.metrics.requests.WithLabelValues("events", "unauthorized")); got != 6 {
		t.Errorf("unauthorized events = %v, want 6", got)
	}
}

func TestOversizedBodyRefused(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil, nil, func(o *Options) { o.Settings.MaxBodyBytes = 2048 })
	big := slacktest.EventCallback("EvBig", slacktest.AppMention("C1", "U1", mention(strings.Repeat("why ", 1000)), "1.000001", ""))
	if status, _ := h.post("/slack/events", slacktest.JSONType, big); status != http.StatusRequestEntityTooLarge {
		t.Errorf("status %d, want 413", status)
	}
	// Without a Content-Length the cap still holds.
	req, _ := slacktest.SignedRequest(h.url+"/slack/events", slacktest.SigningSecret, time.Time{}, slacktest.JSONType, big)
	req.Body = io.NopCloser(io.MultiReader(bytes.NewReader(big)))
	req.ContentLength = -1
	if status, _ := do(t, req); status != http.StatusRequestEntityTooLarge {
		t.Errorf("chunked: status %d, want 413", status)
	}
	h.stop()
	if n := len(h.fake.Posts()); n != 0 {
		t.Errorf("%d posts", n)
	}
}

func TestURLVerification(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil, nil)
	status, body := h.post("/slack/events", slacktest.JSONType, slacktest.URLVerification("chal-123"))
	if status != http.StatusOK || !strings.Contains(body, `"challenge":"chal-123"`) {
		t.Errorf("= %d %s", status, body)
	}
}

func TestDirectMessages(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil, nil)
	// A DM outside a thread: answered at the top of the conversation.
	ts := h.seedQuestion("D1", "U1", "How is the mission funded?", "")
	h.event("EvDM1", slacktest.UserMessage("D1", "im", "U1", "How is the mission funded?", ts, ""), 0)
	posts, err := h.fake.WaitForPosts(1, wait)
	if err != nil {
		t.Fatal(err)
	}
	if posts[0].Channel != "D1" || posts[0].ThreadTS != "" || !strings.Contains(posts[0].BlockText(), "trust fund") {
		t.Errorf("DM answer = %+v\n%s", posts[0], posts[0].BlockText())
	}
	// In an assistant thread: the status shows progress, the answer goes in the thread.
	parent := h.seedQuestion("D1", "U1", "Who leads the mission?", "")
	h.event("EvDM2", slacktest.UserMessage("D1", "im", "U1", "Who leads the mission?", parent, parent), 0)
	posts, err = h.fake.WaitForPosts(2, wait)
	if err != nil {
		t.Fatal(err)
	}
	h.idle()
	if posts[1].ThreadTS != parent {
		t.Errorf("thread answer in %q, want %s", posts[1].ThreadTS, parent)
	}
	st := h.fake.Statuses()
	if len(st) != 2 || st[0].Status == "" || st[1].Status != "" || st[0].ThreadTS != parent || st[0].Seq > posts[1].Seq {
		t.Errorf("statuses = %+v", st)
	}
}

func TestThreadFollowUpsWithHistory(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil, nil)
	root := h.seedQuestion("C1", "U1", mention("Who leads the mission?"), "")
	h.event("Ev1", slacktest.AppMention("C1", "U1", mention("Who leads the mission?"), root, ""), 0)
	if _, err := h.fake.WaitForPosts(1, wait); err != nil {
		t.Fatal(err)
	}
	h.idle()
	// A follow-up in the thread, no mention: answered with the history.
	follow := h.seedQuestion("C1", "U2", "How is it funded?", root)
	h.event("Ev2", slacktest.UserMessage("C1", "channel", "U2", "How is it funded?", follow, root), 0)
	posts, err := h.fake.WaitForPosts(2, wait)
	if err != nil {
		t.Fatal(err)
	}
	h.idle()
	if posts[1].ThreadTS != root {
		t.Errorf("follow-up answered in %q", posts[1].ThreadTS)
	}
	reqs := h.answerer.requests()
	last := reqs[len(reqs)-1]
	if last.Question != "How is it funded?" || len(last.History) != 2 {
		t.Fatalf("request = %+v", last)
	}
	if last.History[0].Role != "user" || last.History[0].Text != "Who leads the mission?" {
		t.Errorf("history[0] = %+v", last.History[0])
	}
	if last.History[1].Role != "assistant" || !strings.Contains(last.History[1].Text, "Kenya") {
		t.Errorf("history[1] = %+v", last.History[1])
	}
	// A thread the bot is not part of is left alone.
	other := h.seedQuestion("C1", "U1", "unrelated chat", "")
	reply := h.seedQuestion("C1", "U2", "who leads the mission?", other)
	h.event("Ev3", slacktest.UserMessage("C1", "channel", "U2", "who leads the mission?", reply, other), 0)
	// Ignored messages: the bot's own, other bots', edits, and channels off the allow-list.
	own := slacktest.UserMessage("C1", "channel", slacktest.BotUserID, "Who leads?", h.seedQuestion("C1", slacktest.BotUserID, "x", root), root)
	h.event("Ev4", own, 0)
	botMsg := slacktest.UserMessage("C1", "channel", "U9", "Who leads?", h.seedQuestion("C1", "U9", "y", root), root)
	botMsg["bot_id"] = "BOTHER"
	h.event("Ev5", botMsg, 0)
	edited := slacktest.UserMessage("C1", "channel", "U2", "Who leads?", h.seedQuestion("C1", "U2", "z", root), root)
	edited["subtype"] = "message_changed"
	h.event("Ev6", edited, 0)
	h.stop()
	if n := len(h.fake.Posts()); n != 2 {
		t.Errorf("%d answers, want 2", n)
	}
}

func TestAllowList(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil, nil, func(o *Options) { o.Settings.Channels = []string{"C1"} })
	ts := h.seedQuestion("C2", "U1", mention("Who leads?"), "")
	h.event("EvOff", slacktest.AppMention("C2", "U1", mention("Who leads?"), ts, ""), 0)
	_, ack := h.command(slacktest.SlashCommand{Text: "Who leads?", ChannelID: "C2", ResponseURL: h.fake.ResponseURL("a")})
	if !strings.Contains(ack.Text, "not enabled in this channel") {
		t.Errorf("ack = %q", ack.Text)
	}
	// DMs are always allowed.
	dm := h.seedQuestion("D1", "U1", "Who leads?", "")
	h.event("EvDM", slacktest.UserMessage("D1", "im", "U1", "Who leads?", dm, ""), 0)
	h.stop()
	posts := h.fake.Posts()
	if len(posts) != 1 || posts[0].Channel != "D1" {
		t.Errorf("posts = %+v", posts)
	}
}

func TestDigestThreadPrefersItsDocuments(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil, nil)
	ctx := context.Background()
	digestTS := h.fake.AddMessage(slacktest.Message{Channel: "C1", User: slacktest.BotUserID, BotID: slacktest.BotID, Text: "Digest for last week"})
	end := time.Now().Truncate(time.Hour)
	if _, took, err := h.ledger.ClaimDigestRun(ctx, "C1", end.Add(-7*24*time.Hour), end, "test", time.Minute); err != nil || !took {
		t.Fatal(err)
	}
	docs := []string{corpus.DocID(corpus.CanonicalURL("https://example.org/funding"))}
	if err := h.ledger.CompleteDigestRun(ctx, "C1", end, "test", digestTS, docs); err != nil {
		t.Fatal(err)
	}
	q := h.seedQuestion("C1", "U1", "Who paid?", digestTS)
	h.event("EvDg", slacktest.UserMessage("C1", "channel", "U1", "Who paid?", q, digestTS), 0)
	if _, err := h.fake.WaitForPosts(1, wait); err != nil {
		t.Fatal(err)
	}
	h.idle()
	reqs := h.answerer.requests()
	if len(reqs) != 1 || len(reqs[0].PreferDocs) != 1 || reqs[0].PreferDocs[0] != docs[0] {
		t.Fatalf("requests = %+v", reqs)
	}
	if h := reqs[0].History; len(h) != 1 || h[0].Role != "assistant" {
		t.Errorf("history = %+v, want the digest as the assistant's turn", h)
	}
}

func TestRateLimitedPostRetried(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil, nil)
	h.fake.FailNext("chat.postMessage", 1, slacktest.RateLimited(time.Second))
	ts := h.seedQuestion("C1", "U1", mention("Who leads the mission?"), "")
	h.event("Ev429", slacktest.AppMention("C1", "U1", mention("Who leads the mission?"), ts, ""), 0)
	if _, err := h.fake.WaitForPosts(1, wait); err != nil {
		t.Fatal(err)
	}
	calls := h.fake.Calls("chat.postMessage")
	if len(calls) != 2 || calls[0].Status != http.StatusTooManyRequests || calls[1].Status != http.StatusOK {
		t.Fatalf("calls = %+v", calls)
	}
	if gap := calls[1].At.Sub(calls[0].At); gap < 900*time.Millisecond {
		t.Errorf("retried after %s, before Retry-After", gap)
	}
}

func TestLostAnswerToldToUser(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil, nil)
	h.fake.FailNext("chat.postMessage", 1, slacktest.APIError("msg_too_long"))
	ts := h.seedQuestion("C1", "U1", mention("Who leads the mission?"), "")
	h.event("EvLost", slacktest.AppMention("C1", "U1", mention("Who leads the mission?"), ts, ""), 0)
	posts, err := h.fake.WaitForPosts(1, wait)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(posts[0].Text, "would not take it (msg_too_long)") || posts[0].ThreadTS != ts {
		t.Errorf("notice = %+v", posts[0])
	}
}

func TestChannelMarkupInDocumentsIsHarmless(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil, nil)
	ts := h.seedQuestion("C1", "U1", mention("What did the zebra parade trust fund statement say?"), "")
	h.event("EvZ", slacktest.AppMention("C1", "U1", mention("What did the zebra parade trust fund statement say?"), ts, ""), 0)
	posts, err := h.fake.WaitForPosts(1, wait)
	if err != nil {
		t.Fatal(err)
	}
	p := posts[0]
	all := p.Text + "\n" + p.BlockText()
	if !strings.Contains(all, "zebra") || !strings.Contains(all, "&lt;!channel&gt;") {
		t.Fatalf("the document was not quoted:\n%s", all)
	}
	for _, live := range []string{"<!channel>", "<!here>", "<@U0ADMIN>", "@everyone"} {
		if strings.Contains(all, live) {
			t.Errorf("live %s in the answer", live)
		}
	}
	if v := p.Params.Get("link_names"); v == "1" || v == "true" {
		t.Errorf("link_names = %q", v)
	}
	if v := p.Params.Get("parse"); v == "full" {
		t.Error("parse=full")
	}
}

func TestCommands(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil, nil, func(o *Options) { o.Settings.Admins = []string{"UADMIN"} })
	tests := []struct {
		name, user, text, want string
	}{
		{"empty is help", "U1", "", "I answer questions about"},
		{"help", "U1", "help", "digest preview"},
		{"sources", "U1", "sources", "<https://example.org/funding|How the mission is paid for>"},
		{"add needs admin", "U1", "add https://example.org/new", "Only admins may do that."},
		{"add not configured", "UADMIN", "add https://example.org/new", "Adding documents is not configured"},
		{"digest not configured", "U1", "digest preview", "Digests are not configured"},
		{"sources question is a question", "U1", "sources of funding?", "Looking into: _sources of funding?_"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, r := h.command(slacktest.SlashCommand{UserID: tt.user, Text: tt.text, ResponseURL: h.fake.ResponseURL(tt.name)})
			if status != http.StatusOK || r.ResponseType != "ephemeral" || !strings.Contains(r.Text, tt.want) {
				t.Errorf("= %d %q\nwant %q", status, r.Text, tt.want)
			}
		})
	}
}

// adderFunc and digestsFunc stand in for the ingester and scheduler, which
// other packages provide; these tests check the command routing around them.
type adderFunc func(ctx context.Context, url string) (string, error)

func (f adderFunc) AddURL(ctx context.Context, url string) (string, error) { return f(ctx, url) }

type digestsStub struct {
	digest brief.Digest
	posted []string
}

func (d *digestsStub) Preview(context.Context, string) (brief.Digest, error) { return d.digest, nil }
func (d *digestsStub) PostNow(_ context.Context, ch string) (string, error) {
	d.posted = append(d.posted, ch)
	return "1.1", nil
}

func TestAdminCommands(t *testing.T) {
	t.Parallel()
	var added []string
	dg := &digestsStub{digest: testDigest()}
	h := newHarness(t, nil, nil, func(o *Options) {
		o.Settings.Admins = []string{"UADMIN"}
		o.Adder = adderFunc(func(_ context.Context, url string) (string, error) {
			added = append(added, url)
			return "1 document added: <!channel> news", nil
		})
		o.Digests = dg
	})
	_, r := h.command(slacktest.SlashCommand{UserID: "UADMIN", Text: "add <https://example.org/new|example.org/new>", ResponseURL: h.fake.ResponseURL("add")})
	if !strings.Contains(r.Text, "Adding <https://example.org/new>") {
		t.Errorf("ack = %q", r.Text)
	}
	_, r = h.command(slacktest.SlashCommand{UserID: "UADMIN", Text: "add ftp://x", ResponseURL: h.fake.ResponseURL("bad")})
	if !strings.Contains(r.Text, "needs a web address") {
		t.Errorf("ack = %q", r.Text)
	}
	_, r = h.command(slacktest.SlashCommand{UserID: "UADMIN", Text: "add http://user:hunter2@example.org/x", ResponseURL: h.fake.ResponseURL("creds")})
	if strings.Contains(r.Text, "hunter2") || !strings.Contains(r.Text, "example.org/x") || !strings.Contains(r.Text, "password") {
		t.Errorf("ack for a URL with credentials = %q: want a refusal naming the page, not the password", r.Text)
	}
	h.command(slacktest.SlashCommand{UserID: "U1", ChannelID: "C7", Text: "digest preview", ResponseURL: h.fake.ResponseURL("preview")})
	_, r = h.command(slacktest.SlashCommand{UserID: "U1", ChannelID: "C7", Text: "digest now", ResponseURL: h.fake.ResponseURL("no")})
	if !strings.Contains(r.Text, "Only admins") {
		t.Errorf("digest now by a non-admin: %q", r.Text)
	}
	h.command(slacktest.SlashCommand{UserID: "UADMIN", ChannelID: "C7", Text: "digest now", ResponseURL: h.fake.ResponseURL("now")})
	rs, err := h.fake.WaitForResponses(3, wait)
	if err != nil {
		t.Fatal(err)
	}
	h.idle()
	byID := map[string]slacktest.Message{}
	for _, r := range rs {
		byID[r.URLID] = r
	}
	if len(added) != 1 || added[0] != "https://example.org/new" || !strings.Contains(byID["add"].Text, "&lt;!channel&gt; news") {
		t.Errorf("add: %v, %q", added, byID["add"].Text)
	}
	if !strings.Contains(byID["preview"].BlockText(), "Digest: 2–8 Mar 2026") {
		t.Errorf("preview = %q", byID["preview"].BlockText())
	}
	if len(dg.posted) != 1 || dg.posted[0] != "C7" || !strings.Contains(byID["now"].Text, "Posted the digest") {
		t.Errorf("now: %v %q", dg.posted, byID["now"].Text)
	}
}

func TestHealthAndMetrics(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil, nil)
	resp, err := http.Get(h.url + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("healthz %d", resp.StatusCode)
	}
	h.command(slacktest.SlashCommand{Text: "help"})
	resp, err = http.Get(h.url + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{`briefbot_slack_requests_total{kind="commands",outcome="help"} 1`, "briefbot_slack_ack_seconds_bucket", "go_goroutines"} {
		if !strings.Contains(string(body), want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

func TestStartupErrorsNameTheVariable(t *testing.T) {
	t.Parallel()
	fake := slacktest.New(t)
	st, _ := seededStore(t)
	a, _ := brief.New(st, nil, brief.AnswererConfig{})
	base := Options{Settings: Settings{MaxBodyBytes: 1 << 20}, BotToken: slacktest.BotToken, SigningSecret: "s", APIURL: fake.APIURL(),
		Answerer: a, Store: st, Ledger: ledger.New(st.Database())}
	tests := []struct {
		name string
		edit func(*Options)
		want string
	}{
		{"no bot token", func(o *Options) { o.BotToken = "" }, "SLACK_BOT_TOKEN is not set"},
		{"user token", func(o *Options) { o.BotToken = "xoxp-1" }, "SLACK_BOT_TOKEN must be a bot token"},
		{"refused bot token", func(o *Options) { o.BotToken = "xoxb-wrong" }, "SLACK_BOT_TOKEN was refused"},
		{"no secret or app token", func(o *Options) { o.SigningSecret = "" }, "SLACK_SIGNING_SECRET"},
		{"bad app token", func(o *Options) { o.AppToken = "xoxb-not-app" }, "SLACK_APP_TOKEN must be an app-level token"},
		{"unreachable", func(o *Options) { o.APIURL = "http://127.0.0.1:1/api" }, "is SLACK_API_URL right"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := base
			tt.edit(&o)
			_, err := New(context.Background(), o)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
			if err != nil && strings.Contains(err.Error(), slacktest.BotToken) {
				t.Error("the error shows the token")
			}
		})
	}
}

func TestShareInChannelAfterRestart(t *testing.T) {
	t.Parallel()
	fake := slacktest.New(t)
	h := newHarness(t, fake, nil)
	h.command(slacktest.SlashCommand{Text: "Who leads the mission?", ResponseURL: fake.ResponseURL("ask"), UserID: "U1", ChannelID: "C1"})
	rs, err := fake.WaitForResponses(1, wait)
	if err != nil {
		t.Fatal(err)
	}
	shareValue := rs[0].ActionValues()[actionShare]
	if shareValue == "" {
		t.Fatal("answer offers no Share button")
	}
	if err := h.stop(); err != nil {
		t.Fatal(err)
	}

	// A new process on the same store: the click still shares the full answer, sources included.
	h2 := newHarness(t, fake, newStore(t, h.dbPath))
	click := slacktest.BlockAction("U1", "C1", "", actionShare, shareValue, fake.ResponseURL("share"), true)
	if status, _ := h2.post("/slack/interactive", slacktest.FormType, []byte(slacktest.InteractionForm(click).Encode())); status != http.StatusOK {
		t.Fatalf("interactive status %d", status)
	}
	rs, err = fake.WaitForResponses(2, wait)
	if err != nil {
		t.Fatal(err)
	}
	shared := rs[1]
	if shared.URLID != "share" || shared.Response.ResponseType != "in_channel" {
		t.Fatalf("shared = %+v, want an in_channel post through the click's response_url", shared.Response)
	}
	if st := shared.BlockText(); !strings.Contains(st, "*Q:* Who leads the mission?") || !strings.Contains(st, "<https://example.org/kenya-leads|") {
		t.Errorf("shared answer lost its question or sources:\n%s", st)
	}
}

// hostile holds every form of Slack markup that could ping or mislead.
const hostile = "<!channel> <!here> <@U123> <!subteam^S1> <javascript:alert(1)|x> @channel"

// A hostile document, question and model: whatever path the text takes
// (placeholder, streamed updates, final answer, slash command ack and
// response, shared answer), nothing live reaches any field Slack receives.
func TestHostileTextNeverReachesSlackLive(t *testing.T) {
	t.Parallel()
	if n := len(slacktest.UnsafeIn("probe", hostile)); n < 6 {
		t.Fatalf("the inspection finds %d of the 6 hostile forms; it would miss a leak", n)
	}
	llm := openaitest.New(t)
	llm.SetDefault(openaitest.Reply{
		Content: hostile + " The zebra trust fund pays for it [1]. " + hostile +
			" [click](javascript:alert(1)) `" + hostile + "`\n\n| who | says |\n|---|---|\n| " + hostile + " | <@U123> |",
		ChunkDelay: 5 * time.Millisecond,
	})
	model, err := brief.NewOpenAIChat(brief.OpenAIConfig{BaseURL: llm.URL, Model: "gpt-4o-mini", APIType: "openai", Timeout: 10 * time.Second}, "sk-test")
	if err != nil {
		t.Fatal(err)
	}
	store, _ := seededStore(t)
	day := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	if _, err := store.Put(context.Background(), corpus.Document{
		Title: "Zebra " + hostile, Source: hostile, URL: "https://example.org/hostile", Published: day,
		Text: hostile + " the zebra trust fund statement " + hostile + " says zebras pay for the trust fund.",
	}); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, nil, store, func(o *Options) {
		a, err := brief.New(o.Store.(brief.Searcher), model, brief.AnswererConfig{Topic: "the MSS mission in Haiti"})
		if err != nil {
			t.Fatal(err)
		}
		o.Answerer, o.StreamInterval = a, 10*time.Millisecond
	})
	question := "What does the zebra trust fund statement say? " + hostile

	// A mention: placeholder, streamed updates, final answer.
	ts := h.seedQuestion("C1", "U1", mention(question), "")
	h.event("EvHostile", slacktest.AppMention("C1", "U1", mention(question), ts, ""), 0)
	if !h.fake.Wait(wait, func() bool { return len(h.fake.Reactions()) == 2 }) {
		t.Fatal("the mention was never answered")
	}
	// A slash command: the ack, the answer and sharing it.
	status, body := h.post("/slack/commands", slacktest.FormType,
		[]byte(slacktest.SlashCommand{Text: question, ResponseURL: h.fake.ResponseURL("hostile"), UserID: "U1", ChannelID: "C1"}.Form().Encode()))
	if status != http.StatusOK {
		t.Fatalf("command status %d", status)
	}
	for _, u := range slacktest.UnsafeIn("command ack", body) {
		t.Errorf("sent to Slack: %s", u)
	}
	rs, err := h.fake.WaitForResponses(1, wait)
	if err != nil {
		t.Fatal(err)
	}
	if share := rs[0].ActionValues()[actionShare]; share != "" {
		click := slacktest.BlockAction("U1", "C1", "", actionShare, share, h.fake.ResponseURL("share"), true)
		h.post("/slack/interactive", slacktest.FormType, []byte(slacktest.InteractionForm(click).Encode()))
		if _, err := h.fake.WaitForResponses(2, wait); err != nil {
			t.Fatal(err)
		}
	}
	if err := h.stop(); err != nil {
		t.Fatal(err)
	}

	// Something was sent, and the hostile text was shown, not dropped.
	final, _ := h.fake.Message("C1", h.fake.Posts()[0].TS)
	all := final.Text + "\n" + final.BlockText() + "\n" + rs[0].BlockText()
	for _, want := range []string{"zebra", "&lt;!channel&gt;"} {
		if !strings.Contains(all, want) {
			t.Errorf("answers lack %q:\n%s", want, all)
		}
	}
	if len(h.fake.Updates()) == 0 {
		t.Error("no streamed updates were checked")
	}
	for _, u := range h.fake.Unsafe() {
		t.Errorf("sent to Slack: %s", u)
	}
}
