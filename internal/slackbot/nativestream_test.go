package slackbot

import (
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/mss-brief/briefbot/internal/brief"
	"github.com/mss-brief/briefbot/internal/openaitest"
	"github.com/mss-brief/briefbot/internal/slacktest"
)

func TestSettled(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"Kenya", ""},
		{"Kenya leads", "Kenya "},
		{"Kenya leads ", "Kenya leads "},
		{"see <https://example.org/a b", "see "},
		{"see <https://example.org/a|the page> and", "see <https://example.org/a|the page> "},
		{"a\nb", "a\n"},
		{"x &amp", "x "},
		{"see [the page](https://example.org/a b", "see "},
		{"see [the page", "see "},
		{"see [the page](https://example.org/a) and", "see [the page](https://example.org/a) "},
		{"Kenya leads [1] and", "Kenya leads [1] "},
		{"a [" + strings.Repeat("x ", 600) + "y", "a [" + strings.Repeat("x ", 600)}, // a stray "[" holds back no more than maxHeldLink
	} {
		if got := settled(c.in); got != c.want {
			t.Errorf("settled(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFitPiece(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   string
		room int
		want string
	}{
		{"short text", 100, "short text"},
		{"one two three four", 10, "one two "},
		{"a <b c", 5, "a "},            // "<" grows to "&lt;" when sanitized
		{"éééééé", 5, "éé"},            // never inside a character
		{"one two", 0, ""},             // no room: roll over
		{"&&&& &&&&", 12, "&&&& "[:2]}, // "&" grows fivefold
	} {
		piece, out := fitPiece(c.in, c.room, false)
		if piece != c.want {
			t.Errorf("fitPiece(%q, %d) = %q, want %q", c.in, c.room, piece, c.want)
		}
		if len(out) > c.room || out != sanitizeMrkdwn(piece) {
			t.Errorf("fitPiece(%q, %d) sends %q (%d bytes)", c.in, c.room, out, len(out))
		}
	}
	// A link's target is checked as a markdown block's, except in code.
	for _, c := range []struct {
		in     string
		inCode bool
		want   string
	}{
		{"see [x](javascript:alert(1)) now ", false, "see x now "},
		{"see [x](https://example.org/) now ", false, "see [x](https://example.org/) now "},
		{"[x](javascript:y)\n```\n", true, "[x](javascript:y)\n```\n"},
	} {
		if _, out := fitPiece(c.in, 1000, c.inCode); out != c.want {
			t.Errorf("fitPiece(%q, in code %v) sends %q, want %q", c.in, c.inCode, out, c.want)
		}
	}
}

func TestFeedbackChoice(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in, vote, id string
		ok           bool
	}{
		{"up:42", "up", "42", true},
		{"down:7", "down", "7", true},
		{"sideways:7", "", "", false},
		{"up:x", "", "", false},
		{"42", "", "", false},
	} {
		vote, id, ok := feedbackChoice(c.in)
		if vote != c.vote || id != c.id || ok != c.ok {
			t.Errorf("feedbackChoice(%q) = %q %q %v", c.in, vote, id, ok)
		}
	}
}

func TestStreamRefusal(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		err   error
		code  string
		whole bool
	}{
		{slack.SlackErrorResponse{Err: "unknown_method"}, "unknown_method", true},
		{slack.SlackErrorResponse{Err: "method_not_supported"}, "method_not_supported", true},
		{slack.SlackErrorResponse{Err: "not_allowed"}, "not_allowed", true},
		{slack.SlackErrorResponse{Err: "channel_type_not_supported"}, "channel_type_not_supported", false},
		{slack.StatusCodeError{Code: 404}, "HTTP 404", true},
		{slack.StatusCodeError{Code: 500}, "HTTP 500", false},
		{errors.New("dial tcp: refused"), "refused", false},
	} {
		code, whole := streamRefusal(c.err)
		if code != c.code || whole != c.whole {
			t.Errorf("streamRefusal(%v) = %q %v, want %q %v", c.err, code, whole, c.code, c.whole)
		}
	}
}

