package slackbot

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/brief"
	"github.com/mss-brief/briefbot/internal/ledger"
	"github.com/mss-brief/briefbot/internal/openaitest"
	"github.com/mss-brief/briefbot/internal/slacktest"
)

func socketMode(o *Options) { o.AppToken, o.SigningSecret = slacktest.AppToken, "" }

func TestSocketMode(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil, nil, socketMode)
	if err := h.fake.WaitForSocket(wait); err != nil {
		t.Fatal(err)
	}
	ts := h.seedQuestion("C1", "U1", mention("Who leads the mission?"), "")
	ev := slacktest.EventCallback("EvS1", slacktest.AppMention("C1", "U1", mention("Who leads the mission?"), ts, ""))
	env, err := h.fake.SendEvent(ev, 0)
	if err != nil {
		t.Fatal(err)
	}
	ack, err := h.fake.WaitForAck(env, wait)
	if err != nil {
		t.Fatal(err)
	}
	posts, err := h.fake.WaitForPosts(1, wait)
	if err != nil {
		t.Fatal(err)
	}
	if ack.Seq > posts[0].Seq {
		t.Error("the envelope was acknowledged after the answer was posted")
	}
	if posts[0].ThreadTS != ts || !strings.Contains(posts[0].BlockText(), "Kenya") {
		t.Errorf("answer = %+v", posts[0])
	}
	// Slack redelivers an envelope it thinks was lost: acked, not answered again.
	env2, err := h.fake.SendEvent(ev, 1)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.fake.WaitForAck(env2, wait); err != nil {
		t.Fatal(err)
	}

	// A slash command: the restated question rides on the ack.
	env3, err := h.fake.SendSlashCommand(slacktest.SlashCommand{Text: "How is the mission funded?", ResponseURL: h.fake.ResponseURL("sock")}.Form())
	if err != nil {
		t.Fatal(err)
	}
	ack3, err := h.fake.WaitForAck(env3, wait)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(ack3.Payload), "Looking into: _How is the mission funded?_") {
		t.Errorf("ack payload = %s", ack3.Payload)
	}
	rs, err := h.fake.WaitForResponses(1, wait)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(rs[0].BlockText(), "trust fund") {
		t.Errorf("answer = %s", rs[0].BlockText())
	}

	// A click.
	up := rs[0].ActionValues()[actionUp]
	env4, err := h.fake.SendInteractive(slacktest.BlockAction("U3", "C1", "", actionUp, up, h.fake.ResponseURL("sockvote"), true))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.fake.WaitForAck(env4, wait); err != nil {
		t.Fatal(err)
	}
	if _, err := h.fake.WaitForResponses(2, wait); err != nil {
		t.Fatal(err)
	}
	fb, err := h.ledger.FeedbackFor(context.Background(), parseID(t, up))
	if err != nil || len(fb) != 1 || fb[0].Vote != "up" {
		t.Errorf("feedback = %+v, %v", fb, err)
	}

	// Only health and metrics are served over HTTP in Socket Mode.
	if status, _ := h.post("/slack/events", slacktest.JSONType, ev); status == http.StatusOK {
		t.Error("HTTP events accepted in Socket Mode")
	}
	resp, err := http.Get(h.url + "/healthz")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Errorf("healthz: %v %v", resp, err)
	}
	resp.Body.Close()

	if err := h.stop(); err != nil {
		t.Fatal(err)
	}
	if n := len(h.fake.Posts()); n != 1 {
		t.Errorf("%d answers in the channel, want 1", n)
	}
}

// serveRefused runs the bot in Socket Mode with appToken against fake and
// returns what Serve ended with, within the test's wait.
func serveRefused(t *testing.T, fake *slacktest.Server, appToken string) error {
	t.Helper()
	st, _ := seededStore(t)
	a, _ := brief.New(st, nil, brief.AnswererConfig{})
	b, err := New(context.Background(), Options{BotToken: slacktest.BotToken, AppToken: appToken, APIURL: fake.APIURL(), Answerer: a, Store: st, Ledger: ledger.New(st.Database())})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	return b.Serve(ctx, ln)
}

