package slackbot

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/brief"
	"github.com/mss-brief/briefbot/internal/openaitest"
	"github.com/mss-brief/briefbot/internal/slacktest"
)

func percentile(ds []time.Duration, p float64) float64 {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(p * float64(len(s)-1))
	return float64(s[i]) / float64(time.Millisecond)
}

// BenchmarkSlashCommandAck measures how fast signed slash commands are
// acknowledged: 500 per round at a concurrency of 50 over loopback, with
// the workers answering behind the acks, extractively (CPU-bound) or
// through the fake model. Target: p99 < 50 ms.
func BenchmarkSlashCommandAck(b *testing.B) {
	b.Run("extractive", func(b *testing.B) { benchAck(b, nil) })
	b.Run("model", func(b *testing.B) {
		llm := openaitest.New(b)
		benchAck(b, func(o *Options) {
			real, err := brief.New(o.Store.(brief.Searcher), fakeModel(b, llm), brief.AnswererConfig{Topic: "the MSS mission in Haiti"})
			if err != nil {
				b.Fatal(err)
			}
			o.Answerer = real
		})
	})
}

func fakeModel(b *testing.B, llm *openaitest.Server) brief.ChatModel {
	model, err := brief.NewOpenAIChat(brief.OpenAIConfig{BaseURL: llm.URL, Model: "gpt-4o-mini", APIType: "openai", Timeout: 10 * time.Second}, "sk-test")
	if err != nil {
		b.Fatal(err)
	}
	return model
}

func benchAck(b *testing.B, opt harnessOption) {
	const perRound, concurrency = 500, 50
	h := newHarness(b, nil, nil, func(o *Options) {
		o.Settings.Queue = perRound
		if opt != nil {
			opt(o)
		}
	})
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: concurrency}}
	var lat []time.Duration
	var mu sync.Mutex
	sent := 0
	b.ResetTimer()
	for range b.N {
		bodies := make([][]byte, perRound)
		for i := range bodies {
			sent++
			c := slacktest.SlashCommand{Text: "Who leads the mission?", ResponseURL: h.fake.ResponseURL(fmt.Sprint("bench-", sent))}
			bodies[i] = []byte(c.Form().Encode())
		}
		work := make(chan []byte)
		var wg sync.WaitGroup
		for range concurrency {
			wg.Go(func() {
				for body := range work {
					req, _ := slacktest.SignedRequest(h.url+"/slack/commands", slacktest.SigningSecret, time.Time{}, slacktest.FormType, body)
					start := time.Now()
					resp, err := client.Do(req)
					took := time.Since(start)
					if err != nil || resp.StatusCode != http.StatusOK {
						b.Errorf("ack failed: %v %v", err, resp)
						continue
					}
					resp.Body.Close()
					mu.Lock()
					lat = append(lat, took)
					mu.Unlock()
				}
			})
		}
		for _, body := range bodies {
			work <- body
		}
		close(work)
		wg.Wait()
		// Let the answers land before the next round, outside the timing.
		b.StopTimer()
		if _, err := h.fake.WaitForResponses(sent, time.Minute); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(percentile(lat, 0.50), "p50-ms")
	b.ReportMetric(percentile(lat, 0.99), "p99-ms")
	b.ReportMetric(float64(h.bot.set.Workers), "workers")
}

// BenchmarkEventToAnswerOverhead measures, for an app_mention answered
// through the fake model, the time from sending the event to the answer
// being posted, minus the answerer's own time (retrieval and the model):
// the transport's overhead. Target: < 50 ms.
func BenchmarkEventToAnswerOverhead(b *testing.B) {
	model := fakeModel(b, openaitest.New(b))
	var rec *recorder
	h := newHarness(b, nil, nil, func(o *Options) {
		real, err := brief.New(o.Store.(brief.Searcher), model, brief.AnswererConfig{Topic: "the MSS mission in Haiti"})
		if err != nil {
			b.Fatal(err)
		}
		rec = &recorder{next: real}
		o.Answerer = rec
	})
	var overhead, total []time.Duration
	b.ResetTimer()
	for i := range b.N {
		text := mention("Who leads the mission?")
		ts := h.seedQuestion("C1", "U1", text, "")
		body := slacktest.EventCallback(fmt.Sprint("EvBench", i), slacktest.AppMention("C1", "U1", text, ts, ""))
		req, _ := slacktest.SignedRequest(h.url+"/slack/events", slacktest.SigningSecret, time.Time{}, slacktest.JSONType, body)
		start := time.Now()
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		resp.Body.Close()
		posts, err := h.fake.WaitForPosts(i+1, 10*time.Second)
		if err != nil {
			b.Fatal(err)
		}
		// The answer streams into a placeholder; it is done when the full
		// answer (with its sources) has replaced it.
		answerTS := posts[i].TS
		if !h.fake.Wait(10*time.Second, func() bool {
			m, _ := h.fake.Message("C1", answerTS)
			return strings.Contains(m.BlockText(), "*Sources*")
		}) {
			b.Fatal("the answer was never completed")
		}
		finished := posts[i].At
		for _, u := range h.fake.Updates() {
			if u.TS == answerTS && u.At.After(finished) {
				finished = u.At
			}
		}
		all := finished.Sub(start)
		rec.mu.Lock()
		answerer := rec.took[len(rec.took)-1]
		rec.mu.Unlock()
		total = append(total, all)
		overhead = append(overhead, all-answerer)
	}
	b.StopTimer()
	h.idle()
	b.ReportMetric(percentile(overhead, 0.50), "overhead-p50-ms")
	b.ReportMetric(percentile(overhead, 0.99), "overhead-p99-ms")
	b.ReportMetric(percentile(total, 0.50), "total-p50-ms")
}
