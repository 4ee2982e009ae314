package slackbot

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/brief"
	"github.com/mss-brief/briefbot/internal/openaitest"
	"github.com/mss-brief/briefbot/internal/slacktest"
)

// firstToken wraps a model and records when each call's first text came.
type firstToken struct {
	next brief.ChatModel
	mu   sync.Mutex
	at   []time.Time
}

func (f *firstToken) Chat(ctx context.Context, msgs []brief.Message, onText func(string)) (string, error) {
	if onText == nil {
		return f.next.Chat(ctx, msgs, nil)
	}
	var once sync.Once
	return f.next.Chat(ctx, msgs, func(t string) {
		if t != "" {
			once.Do(func() {
				f.mu.Lock()
				f.at = append(f.at, time.Now())
				f.mu.Unlock()
			})
		}
		onText(t)
	})
}

// BenchmarkFirstStreamedText measures, for a mention answered through the
// fake model and streamed natively to the fake Slack, the time from the
// model's first token reaching the bot to the first markdown_text Slack
// receives for that answer. Target: < 100 ms.
func BenchmarkFirstStreamedText(b *testing.B) {
	fake := slacktest.New(b, slacktest.WithStreaming())
	ft := &firstToken{}
	h := modelHarness(b, fake, openaitest.Reply{
		Content:    "Kenya leads the mission [1], with police officers sent to Port-au-Prince in June 2024 [1].",
		ChunkDelay: 10 * time.Millisecond,
	}, func(m brief.ChatModel) brief.ChatModel { ft.next = m; return ft })
	b.ResetTimer()
	for i := range b.N {
		q := "Who leads the mission?"
		ts := h.seedQuestion("C1", "U1", mention(q), "")
		h.event(fmt.Sprint("EvFirst", i), slacktest.AppMention("C1", "U1", mention(q), ts, ""), 0)
		if _, err := fake.WaitForStreams(i+1, wait); err != nil {
			b.Fatal(err)
		}
		h.idle()
	}
	b.StopTimer()
	streams := fake.Streams()
	calls := fake.Calls("chat.appendStream") // the start carries the first step, not text
	ft.mu.Lock()
	tokens := slices.Clone(ft.at)
	ft.mu.Unlock()
	if len(tokens) != len(streams) {
		b.Fatalf("%d first tokens for %d streams", len(tokens), len(streams))
	}
	var lat []time.Duration
	for i, st := range streams {
		for _, c := range calls {
			if c.Params.Get("markdown_text") != "" && c.Error == "" && c.Params.Get("ts") == st.TS {
				lat = append(lat, c.At.Sub(tokens[i]))
				break
			}
		}
	}
	if len(lat) != len(streams) {
		b.Fatalf("%d of %d streams showed text", len(lat), len(streams))
	}
	b.ReportMetric(percentile(lat, 0.50), "first_text_ms")
	b.ReportMetric(percentile(lat, 0.99), "p99_first_text_ms")
}