func TestSocketModeRefusedAppToken(t *testing.T) {
	t.Parallel()
	err := serveRefused(t, slacktest.New(t), "xapp-wrong")
	if err == nil || !strings.Contains(err.Error(), "SLACK_APP_TOKEN") {
		t.Errorf("Serve = %v, want an error naming SLACK_APP_TOKEN", err)
	}
}

// An app token without connections:write is refused by apps.connections.open
// each time: the bot stops at once and names the fix instead of retrying.
func TestSocketModeTokenWithoutScopeStops(t *testing.T) {
	t.Parallel()
	fake := slacktest.New(t)
	fake.FailNext("apps.connections.open", 1000, slacktest.Failure{APIError: "missing_scope"})
	err := serveRefused(t, fake, slacktest.AppToken)
	if err == nil || !strings.Contains(err.Error(), "connections:write") || !strings.Contains(err.Error(), "SLACK_APP_TOKEN") {
		t.Errorf("Serve = %v, want an error naming SLACK_APP_TOKEN and connections:write", err)
	}
}

// gate is an Answerer that holds each question until released; it stands
// in for a slow model in the pool and shutdown tests.
type gate struct {
	entered chan string
	release chan struct{}
}

func newGate() *gate { return &gate{entered: make(chan string, 16), release: make(chan struct{})} }

func (g *gate) Answer(ctx context.Context, req brief.Request) (brief.Answer, error) {
	g.entered <- req.Question
	select {
	case <-g.release:
		return brief.Answer{Question: req.Question, Text: "Answer to " + req.Question, Mode: brief.ModeExtractive}, nil
	case <-ctx.Done():
		return brief.Answer{}, ctx.Err()
	}
}

func (g *gate) waitEntered(t *testing.T) string {
	t.Helper()
	select {
	case q := <-g.entered:
		return q
	case <-time.After(wait):
		t.Fatal("the answerer was never asked")
		return ""
	}
}

func TestPoolFullTellsTheUser(t *testing.T) {
	t.Parallel()
	g := newGate()
	h := newHarness(t, nil, nil, func(o *Options) {
		o.Answerer = g
		o.Settings.Workers, o.Settings.Queue = 1, 0
	})
	ts1 := h.seedQuestion("C1", "U1", mention("first"), "")
	h.event("EvP1", slacktest.AppMention("C1", "U1", mention("first"), ts1, ""), 0)
	g.waitEntered(t)
	ts2 := h.seedQuestion("C1", "U2", mention("second"), "")
	h.event("EvP2", slacktest.AppMention("C1", "U2", mention("second"), ts2, ""), 0)
	posts, err := h.fake.WaitForPosts(1, wait)
	if err != nil {
		t.Fatal(err)
	}
	if posts[0].ThreadTS != ts2 || !strings.Contains(posts[0].Text, "ask again in a minute") {
		t.Errorf("busy notice = %+v", posts[0])
	}
	_, ack := h.command(slacktest.SlashCommand{Text: "third", ResponseURL: h.fake.ResponseURL("busy")})
	if !strings.Contains(ack.Text, "try again in a minute") {
		t.Errorf("command ack = %q", ack.Text)
	}
	// The turned-away question's claims were given back: a retry may answer.
	if took, err := h.ledger.Claim(context.Background(), "event:EvP2", time.Minute); err != nil || !took {
		t.Errorf("event claim kept: %v %v", took, err)
	}
	if took, err := h.ledger.Claim(context.Background(), "msg:C1:"+ts2, time.Minute); err != nil || !took {
		t.Errorf("message claim kept: %v %v", took, err)
	}
	close(g.release)
	posts, err = h.fake.WaitForPosts(2, wait)
	if err != nil {
		t.Fatal(err)
	}
	if posts[1].ThreadTS != ts1 || !strings.Contains(posts[1].BlockText(), "Answer to first") {
		t.Errorf("answer = %+v", posts[1])
	}
	if got := metricValue(h.bot.metrics.busy.WithLabelValues("mention")); got != 1 {
		t.Errorf("busy metric = %v", got)
	}
}

