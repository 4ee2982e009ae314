package slackbot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/brief"
	"github.com/mss-brief/briefbot/internal/openaitest"
	"github.com/mss-brief/briefbot/internal/slacktest"
)

func TestAssistantThread(t *testing.T) {
	t.Parallel()
	examples := []string{"Who leads the mission?", "How is the mission funded?", "What did resolution 2793 change?",
		"Ping <!channel> about it", "What is new this week?"}
	h := newHarness(t, nil, nil, func(o *Options) {
		o.Topic.Name = "the MSS mission in Haiti"
		o.Topic.Examples = examples
	})
	// The reader opens the assistant pane from a channel.
	thread := slacktest.FormatTS(1_700_000_000_000_100)
	h.event("EvStart", slacktest.AssistantThreadStarted("U1", "D1", thread, "C1"), 0)
	if !h.fake.Wait(wait, func() bool { return len(h.fake.SuggestedPrompts()) == 1 }) {
		t.Fatal("no suggested prompts")
	}
	sp := h.fake.SuggestedPrompts()[0]
	if sp.Channel != "D1" || sp.ThreadTS != thread || len(sp.Prompts) != 4 || sp.Prompts[0].Message != examples[0] ||
		!strings.Contains(sp.Title, "MSS mission") || strings.Contains(sp.Prompts[3].Message, "<!channel>") {
		t.Errorf("prompts = %+v", sp)
	}

	// The first question: a title from it, a status with loading messages
	// while working, the answer in the thread, the status cleared.
	q1 := h.seedQuestion("D1", "U1", "How is the mission funded?", thread)
	h.event("EvQ1", slacktest.UserMessage("D1", "im", "U1", "How is the mission funded?", q1, thread), 0)
	posts, err := h.fake.WaitForPosts(1, wait)
	if err != nil {
		t.Fatal(err)
	}
	h.idle()
	if posts[0].ThreadTS != thread || !strings.Contains(posts[0].BlockText(), "trust fund") {
		t.Errorf("answer = %+v", posts[0])
	}
	titles := h.fake.Titles()
	if len(titles) != 1 || titles[0].Title != "How is the mission funded?" || titles[0].ThreadTS != thread {
		t.Errorf("titles = %+v", titles)
	}
	st := h.fake.Statuses()
	if len(st) != 2 || st[0].Status == "" || st[1].Status != "" || st[0].Seq > posts[0].Seq {
		t.Fatalf("statuses = %+v", st)
	}
	if lm := st[0].LoadingMessages; len(lm) < 2 || !strings.HasPrefix(lm[0], "Searching ") || !strings.Contains(strings.Join(lm, "|"), "Writing the answer") {
		t.Errorf("loading messages = %q", lm)
	}
	if n := len(h.fake.Reactions()); n != 0 {
		t.Errorf("%d reactions in an assistant thread; the status shows the work", n)
	}

	// A follow-up keeps the thread's title.
	q2 := h.seedQuestion("D1", "U1", "Who leads it?", thread)
	h.event("EvQ2", slacktest.UserMessage("D1", "im", "U1", "Who leads it?", q2, thread), 0)
	if _, err := h.fake.WaitForPosts(2, wait); err != nil {
		t.Fatal(err)
	}
	h.idle()
	if n := len(h.fake.Titles()); n != 1 {
		t.Errorf("%d titles after a follow-up, want 1", n)
	}
}

func TestChannelThreadStatus(t *testing.T) {
	t.Parallel()
	h := newHarness(t, nil, nil)
	ts := h.seedQuestion("C1", "U1", mention("Who leads the mission?"), "")
	h.event("EvC1", slacktest.AppMention("C1", "U1", mention("Who leads the mission?"), ts, ""), 0)
	posts, err := h.fake.WaitForPosts(1, wait)
	if err != nil {
		t.Fatal(err)
	}
	h.idle()
	st := h.fake.Statuses()
	if len(st) != 2 || st[0].Channel != "C1" || st[0].ThreadTS != ts || len(st[0].LoadingMessages) == 0 || st[1].Status != "" || st[0].Seq > posts[0].Seq {
		t.Errorf("statuses in the channel thread = %+v", st)
	}
	if n := len(h.fake.Reactions()); n != 2 {
		t.Errorf("%d reaction calls, want the reaction added and removed (it shows in the channel)", n)
	}

	// A workspace that refuses thread status in channels is asked once.
	h.fake.FailNext("assistant.threads.setStatus", 1, slacktest.APIError("not_allowed"))
	for i, ev := range []string{"EvC2", "EvC3"} {
		ts := h.seedQuestion("C1", "U1", mention("How is the mission funded?"), "")
		h.event(ev, slacktest.AppMention("C1", "U1", mention("How is the mission funded?"), ts, ""), 0)
		if _, err := h.fake.WaitForPosts(2+i, wait); err != nil {
			t.Fatal(err)
		}
		h.idle()
	}
	if n := len(h.fake.Calls("assistant.threads.setStatus")); n != 3 {
		t.Errorf("%d setStatus calls, want 3 (2 for the first answer, 1 refused, then none)", n)
	}
}

// gatedModel waits for ready before the model answers, so that what the
// bot shows while the model reads can be seen in order.
type gatedModel struct {
	next  brief.ChatModel
	ready func() bool
}

func (g gatedModel) Chat(ctx context.Context, msgs []brief.Message, onText func(string)) (string, error) {
	deadline := time.Now().Add(wait)
	for !g.ready() && time.Now().Before(deadline) && ctx.Err() == nil {
		time.Sleep(5 * time.Millisecond)
	}
	return g.next.Chat(ctx, msgs, onText)
}

// Where answers are drawn with chat.update, an assistant thread's status
// says what the answerer is reading while the model reads it.
func TestStepsInAssistantStatus(t *testing.T) {
	t.Parallel()
	fake := slacktest.New(t) // no native streaming: the fallback
	reading := func() bool {
		for _, st := range fake.Statuses() {
			if len(st.LoadingMessages) > 0 && strings.HasPrefix(st.LoadingMessages[0], "Reading ") {
				return true
			}
		}
		return false
	}
	h := modelHarness(t, fake, openaitest.Reply{Content: "Kenya leads the mission [1]."},
		func(m brief.ChatModel) brief.ChatModel { return gatedModel{next: m, ready: reading} })
	thread := slacktest.FormatTS(1_700_000_000_000_100)
	h.event("EvStart", slacktest.AssistantThreadStarted("U1", "D1", thread, "C1"), 0)
	q := h.seedQuestion("D1", "U1", "Who leads the mission?", thread)
	h.event("EvQ", slacktest.UserMessage("D1", "im", "U1", "Who leads the mission?", q, thread), 0)
	posts, err := fake.WaitForPosts(1, wait)
	if err != nil {
		t.Fatal(err)
	}
	h.idle()
	st := fake.Statuses()
	if len(st) != 3 || st[2].Status != "" {
		t.Fatalf("statuses = %+v, want set, updated with the step, cleared", st)
	}
	if lm := st[0].LoadingMessages; len(lm) == 0 || lm[0] != "Searching 3 passages…" {
		t.Errorf("first loading messages = %q", lm)
	}
	if lm := st[1].LoadingMessages; st[1].Status == "" || len(lm) == 0 || lm[0] != "Reading 2 sources…" || st[1].Seq > posts[0].Seq {
		t.Errorf("status after the search = %+v, want the sources being read before the answer", st[1])
	}
}