func TestThousands(t *testing.T) {
	t.Parallel()
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 12400: "12,400", 1234567: "1,234,567"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q", n, got)
		}
	}
}

// modelHarness is a bot answering through the fake model with reply.
func modelHarness(t testing.TB, fake *slacktest.Server, reply openaitest.Reply, model func(brief.ChatModel) brief.ChatModel) *harness {
	t.Helper()
	llm := openaitest.New(t)
	llm.SetDefault(reply)
	m, err := brief.NewOpenAIChat(brief.OpenAIConfig{BaseURL: llm.URL, Model: "gpt-4o-mini", APIType: "openai", Timeout: 10 * time.Second}, "sk-test")
	if err != nil {
		t.Fatal(err)
	}
	var cm brief.ChatModel = m
	if model != nil {
		cm = model(m)
	}
	var rec *recorder
	h := newHarness(t, fake, nil, func(o *Options) {
		a, err := brief.New(o.Store.(brief.Searcher), cm, brief.AnswererConfig{Topic: "the MSS mission in Haiti"})
		if err != nil {
			t.Fatal(err)
		}
		rec = &recorder{next: a}
		o.Answerer, o.StreamInterval = rec, 50*time.Millisecond
	})
	h.answerer = rec
	return h
}

// teamEvent is an event callback from another workspace.
func teamEvent(t testing.TB, eventID, team string, ev map[string]any) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(slacktest.EventCallback(eventID, ev), &m); err != nil {
		t.Fatal(err)
	}
	m["team_id"] = team
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// feedbackValues reads the feedback buttons element in blocks.
func feedbackValues(t testing.TB, blocks json.RawMessage) (actionID, up, down string) {
	t.Helper()
	var list []struct {
		Type     string `json:"type"`
		Elements []struct {
			Type     string `json:"type"`
			ActionID string `json:"action_id"`
			Positive struct {
				Value string `json:"value"`
			} `json:"positive_button"`
			Negative struct {
				Value string `json:"value"`
			} `json:"negative_button"`
		} `json:"elements"`
	}
	if err := json.Unmarshal(blocks, &list); err != nil {
		t.Fatalf("blocks %s: %v", blocks, err)
	}
	for _, b := range list {
		for _, e := range b.Elements {
			if b.Type == "context_actions" && e.Type == "feedback_buttons" {
				return e.ActionID, e.Positive.Value, e.Negative.Value
			}
		}
	}
	return "", "", ""
}

// chunkTitles lists the titles of the task updates sent.
func chunkTitles(st slacktest.Stream) []string {
	var out []string
	for _, c := range st.Chunks {
		var ch struct {
			Type, Title, Status string
		}
		if json.Unmarshal(c, &ch) == nil && ch.Type == "task_update" {
			out = append(out, ch.Title+" ("+ch.Status+")")
		}
	}
	return out
}

