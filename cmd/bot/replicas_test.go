package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/database"
	"github.com/mss-brief/briefbot/internal/database/databasetest"
	"github.com/mss-brief/briefbot/internal/ledger"
	"github.com/mss-brief/briefbot/internal/slacktest"
)

// replicaMinutesEnv turns on TestServeReplicasOnPostgres and says for how
// many minutes it runs: at least the digest lease (one minute here) and
// two more, since a killed replica's period is taken over once its lease
// expires.
const replicaMinutesEnv = "BOT_TEST_REPLICA_MINUTES"

// TestServeReplicasOnPostgres runs two `bot serve` processes on one
// PostgreSQL store with a digest every minute: the same event delivered to
// both at once is answered once (twenty times), and the replica holding a
// digest period when it is killed with SIGKILL mid-post is restarted, the
// period is taken over after its lease, and every period is posted exactly
// once. It takes minutes, so it runs only when BOT_TEST_REPLICA_MINUTES is
// set (and BOT_TEST_POSTGRES).
func TestServeReplicasOnPostgres(t *testing.T) {
	t.Parallel()
	minutes, _ := strconv.Atoi(os.Getenv(replicaMinutesEnv))
	if minutes <= 0 {
		t.Skip(replicaMinutesEnv + " is not set: the replica run takes minutes")
	}
	bin := botBinary(t)
	db := databasetest.NewPostgres(t)
	fake := slacktest.New(t)
	llm := groundedModel(t)
	cfgPath := filepath.Join(t.TempDir(), "bot.yaml")
	if err := os.WriteFile(cfgPath, []byte("digest_lease: 1m\ndigests:\n  - channel: CDIGEST\n    schedule: \"* * * * *\"\n    empty_week: post\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	vars := serveVars(fake, llm, false)
	start := func() (*serveProcess, string) {
		addr := freeAddr(t)
		return startServe(t, bin, addr, vars, "--db", db, "--config", cfgPath), "http://" + addr
	}
	a, aURL := start()
	b, bURL := start()
	began := time.Now()

	// One event, both replicas, at once: twenty times.
	var threads []string
	for i := range 20 {
		text := "<@" + slacktest.BotUserID + "> Who leads the mission?"
		ts := fake.AddMessage(slacktest.Message{Channel: "C1", User: "U1", Text: text})
		threads = append(threads, ts)
		ev := slacktest.EventCallback(fmt.Sprintf("EvReplica%d", i), slacktest.AppMention("C1", "U1", text, ts, ""))
		var wg sync.WaitGroup
		for _, base := range []string{aURL, bURL} {
			wg.Go(func() {
				if status, _ := signedPost(t, base+"/slack/events", slacktest.SigningSecret, slacktest.JSONType, ev); status != http.StatusOK {
					t.Errorf("event %d to %s: status %d", i, base, status)
				}
			})
		}
		wg.Wait()
	}
	answered := func() map[string]int {
		n := map[string]int{}
		for _, p := range fake.Posts() {
			if p.Channel == "C1" {
				n[p.ThreadTS]++
			}
		}
		return n
	}
	fake.Wait(2*serveWait, func() bool { return len(answered()) >= len(threads) })
	got := answered()
	for i, ts := range threads {
		if got[ts] != 1 {
			t.Errorf("event %d: %d answers in its thread, want exactly 1", i, got[ts])
		}
	}

	// The next period's post is held up by Slack's rate limit; the replica
	// holding it is killed while it waits, then restarted.
	d, err := database.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	runs := ledger.New(d)
	next := time.Now().Truncate(time.Minute).Add(time.Minute)
	time.Sleep(time.Until(next.Add(-2 * time.Second)))
	fake.FailNext("chat.postMessage", 2, slacktest.RateLimited(30*time.Second))
	var held ledger.DigestRun
	if !fake.Wait(45*time.Second, func() bool {
		r, ok, err := runs.DigestRunAt(context.Background(), "CDIGEST", next.UTC())
		held = r
		return err == nil && ok && r.Status == ledger.DigestPosting
	}) {
		t.Fatalf("no replica claimed the period ending %s", next.UTC())
	}
	victim, restarted := a, "a"
	if strings.Contains(held.Owner, fmt.Sprintf("/%d/", b.cmd.Process.Pid)) {
		victim, restarted = b, "b"
	}
	if err := victim.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-victim.exited
	t.Logf("killed replica %s holding %s (lease until %s)", restarted, next.UTC().Format(time.TimeOnly), held.LeaseUntil.Format(time.TimeOnly))
	again, _ := start()
	if restarted == "a" {
		a = again
	} else {
		b = again
	}

	time.Sleep(time.Until(began.Add(time.Duration(minutes) * time.Minute)))
	a.stop(t)
	b.stop(t)

	// Every period posted once, and recorded as the post that went out.
	posted := map[string]string{}
	for _, p := range fake.Posts() {
		if p.Channel != "CDIGEST" {
			continue
		}
		run := ""
		if p.Metadata != nil {
			run, _ = p.Metadata.EventPayload["run"].(string)
		}
		if run == "" || posted[run] != "" {
			t.Errorf("digest %s: run key %q missing or posted twice", p.TS, run)
		}
		posted[run] = p.TS
	}
	rows, err := d.SQL.QueryContext(context.Background(), `SELECT period_end, status, message_ts FROM digest_runs WHERE channel = 'CDIGEST' ORDER BY period_end`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	periods, killedPosted := 0, false
	for rows.Next() {
		var end int64
		var status, ts string
		if err := rows.Scan(&end, &status, &ts); err != nil {
			t.Fatal(err)
		}
		periods++
		if status != ledger.DigestPosted {
			t.Errorf("period ending %s left %s", time.Unix(end, 0).UTC(), status)
			continue
		}
		if end == next.Unix() {
			killedPosted = true
		}
	}
	if periods != len(posted) {
		t.Errorf("%d periods recorded, %d digests posted; want one post per period", periods, len(posted))
	}
	if !killedPosted {
		t.Errorf("the killed replica's period (ending %s) was never posted", next.UTC())
	}
	t.Logf("%d minutes, %d periods, %d digests posted, 20 events answered once each", minutes, periods, len(posted))
}