func TestShutdownDrainsWorkInFlight(t *testing.T) {
	t.Parallel()
	g := newGate()
	h := newHarness(t, nil, nil, func(o *Options) {
		o.Answerer = g
		o.Settings.Workers, o.Settings.Queue = 1, 4
	})
	ts1 := h.seedQuestion("C1", "U1", mention("one"), "")
	ts2 := h.seedQuestion("C1", "U1", mention("two"), "")
	h.event("EvD1", slacktest.AppMention("C1", "U1", mention("one"), ts1, ""), 0)
	h.event("EvD2", slacktest.AppMention("C1", "U1", mention("two"), ts2, ""), 0) // queued
	g.waitEntered(t)
	h.cancel() // SIGTERM
	h.cancel = nil
	// Draining: health says so, and Serve has not returned.
	deadline := time.Now().Add(wait)
	for {
		resp, err := http.Get(h.url + "/healthz")
		if err != nil || resp.StatusCode == http.StatusServiceUnavailable {
			if resp != nil {
				resp.Body.Close()
			}
			break
		}
		resp.Body.Close()
		if time.Now().After(deadline) {
			t.Fatal("never started draining")
		}
		time.Sleep(5 * time.Millisecond)
	}
	select {
	case err := <-h.done:
		t.Fatalf("Serve returned (%v) with work in flight", err)
	default:
	}
	close(g.release)
	select {
	case err := <-h.done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(wait):
		t.Fatal("Serve did not return after the work finished")
	}
	posts := h.fake.Posts()
	if len(posts) != 2 {
		t.Fatalf("%d answers after draining, want 2", len(posts))
	}
}

func TestShutdownTimeoutTellsTheUser(t *testing.T) {
	t.Parallel()
	g := newGate()
	h := newHarness(t, nil, nil, func(o *Options) {
		o.Answerer = g
		o.Settings.ShutdownTimeout = 200 * time.Millisecond
	})
	ts := h.seedQuestion("C1", "U1", mention("slow"), "")
	h.event("EvT", slacktest.AppMention("C1", "U1", mention("slow"), ts, ""), 0)
	g.waitEntered(t)
	start := time.Now()
	if err := h.stop(); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("shutdown took %s with a 200ms timeout", took)
	}
	posts := h.fake.Posts()
	if len(posts) != 1 || posts[0].ThreadTS != ts || !strings.Contains(posts[0].Text, "ask again") {
		t.Errorf("posts = %+v", posts)
	}
}

func TestStreamingAnswerReplacesPlaceholder(t *testing.T) {
	t.Parallel()
	llm := openaitest.New(t)
	llm.SetDefault(openaitest.Reply{
		Content:    "Kenya **leads** the mission [1], with police officers sent to Port-au-Prince [1].",
		ChunkDelay: 30 * time.Millisecond,
	})
	model, err := brief.NewOpenAIChat(brief.OpenAIConfig{BaseURL: llm.URL, Model: "gpt-4o-mini", APIType: "openai", Timeout: 10 * time.Second}, "sk-test")
	if err != nil {
		t.Fatal(err)
	}
	const every = 60 * time.Millisecond
	h := newHarness(t, nil, nil, func(o *Options) {
		a, err := brief.New(o.Store.(brief.Searcher), model, brief.AnswererConfig{Topic: "the MSS mission in Haiti"})
		if err != nil {
			t.Fatal(err)
		}
		o.Answerer, o.StreamInterval = a, every
	})
	ts := h.seedQuestion("C1", "U1", mention("Who leads the mission?"), "")
	h.event("EvStream", slacktest.AppMention("C1", "U1", mention("Who leads the mission?"), ts, ""), 0)
	// The job ends by removing the working reaction.
	if !h.fake.Wait(wait, func() bool { return len(h.fake.Reactions()) == 2 }) {
		t.Fatal("the answer never finished")
	}
	posts := h.fake.Posts()
	if len(posts) != 1 || posts[0].ThreadTS != ts {
		t.Fatalf("posts = %+v, want one placeholder in the thread", posts)
	}
	updates := h.fake.Updates()
	if len(updates) < 2 {
		t.Fatalf("%d updates, want partial ones and the final one", len(updates))
	}
	for _, u := range updates[:len(updates)-1] {
		if !strings.Contains(u.BlockText(), "writing…") {
			t.Errorf("partial update without the writing marker: %s", u.BlockText())
		}
	}
	final, _ := h.fake.Message("C1", posts[0].TS)
	text := final.BlockText()
	// The body is the model's Markdown in a markdown block; the
	// notification text is mrkdwn.
	for _, want := range []string{"Kenya **leads** the mission [1]", "*Sources*", "example.org/kenya-leads"} {
		if !strings.Contains(text, want) {
			t.Errorf("final answer lacks %q:\n%s", want, text)
		}
	}
	if !strings.Contains(string(final.Blocks), `"type":"markdown"`) || !strings.Contains(final.Text, "Kenya *leads* the mission") {
		t.Errorf("final answer: blocks %s, text %q; want a markdown block and mrkdwn text", final.Blocks, final.Text)
	}
	if strings.Contains(text, "writing…") {
		t.Error("the final answer still says it is being written")
	}
	if _, ok := final.ActionValues()[actionUp]; !ok {
		t.Error("the final answer has no feedback buttons")
	}
	// Redraws are throttled: the placeholder post and the partial updates
	// are at least the interval apart (the final update is not throttled).
	calls := h.fake.Calls("chat.postMessage", "chat.update")
	for i := 1; i < len(calls)-1; i++ {
		if gap := calls[i].At.Sub(calls[i-1].At); gap < every-10*time.Millisecond {
			t.Errorf("redraw %d only %s after the previous one", i, gap)
		}
	}
}