func TestMentionStreamsNatively(t *testing.T) {
	t.Parallel()
	fake := slacktest.New(t, slacktest.WithStreaming())
	h := modelHarness(t, fake, openaitest.Reply{
		Content:    "Kenya **leads** the mission [1], with police officers sent to Port-au-Prince [1].",
		ChunkDelay: 5 * time.Millisecond,
	}, nil)
	ts := h.seedQuestion("C1", "U1", mention("Who leads the mission?"), "")
	h.event("EvNative", slacktest.AppMention("C1", "U1", mention("Who leads the mission?"), ts, ""), 0)
	streams, err := fake.WaitForStreams(1, wait)
	if err != nil {
		t.Fatal(err)
	}
	h.idle()
	st := streams[0]
	if st.Channel != "C1" || st.ThreadTS != ts || st.RecipientUser != "U1" || st.RecipientTeam != slacktest.TeamID {
		t.Errorf("stream = %+v, want in the question's thread for U1 of %s", st, slacktest.TeamID)
	}
	if st.Appends < 2 {
		t.Errorf("%d appends, want the first text early and the rest after", st.Appends)
	}
	for _, want := range []string{"Kenya **leads** the mission [1]", "Port-au-Prince [1]."} {
		if !strings.Contains(st.Text, want) {
			t.Errorf("streamed text lacks %q:\n%s", want, st.Text)
		}
	}
	tasks := strings.Join(chunkTitles(st), "; ")
	// The steps as the answerer reports them: the store's 3 passages, the
	// 2 documents the passages found come from.
	for _, want := range []string{"Searching 3 passages (in_progress)", "Searching 3 passages (complete)", "Reading 2 sources (in_progress)",
		"Read 2 sources (complete)", "Writing (in_progress)", "Written (complete)"} {
		if !strings.Contains(tasks, want) {
			t.Errorf("task updates lack %q: %s", want, tasks)
		}
	}
	final, _ := fake.Message("C1", st.TS)
	blocks := final.BlockText()
	for _, want := range []string{"*Sources*", "example.org/kenya-leads", "Helpful"} {
		if !strings.Contains(blocks, want) {
			t.Errorf("stop blocks lack %q:\n%s", want, blocks)
		}
	}
	if n, u := len(fake.Posts()), len(fake.Updates()); n != 0 || u != 0 {
		t.Errorf("%d posts and %d updates besides the stream", n, u)
	}

	// The feedback buttons element is stored as the other buttons are.
	action, up, down := feedbackValues(t, final.Blocks)
	if action != actionFeedback || !strings.HasPrefix(up, "up:") || !strings.HasPrefix(down, "down:") {
		t.Fatalf("feedback element %q %q %q", action, up, down)
	}
	click := slacktest.BlockAction("U2", "C1", st.TS, action, down, fake.ResponseURL("fb"), false)
	h.post("/slack/interactive", slacktest.FormType, []byte(slacktest.InteractionForm(click).Encode()))
	if _, err := fake.WaitForResponses(1, wait); err != nil {
		t.Fatal(err)
	}
	_, id, _ := feedbackChoice(down)
	var answerID int64
	if err := json.Unmarshal([]byte(id), &answerID); err != nil {
		t.Fatal(err)
	}
	votes, err := h.ledger.FeedbackFor(context.Background(), answerID)
	if err != nil || len(votes) != 1 || votes[0].Vote != "down" || votes[0].UserID != "U2" {
		t.Errorf("votes = %+v, %v", votes, err)
	}
	if err := h.stop(); err != nil {
		t.Fatal(err)
	}
	for _, u := range fake.Unsafe() {
		t.Errorf("sent to Slack: %s", u)
	}
}

func TestAssistantDMStreamsWithoutRecipient(t *testing.T) {
	t.Parallel()
	fake := slacktest.New(t, slacktest.WithStreaming())
	h := modelHarness(t, fake, openaitest.Reply{Content: "The mission is paid for by a trust fund [1].", ChunkDelay: 5 * time.Millisecond}, nil)
	parent := h.seedQuestion("D1", "U1", "How is the mission funded?", "")
	h.event("EvDMNative", slacktest.UserMessage("D1", "im", "U1", "How is the mission funded?", parent, parent), 0)
	streams, err := fake.WaitForStreams(1, wait)
	if err != nil {
		t.Fatal(err)
	}
	h.idle()
	st := streams[0]
	if st.Channel != "D1" || st.ThreadTS != parent || st.RecipientUser != "" || !strings.Contains(st.Text, "trust fund") {
		t.Errorf("stream = %+v", st)
	}
	// The thread's history reads the streamed answer as the bot's turn.
	follow := h.seedQuestion("D1", "U1", "Who pays most?", parent)
	h.event("EvDMNative2", slacktest.UserMessage("D1", "im", "U1", "Who pays most?", follow, parent), 0)
	if _, err := fake.WaitForStreams(2, wait); err != nil {
		t.Fatal(err)
	}
	h.idle()
	reqs := h.answerer.requests()
	last := reqs[len(reqs)-1]
	if len(last.History) != 2 || last.History[1].Role != "assistant" || !strings.Contains(last.History[1].Text, "trust fund") {
		t.Errorf("history = %+v", last.History)
	}
	if err := h.stop(); err != nil {
		t.Fatal(err)
	}
	for _, u := range fake.Unsafe() {
		t.Errorf("sent to Slack: %s", u)
	}
}

