package slackbot

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/openaitest"
	"github.com/mss-brief/briefbot/internal/slacktest"
)

// TestBlockKitTypes sends every kind of payload the bot makes (streamed
// and drawn answers, slash command replies and answers, shares, votes,
// notices, a digest, the home tab, the assistant pane) to the fake Slack,
// and type-checks all it captured against Slack's own @slack/types with
// `tsc --strict`: as KnownBlock[], View or AnyChunk[]. With
// BRIEFBOT_CAPTURE_DIR set (.ci/run sets it for the whole test run), what
// every other test sent is checked too. Two payloads that must fail go in
// with them, so the check is seen to catch what it should.
func TestBlockKitTypes(t *testing.T) {
	t.Parallel()
	tool, err := slacktest.BlockKitDir()
	if errors.Is(err, slacktest.ErrNoTypeChecker) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	var payloads []slacktest.Payload

	// Streamed: a model's answer with its task updates, sources and feedback.
	streamed := slacktest.New(t, slacktest.WithStreaming())
	mh := modelHarness(t, streamed, openaitest.Reply{Content: "Kenya **leads** the mission [1]."}, nil)
	ts := mh.seedQuestion("C1", "U1", mention("Who leads the mission?"), "")
	mh.event("EvBK1", slacktest.AppMention("C1", "U1", mention("Who leads the mission?"), ts, ""), 0)
	if _, err := streamed.WaitForStreams(1, wait); err != nil {
		t.Fatal(err)
	}
	mh.idle()
	mh.stop()
	payloads = append(payloads, streamed.Payloads()...)

	// Drawn: mention, DM, slash command (reply, answer, share, vote),
	// shortcut, home tab, assistant pane, digest.
	h := newHarness(t, nil, nil, func(o *Options) {
		o.Home = homeStub{facts: HomeFacts{Documents: 3, Passages: 9,
			Publishers: []PublisherFacts{{"Test Wire", 2}, {"", 1}},
			Newest:     []HomeDocument{{Title: "Kenya to lead", Source: "Test Wire", URL: "https://example.org/k", Published: time.Now()}},
			Feeds:      []FeedFacts{{URL: "https://example.org/rss", Documents: 1, LastItem: time.Now(), LastError: "timeout"}},
			Digests:    []DigestFacts{{Channel: "CD", Next: time.Now().Add(time.Hour)}},
		}}
		o.Topic.Examples = []string{"Who leads the mission?"}
	})
	ts = h.seedQuestion("C1", "U1", mention("How is the mission funded?"), "")
	h.event("EvBK2", slacktest.AppMention("C1", "U1", mention("How is the mission funded?"), ts, ""), 0)
	dm := h.seedQuestion("D1", "U1", "", "")
	h.event("EvBK3", slacktest.UserMessage("D1", "im", "U1", "", dm, ""), 0) // an empty question: the notice
	_, body := h.post("/slack/commands", slacktest.FormType, []byte(slacktest.SlashCommand{Text: "Who leads the mission?", ResponseURL: h.fake.ResponseURL("bk"), ChannelID: "C1", UserID: "U1"}.Form().Encode()))
	var ack struct {
		Blocks json.RawMessage `json:"blocks"`
	}
	if err := json.Unmarshal([]byte(body), &ack); err == nil && len(ack.Blocks) > 0 {
		payloads = append(payloads, slacktest.Payload{Kind: slacktest.PayloadBlocks, Method: "slash command reply", JSON: ack.Blocks})
	}
	rs, err := h.fake.WaitForResponses(1, wait)
	if err != nil {
		t.Fatal(err)
	}
	acts := rs[0].ActionValues()
	for i, a := range []string{actionShare, actionUp} {
		click := slacktest.BlockAction("U1", "C1", "", a, acts[a], h.fake.ResponseURL("bkc"+a), true)
		h.post("/slack/interactive", slacktest.FormType, []byte(slacktest.InteractionForm(click).Encode()))
		if _, err := h.fake.WaitForResponses(2+i, wait); err != nil {
			t.Fatal(err)
		}
	}
	sc := h.seedQuestion("C1", "U2", "Who leads the mission?", "")
	h.post("/slack/interactive", slacktest.FormType, []byte(slacktest.InteractionForm(slacktest.MessageAction("U1", "brief_message",
		slacktest.ShortcutMessage{Channel: "C1", User: "U2", Text: "Who leads the mission?", TS: sc}, h.fake.ResponseURL("bks"))).Encode()))
	h.event("EvBK4", slacktest.AppHomeOpened("U1", "home"), 0)
	h.event("EvBK5", slacktest.AssistantThreadStarted("U1", "D1", "1700000000.000100", ""), 0)
	if _, err := h.bot.Publisher().PostDigest(context.Background(), "CD", testDigest(), "CD@bk"); err != nil {
		t.Fatal(err)
	}
	if !h.fake.Wait(wait, func() bool { return len(h.fake.Views()) == 1 && len(h.fake.Posts()) >= 4 }) {
		t.Fatalf("views %d, posts %d", len(h.fake.Views()), len(h.fake.Posts()))
	}
	h.idle()
	h.stop()
	payloads = append(payloads, h.fake.Payloads()...)

	kinds := map[string]int{}
	for _, p := range payloads {
		kinds[p.Kind]++
	}
	if kinds[slacktest.PayloadBlocks] < 8 || kinds[slacktest.PayloadView] != 1 || kinds[slacktest.PayloadChunks] == 0 {
		t.Errorf("captured %v: every kind should be there", kinds)
	}
	if dir := os.Getenv(slacktest.CaptureEnv); dir != "" {
		more, err := slacktest.ReadCapture(dir)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%d more payloads from %s", len(more), dir)
		payloads = append(payloads, more...)
	}

	// What the check must refuse: a section without its text, a button
	// style Slack does not have.
	bad := []slacktest.Payload{
		{Kind: slacktest.PayloadBlocks, Method: "bad: section without text", JSON: json.RawMessage(`[{"type":"section","text":{"type":"mrkdwn"}}]`)},
		{Kind: slacktest.PayloadView, Method: "bad: button style", JSON: json.RawMessage(`{"type":"home","blocks":[{"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"x"},"style":"blue"}]}]}`)},
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	failures, checked, err := slacktest.TypeCheck(ctx, tool, append(payloads, bad...))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d payloads (%d distinct) type-checked against @slack/types", len(payloads)+len(bad), checked)
	refused := map[string]bool{}
	for _, f := range failures {
		if strings.HasPrefix(f.Payload.Method, "bad: ") {
			refused[f.Payload.Method] = true
			continue
		}
		t.Errorf("%s payload from %s is not a valid @slack/types %s:\n%s\n%s", f.Payload.Kind, f.Payload.Method, f.Payload.Kind, strings.Join(f.Errors, "\n"), f.Payload.JSON)
	}
	for _, b := range bad {
		if !refused[b.Method] {
			t.Errorf("the check let %q through", b.Method)
		}
	}
}
