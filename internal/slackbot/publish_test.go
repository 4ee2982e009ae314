package slackbot

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/mss-brief/briefbot/internal/brief"
	"github.com/mss-brief/briefbot/internal/slacktest"
)

func testDigest() brief.Digest {
	pub := time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)
	return brief.Digest{
		// Midnight to midnight in Nairobi (UTC+3): 2 March to 8 March.
		Start:    time.Date(2026, 3, 1, 21, 0, 0, 0, time.UTC),
		End:      time.Date(2026, 3, 8, 21, 0, 0, 0, time.UTC),
		TimeZone: "Africa/Nairobi",
		Mode:     brief.ModeLLM,
		Items: []brief.DigestItem{
			{Headline: "Funding pledges", Summary: "Donors pledged **more** money [1].", Cites: []int{1, 2}},
		},
		Citations: []brief.Citation{
			{N: 1, DocID: "d1", Title: "Pledges", Source: "UN News", URL: "https://news.un.org/a", Published: &pub},
			{N: 2, DocID: "d2", Title: "Trust fund", Source: "Reuters", URL: "https://reuters.com/b"},
		},
	}
}

func newPublisher(t *testing.T, fake *slacktest.Server) *Publisher {
	t.Helper()
	return NewPublisher(NewClient(slacktest.BotToken, "", fake.APIURL(), nil, nil), nil)
}

func TestPostDigestCarriesRunMetadata(t *testing.T) {
	t.Parallel()
	fake := slacktest.New(t)
	p := newPublisher(t, fake)
	ctx := context.Background()
	ts, err := p.PostDigest(ctx, "C1", testDigest(), "C1@2026-03-09")
	if err != nil {
		t.Fatal(err)
	}
	posts := fake.Posts()
	if len(posts) != 1 || posts[0].TS != ts || posts[0].Channel != "C1" {
		t.Fatalf("posts = %+v, want one in C1 with ts %s", posts, ts)
	}
	md := posts[0].Metadata
	if md == nil || md.EventType != DigestEventType || md.EventPayload["run"] != "C1@2026-03-09" {
		t.Fatalf("metadata = %+v", md)
	}
	if !strings.Contains(posts[0].Text, "2–8 Mar 2026 (Africa/Nairobi)") {
		t.Errorf("fallback text %q does not name the period", posts[0].Text)
	}
	if err := slacktest.CheckBlocks(posts[0].Blocks); err != nil {
		t.Errorf("blocks: %v", err)
	}
	got, found, err := p.FindDigest(ctx, "C1", "C1@2026-03-09", time.Now().Add(-time.Hour))
	if err != nil || !found || got != ts {
		t.Fatalf("FindDigest = %q, %v, %v; want %q", got, found, err, ts)
	}
	if _, found, _ := p.FindDigest(ctx, "C1", "C1@2026-03-16", time.Now().Add(-time.Hour)); found {
		t.Error("found a run that was never posted")
	}
	if _, found, _ := p.FindDigest(ctx, "C2", "C1@2026-03-09", time.Now().Add(-time.Hour)); found {
		t.Error("found the run in another channel")
	}
	if _, found, _ := p.FindDigest(ctx, "C1", "C1@2026-03-09", time.Now().Add(time.Hour)); found {
		t.Error("found a post older than since")
	}
}

func TestPostDigestCrashThenFind(t *testing.T) {
	t.Parallel()
	fake := slacktest.New(t)
	p := newPublisher(t, fake)
	ctx := context.Background()
	fake.FailNext("chat.postMessage", 1, slacktest.CrashAfterPost())
	if _, err := p.PostDigest(ctx, "C1", testDigest(), "run-1"); err == nil {
		t.Fatal("PostDigest succeeded although the connection dropped")
	}
	if n := len(fake.Posts()); n != 1 {
		t.Fatalf("%d posts recorded, want the 1 that happened before the crash", n)
	}
	ts, found, err := p.FindDigest(ctx, "C1", "run-1", time.Now().Add(-time.Minute))
	if err != nil || !found || ts != fake.Posts()[0].TS {
		t.Fatalf("FindDigest = %q, %v, %v", ts, found, err)
	}
}