func TestLongStreamRollsOver(t *testing.T) {
	t.Parallel()
	fake := slacktest.New(t, slacktest.WithStreaming())
	const n = 120 // of 110 bytes: more than one message holds
	sentence := "Kenya leads the mission & sends police officers to support the Haitian National Police in Port-au-Prince [1]. "
	// Ten sentences a chunk: the answerer resolves the whole text so far on
	// every chunk, so 120 one-sentence chunks cost 11-13 s under -race on a
	// loaded machine, past this test's wait; what rolls over is the length.
	chunks := make([]string, n/10)
	for i := range chunks {
		chunks[i] = strings.Repeat(sentence, 10)
	}
	h := modelHarness(t, fake, openaitest.Reply{Content: strings.Repeat(sentence, n), Chunks: chunks}, nil)
	ts := h.seedQuestion("C1", "U1", mention("Who leads the mission?"), "")
	h.event("EvLong", slacktest.AppMention("C1", "U1", mention("Who leads the mission?"), ts, ""), 0)
	if !fake.Wait(wait, func() bool { return len(fake.Reactions()) == 2 }) {
		t.Fatal("the answer never finished")
	}
	h.idle()
	streams := fake.Streams()
	if len(streams) < 2 {
		t.Fatalf("%d streamed messages, want the answer rolled over", len(streams))
	}
	all := ""
	for i, st := range streams {
		if !st.Stopped || st.ThreadTS != ts {
			t.Errorf("stream %d = stopped %v in %q", i, st.Stopped, st.ThreadTS)
		}
		if len(st.Text) > maxStreamBytes {
			t.Errorf("stream %d holds %d bytes", i, len(st.Text))
		}
		if (st.Blocks != nil) != (i == len(streams)-1) {
			t.Errorf("stream %d blocks = %s; want the sources on the last only", i, st.Blocks)
		}
		all += st.Text
	}
	if got := strings.Count(all, strings.ReplaceAll(strings.TrimSpace(sentence), "&", "&amp;")); got != n {
		t.Errorf("%d of %d sentences streamed:\n%s", got, n, all)
	}
	if errs := fake.Calls("chat.appendStream"); len(errs) == 0 {
		t.Error("no appends")
	}
	for _, c := range fake.Calls("chat.appendStream", "chat.stopStream", "chat.startStream") {
		if c.Error != "" {
			t.Errorf("%s #%d: %s", c.Method, c.Seq, c.Error)
		}
	}
	if err := h.stop(); err != nil {
		t.Fatal(err)
	}
	for _, u := range fake.Unsafe() {
		t.Errorf("sent to Slack: %s", u)
	}
}

