package slackbot

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/slacktest"
)

// BenchmarkBurst sends 60 signed /brief questions at once to the bot on
// the seeded store, answering without a model, and reports how many were
// turned away (target 0: they queue) and the time from each ack to its
// answer arriving at the fake Slack.
func BenchmarkBurst(b *testing.B) {
	const burst = 60
	h := newHarness(b, nil, nil)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: burst}}
	var lat, ackLat []time.Duration
	refused, unacked, sent := 0, 0, 0
	b.ResetTimer()
	for range b.N {
		acked := make([]time.Time, burst)
		ids := make([]string, burst)
		reqs := make([]*http.Request, burst)
		for i := range burst {
			sent++
			ids[i] = fmt.Sprint("burst-", sent)
			c := slacktest.SlashCommand{Text: "Who leads the mission?", ResponseURL: h.fake.ResponseURL(ids[i]), TriggerID: "trigger-" + ids[i]}
			req, err := slacktest.SignedRequest(h.url+"/slack/commands", slacktest.SigningSecret, time.Time{}, slacktest.FormType, []byte(c.Form().Encode()))
			if err != nil {
				b.Fatal(err)
			}
			reqs[i] = req
		}
		start := make(chan struct{})
		var wg sync.WaitGroup
		var mu sync.Mutex
		for i := range burst {
			wg.Go(func() {
				<-start
				sentAt := time.Now()
				resp, err := client.Do(reqs[i])
				if err != nil {
					b.Error(err)
					return
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				acked[i] = time.Now()
				mu.Lock()
				defer mu.Unlock()
				ackLat = append(ackLat, acked[i].Sub(sentAt))
				if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "Looking into") {
					refused++
					unacked++
				}
			})
		}
		close(start)
		wg.Wait()
		rs, err := h.fake.WaitForResponses(sent-unacked, time.Minute)
		if err != nil {
			b.Fatal(err)
		}
		at := map[string]slacktest.Message{}
		for _, r := range rs {
			at[r.URLID] = r
		}
		for i, id := range ids {
			r, ok := at[id]
			if !ok {
				continue
			}
			if strings.Contains(r.Text, waitedTooLong) {
				refused++
				continue
			}
			lat = append(lat, r.At.Sub(acked[i]))
		}
	}
	b.StopTimer()
	h.idle()
	b.ReportMetric(float64(refused), "refused")
	b.ReportMetric(percentile(lat, 0.50), "p50_ms")
	b.ReportMetric(percentile(lat, 0.99), "p99_ms")
	b.ReportMetric(percentile(ackLat, 0.99), "ack_p99_ms")
	b.ReportMetric(float64(h.bot.set.Workers), "workers")
}