// Over Socket Mode the slash command's restated question rides on the
// ack: a hostile question arrives there inert (the harness then inspects
// every ack and request the fake received).
func TestSocketModeHostileCommandAckInert(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil, nil, socketMode)
	if err := h.fake.WaitForSocket(wait); err != nil {
		t.Fatal(err)
	}
	env, err := h.fake.SendSlashCommand(slacktest.SlashCommand{Text: "trust fund " + hostile, ResponseURL: h.fake.ResponseURL("sockh")}.Form())
	if err != nil {
		t.Fatal(err)
	}
	ack, err := h.fake.WaitForAck(env, wait)
	if err != nil {
		t.Fatal(err)
	}
	var p struct{ Text string }
	if err := json.Unmarshal(ack.Payload, &p); err != nil || !strings.Contains(p.Text, "Looking into: _trust fund &lt;!channel&gt;") {
		t.Fatalf("ack payload = %s (%v), want the question restated, escaped", ack.Payload, err)
	}
	if _, err := h.fake.WaitForResponses(1, wait); err != nil {
		t.Fatal(err)
	}
	if err := h.stop(); err != nil {
		t.Fatal(err)
	}
	for _, u := range h.fake.Unsafe() {
		t.Errorf("sent to Slack: %s", u)
	}
}

// TestSocketModeReplayedCommandAckEmpty: a slash command delivered twice
// over Socket Mode (the same trigger) is answered once; the replay's ack
// carries nothing.
func TestSocketModeReplayedCommandAckEmpty(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil, nil, socketMode)
	if err := h.fake.WaitForSocket(wait); err != nil {
		t.Fatal(err)
	}
	cmd := slacktest.SlashCommand{Text: "How is the mission funded?", ResponseURL: h.fake.ResponseURL("replay"), TriggerID: "trigger-replayed"}
	var payloads []string
	for range 2 {
		env, err := h.fake.SendSlashCommand(cmd.Form())
		if err != nil {
			t.Fatal(err)
		}
		ack, err := h.fake.WaitForAck(env, wait)
		if err != nil {
			t.Fatal(err)
		}
		payloads = append(payloads, string(ack.Payload))
	}
	if !strings.Contains(payloads[0], "Looking into") {
		t.Errorf("first ack = %s, want the question restated", payloads[0])
	}
	if p := strings.TrimSpace(payloads[1]); p != "" && p != "null" {
		t.Errorf("replay ack = %s, want no payload", p)
	}
	if _, err := h.fake.WaitForResponses(1, wait); err != nil {
		t.Fatal(err)
	}
	if err := h.stop(); err != nil {
		t.Fatal(err)
	}
	if n := len(h.fake.Responses()); n != 1 {
		t.Errorf("%d answers posted to the response URL, want 1", n)
	}
	for _, u := range h.fake.Unsafe() {
		t.Errorf("sent to Slack: %s", u)
	}
}