func TestRefusedStreamingFallsBackPerWorkspace(t *testing.T) {
	t.Parallel()
	fake := slacktest.New(t) // refuses the streaming methods, as a workspace without them does
	h := modelHarness(t, fake, openaitest.Reply{Content: "Kenya leads the mission [1].", ChunkDelay: 5 * time.Millisecond}, nil)
	done := func(n int) {
		t.Helper()
		if !fake.Wait(wait, func() bool { return len(fake.Reactions()) == 2*n }) {
			t.Fatalf("answer %d never finished", n)
		}
		h.idle()
	}
	starts := func() int { return len(fake.Calls("chat.startStream")) }

	q1 := h.seedQuestion("C1", "U1", mention("Who leads the mission?"), "")
	h.event("EvRef1", slacktest.AppMention("C1", "U1", mention("Who leads the mission?"), q1, ""), 0)
	done(1)
	posts := fake.Posts()
	if starts() != 1 || len(posts) != 1 || len(fake.Updates()) == 0 {
		t.Fatalf("%d starts, %d posts, %d updates: want one refused start, then chat.update drawing", starts(), len(posts), len(fake.Updates()))
	}
	if final, _ := fake.Message("C1", posts[0].TS); !strings.Contains(final.BlockText(), "*Sources*") {
		t.Errorf("fallback answer:\n%s", final.BlockText())
	}

	// The workspace's refusal is remembered, even once Slack would stream.
	fake.RefuseStreaming("")
	q2 := h.seedQuestion("C1", "U1", mention("How is it funded?"), "")
	h.event("EvRef2", slacktest.AppMention("C1", "U1", mention("How is it funded?"), q2, ""), 0)
	done(2)
	if starts() != 1 || len(fake.Posts()) != 2 {
		t.Errorf("%d starts and %d posts: the refusal was not remembered", starts(), len(fake.Posts()))
	}

	// Another workspace is asked for itself.
	q3 := h.seedQuestion("C2", "U3", mention("Who leads the mission?"), "")
	h.post("/slack/events", slacktest.JSONType, teamEvent(t, "EvRef3", "T0OTHER", slacktest.AppMention("C2", "U3", mention("Who leads the mission?"), q3, "")))
	streams, err := fake.WaitForStreams(1, wait)
	if err != nil {
		t.Fatal(err)
	}
	if starts() != 2 || streams[0].RecipientTeam != "T0OTHER" || streams[0].Channel != "C2" {
		t.Errorf("%d starts, stream %+v", starts(), streams[0])
	}
	if err := h.stop(); err != nil {
		t.Fatal(err)
	}
	for _, u := range fake.Unsafe() {
		t.Errorf("sent to Slack: %s", u)
	}
}

// A streamed answer that the final one does not extend (here the model
// cited nothing, so the answer is quoted instead), or whose stream broke,
// is stopped and replaced in place by the rendered answer.
func TestStreamReplacedByFinalAnswer(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, reply string
		fail        int // appends refused
		want        []string
	}{
		{"rewritten", "Kenya leads the mission, " + hostile + " 5 < 6 & more @here, with police officers.", 0,
			[]string{"Quoted from the sources", "Kenya"}},
		{"broken", "Kenya leads the mission [1], with police officers sent to Port-au-Prince [1].", 2,
			[]string{"Kenya leads the mission [1]", "*Sources*", "Helpful"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			fake := slacktest.New(t, slacktest.WithStreaming())
			if c.fail > 0 {
				// Appends of text fail; task updates go through.
				f := slacktest.APIError("fake_failure")
				f.Only = func(p url.Values) bool { return p.Get("markdown_text") != "" }
				fake.FailNext("chat.appendStream", c.fail, f)
			}
			h := modelHarness(t, fake, openaitest.Reply{Content: c.reply, ChunkDelay: 5 * time.Millisecond}, nil)
			ts := h.seedQuestion("C1", "U1", mention("Who leads the mission?"), "")
			h.event("EvReplace", slacktest.AppMention("C1", "U1", mention("Who leads the mission?"), ts, ""), 0)
			if !fake.Wait(wait, func() bool { return len(fake.Reactions()) == 2 }) {
				t.Fatal("the answer never finished")
			}
			h.idle()
			streams := fake.Streams()
			if len(streams) != 1 || !streams[0].Stopped {
				t.Fatalf("streams = %+v", streams)
			}
			if len(fake.Calls("chat.appendStream")) == 0 {
				t.Error("nothing was streamed before the replacement")
			}
			final, _ := fake.Message("C1", streams[0].TS)
			if final.Edits != 1 || len(fake.Posts()) != 0 {
				t.Errorf("%d edits of the streamed message, %d posts", final.Edits, len(fake.Posts()))
			}
			for _, want := range c.want {
				if !strings.Contains(final.BlockText(), want) {
					t.Errorf("replacement lacks %q:\n%s", want, final.BlockText())
				}
			}
			if err := h.stop(); err != nil {
				t.Fatal(err)
			}
			for _, u := range fake.Unsafe() {
				t.Errorf("sent to Slack: %s", u)
			}
		})
	}
}