func TestFindDigestPages(t *testing.T) {
	t.Parallel()
	fake := slacktest.New(t)
	p := newPublisher(t, fake)
	ctx := context.Background()
	since := time.Now().Add(-time.Minute)
	ts, err := p.PostDigest(ctx, "C1", testDigest(), "run-old")
	if err != nil {
		t.Fatal(err)
	}
	// Bury the digest under more than a page of newer messages.
	for range historyPage + 5 {
		fake.AddMessage(slacktest.Message{Channel: "C1", User: "U1", Text: "chatter"})
	}
	got, found, err := p.FindDigest(ctx, "C1", "run-old", since)
	if err != nil || !found || got != ts {
		t.Fatalf("FindDigest = %q, %v, %v; want %q", got, found, err, ts)
	}
	if n := len(fake.Calls("conversations.history")); n < 2 {
		t.Errorf("%d history calls, want paging", n)
	}
}

func TestPostDigestRateLimited(t *testing.T) {
	t.Parallel()
	fake := slacktest.New(t)
	p := newPublisher(t, fake)
	fake.FailNext("chat.postMessage", 2, slacktest.RateLimited(0))
	ts, err := p.PostDigest(context.Background(), "C1", testDigest(), "run-1")
	if err != nil || ts == "" {
		t.Fatalf("PostDigest = %q, %v", ts, err)
	}
	if n := len(fake.Calls("chat.postMessage")); n != 3 {
		t.Errorf("%d calls, want 2 refused and 1 accepted", n)
	}
	if n := len(fake.Posts()); n != 1 {
		t.Errorf("%d posts, want 1", n)
	}
}

// A Retry-After beyond what a worker waits is not waited out: the call
// fails at once with the rate limit.
func TestRateLimitBeyondBoundGivesUp(t *testing.T) {
	t.Parallel()
	fake := slacktest.New(t)
	p := newPublisher(t, fake)
	fake.FailNext("chat.postMessage", 1, slacktest.RateLimited(2*maxRetryAfter))
	ctx, cancel := context.WithTimeout(context.Background(), maxRetryAfter)
	defer cancel()
	_, err := p.PostDigest(ctx, "C1", testDigest(), "run-1")
	var rl *slack.RateLimitedError
	if !errors.As(err, &rl) || rl.RetryAfter != 2*maxRetryAfter {
		t.Fatalf("err = %v, want the rate limit", err)
	}
	if n := len(fake.Calls("chat.postMessage")); n != 1 {
		t.Errorf("%d calls, want 1", n)
	}
}

func TestPostDigestServerErrorNotRetried(t *testing.T) {
	t.Parallel()
	fake := slacktest.New(t)
	p := newPublisher(t, fake)
	fake.FailNext("chat.postMessage", 1, slacktest.ServerError())
	_, err := p.PostDigest(context.Background(), "C1", testDigest(), "run-1")
	var sc slack.StatusCodeError
	if !errors.As(err, &sc) || sc.Code != 500 {
		t.Fatalf("err = %v, want the 500", err)
	}
	if n := len(fake.Calls("chat.postMessage")); n != 1 {
		t.Errorf("%d calls: a 5xx must not be retried (the post may have happened)", n)
	}
}

func TestRateLimitWaitHonoursContext(t *testing.T) {
	t.Parallel()
	fake := slacktest.New(t)
	p := newPublisher(t, fake)
	fake.FailNext("chat.postMessage", 1, slacktest.RateLimited(20*time.Second))
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := p.PostDigest(ctx, "C1", testDigest(), "run-1")
	if err == nil || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the deadline", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Error("waited out Retry-After despite the cancelled context")
	}
}

func TestDigestBlocksJSON(t *testing.T) {
	t.Parallel()
	msg := RenderDigest(testDigest())
	raw, err := json.Marshal(msg.Blocks)
	if err != nil {
		t.Fatal(err)
	}
	if err := slacktest.CheckBlocks(raw); err != nil {
		t.Fatal(err)
	}
}
