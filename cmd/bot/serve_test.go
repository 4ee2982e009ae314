package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/config"
	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/ledger"
	"github.com/mss-brief/briefbot/internal/openaitest"
	"github.com/mss-brief/briefbot/internal/slacktest"
)

const serveWait = 15 * time.Second

// syncBuffer collects a server's log from many goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// waitHealthy polls /healthz until the server answers (it has no other
// way to say it is up).
func waitHealthy(t *testing.T, base string, exited <-chan struct{}) {
	t.Helper()
	deadline := time.Now().Add(serveWait)
	for time.Now().Before(deadline) {
		select {
		case <-exited:
			t.Fatal("bot serve exited before it was healthy")
		default:
		}
		if resp, err := http.Get(base + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("bot serve never became healthy")
}

// serveVars is the environment `bot serve` gets: the fake Slack's API
// (without the trailing slash, which the bot adds) and the fake model.
func serveVars(fake *slacktest.Server, llm *openaitest.Server, socket bool) map[string]string {
	v := map[string]string{
		"SLACK_BOT_TOKEN": slacktest.BotToken,
		"SLACK_API_URL":   fake.URL + "/api",
		"OPENAI_API_KEY":  "sk-test",
		"OPENAI_BASE_URL": llm.URL,
	}
	if socket {
		v["SLACK_APP_TOKEN"] = slacktest.AppToken
	} else {
		v["SLACK_SIGNING_SECRET"] = slacktest.SigningSecret
	}
	return v
}

func signedPost(t *testing.T, url, secret, contentType string, body []byte) (int, string) {
	t.Helper()
	req, err := slacktest.SignedRequest(url, secret, time.Time{}, contentType, body)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// servedAnswer is what the fake model answers in these tests: a claim the
// top passage for "Who leads the mission?" (a bundled note) holds, so the
// bot's support check lets it through as the model's answer.
const servedAnswer = "Kenya leads the mission [1]."

func groundedModel(t *testing.T) *openaitest.Server {
	llm := openaitest.New(t)
	llm.SetDefault(openaitest.Reply{Content: servedAnswer})
	return llm
}

// exerciseHTTP is what the running bot must show in HTTP mode: a signed
// slash command answered through its response_url, an app_mention (with a
// retry) answered once in its thread, and a forged request refused.
func exerciseHTTP(t *testing.T, base string, fake *slacktest.Server) {
	t.Helper()
	cmd := slacktest.SlashCommand{Text: "Who leads the mission?", ResponseURL: fake.ResponseURL("e2e"), ChannelID: "C1", UserID: "U1"}
	start := time.Now()
	status, body := signedPost(t, base+"/slack/commands", slacktest.SigningSecret, slacktest.FormType, []byte(cmd.Form().Encode()))
	if took := time.Since(start); status != http.StatusOK || took > 3*time.Second || !strings.Contains(body, "Looking into") {
		t.Fatalf("command ack: %d after %s: %s", status, took, body)
	}
	rs, err := fake.WaitForResponses(1, serveWait)
	if err != nil {
		t.Fatal(err)
	}
	if text := rs[0].BlockText(); !strings.Contains(text, servedAnswer[:20]) || strings.Contains(text, "Quoted from the sources") || !strings.Contains(text, "*Sources*") {
		t.Errorf("answer through response_url:\n%s", text)
	}

	ts := fake.AddMessage(slacktest.Message{Channel: "C1", User: "U1", Text: "<@" + slacktest.BotUserID + "> Who leads the mission?"})
	ev := slacktest.EventCallback("EvE2E", slacktest.AppMention("C1", "U1", "<@"+slacktest.BotUserID+"> Who leads the mission?", ts, ""))
	for range 2 { // the delivery and a retry
		if status, _ := signedPost(t, base+"/slack/events", slacktest.SigningSecret, slacktest.JSONType, ev); status != http.StatusOK {
			t.Fatalf("event status %d", status)
		}
	}
	posts, err := fake.WaitForPosts(1, serveWait)
	if err != nil {
		t.Fatal(err)
	}
	// The model's answer streams into a placeholder, then the full answer
	// replaces it.
	var final slacktest.Message
	done := fake.Wait(serveWait, func() bool {
		final, _ = fake.Message("C1", posts[0].TS)
		return strings.Contains(final.BlockText(), "*Sources*")
	})
	if !done || final.ThreadTS != ts || !strings.Contains(final.BlockText(), servedAnswer[:20]) || strings.Contains(final.BlockText(), "Quoted from the sources") {
		t.Errorf("mention answer = %s", final.BlockText())
	}

	forged := slacktest.EventCallback("EvForged", slacktest.AppMention("C1", "U1", "<@"+slacktest.BotUserID+"> hi", ts, ""))
	if status, _ := signedPost(t, base+"/slack/events", "guessed-secret", slacktest.JSONType, forged); status != http.StatusUnauthorized {
		t.Errorf("forged request: status %d, want 401", status)
	}
}

// inProcessServe is `bot serve` run in this process through run().
type inProcessServe struct {
	logs   *syncBuffer
	cancel context.CancelFunc
	exited chan struct{}
	code   int
}

// runServe starts `bot serve` in-process with vars as its environment and
// waits until it answers /healthz.
func runServe(t *testing.T, addr string, vars map[string]string) *inProcessServe {
	t.Helper()
	p := &inProcessServe{logs: &syncBuffer{}, exited: make(chan struct{})}
	e := &env{stdout: io.Discard, stderr: p.logs, stdin: strings.NewReader(""), getenv: func(k string) string { return vars[k] }}
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	t.Cleanup(cancel)
	go func() {
		defer close(p.exited)
		p.code = run(ctx, e, []string{"serve", "--addr", addr, "--db", filepath.Join(t.TempDir(), "brief.db")})
	}()
	waitHealthy(t, "http://"+addr, p.exited)
	return p
}

// stop cancels the context, as SIGTERM does, and returns the exit code.
func (p *inProcessServe) stop(t *testing.T) int {
	t.Helper()
	p.cancel()
	select {
	case <-p.exited:
	case <-time.After(serveWait):
		t.Fatal("bot serve did not stop")
	}
	return p.code
}

func TestServeEndToEnd(t *testing.T) {
	t.Parallel()
	fake := slacktest.New(t)
	llm := groundedModel(t)
	addr := freeAddr(t)
	vars := serveVars(fake, llm, false)
	srv := runServe(t, addr, vars)
	exerciseHTTP(t, "http://"+addr, fake)

	logs := srv.logs
	if code := srv.stop(t); code != 0 { // as on SIGTERM
		t.Fatalf("exit code %d\n%s", code, logs)
	}
	if n, r := len(fake.Posts()), len(fake.Responses()); n != 1 || r != 1 {
		t.Errorf("%d posts and %d responses after shutdown, want 1 each", n, r)
	}
	if n := len(llm.ChatRequests()); n != 2 {
		t.Errorf("the model was asked %d times, want 2", n)
	}
	for _, want := range []string{"slack bot running", "mode=http", "refused a request with a bad signature", "slack bot stopped"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %q", want)
		}
	}
	if strings.Contains(logs.String(), slacktest.BotToken) || strings.Contains(logs.String(), slacktest.SigningSecret) {
		t.Error("a secret reached the log")
	}
}

func TestServeSocketMode(t *testing.T) {
	t.Parallel()
	fake := slacktest.New(t)
	llm := groundedModel(t)
	addr := freeAddr(t)
	vars := serveVars(fake, llm, true)
	srv := runServe(t, addr, vars)
	if err := fake.WaitForSocket(serveWait); err != nil {
		t.Fatal(err)
	}
	ts := fake.AddMessage(slacktest.Message{Channel: "D1", User: "U1", Text: "Who leads the mission?"})
	env1, err := fake.SendEvent(slacktest.EventCallback("EvSock", slacktest.UserMessage("D1", "im", "U1", "Who leads the mission?", ts, "")), 0)
	if err != nil {
		t.Fatal(err)
	}
	ack, err := fake.WaitForAck(env1, serveWait)
	if err != nil {
		t.Fatal(err)
	}
	posts, err := fake.WaitForPosts(1, serveWait)
	if err != nil {
		t.Fatal(err)
	}
	if ack.Seq > posts[0].Seq || posts[0].Channel != "D1" {
		t.Errorf("ack %d, post %+v", ack.Seq, posts[0])
	}
	env2, err := fake.SendSlashCommand(slacktest.SlashCommand{Text: "help"}.Form())
	if err != nil {
		t.Fatal(err)
	}
	ack2, err := fake.WaitForAck(env2, serveWait)
	if err != nil {
		t.Fatal(err)
	}
	var payload struct{ Text string }
	if err := json.Unmarshal(ack2.Payload, &payload); err != nil || !strings.Contains(payload.Text, "How to use /brief") {
		t.Errorf("help ack = %s", ack2.Payload)
	}
	if code := srv.stop(t); code != 0 || !strings.Contains(srv.logs.String(), "mode=socket") {
		t.Errorf("exit %d\n%s", code, srv.logs)
	}
}

func TestServeMissingSecrets(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		vars map[string]string
		want string
	}{
		{"no bot token", map[string]string{"SLACK_SIGNING_SECRET": "s"}, "SLACK_BOT_TOKEN is not set"},
		{"neither mode", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_SIGNING_SECRET"},
		{"bad app token", map[string]string{"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xoxb-2"}, "SLACK_APP_TOKEN must be"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var errb bytes.Buffer
			db := filepath.Join(t.TempDir(), "sub", "brief.db")
			e := &env{stdout: io.Discard, stderr: &errb, stdin: strings.NewReader(""), getenv: func(k string) string { return tt.vars[k] }}
			code := run(context.Background(), e, []string{"serve", "--db", db})
			if code != 1 || !strings.Contains(errb.String(), tt.want) {
				t.Errorf("exit %d: %s", code, errb.String())
			}
			if _, err := os.Stat(filepath.Dir(db)); err == nil {
				t.Error("the store was created although the bot could not start")
			}
		})
	}
	var errb bytes.Buffer
	e := &env{stdout: io.Discard, stderr: &errb, stdin: strings.NewReader(""), getenv: func(string) string { return "" }}
	if code := run(context.Background(), e, []string{"serve", "extra"}); code != 2 {
		t.Errorf("a stray argument: exit %d", code)
	}
}

// botBinary is the bot as a separate process: this test binary, which runs
// main (see TestMain) when runAsBot is set in its environment. The same
// package main, so the tests need no second compile of the module.
func botBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("runs the bot as a process")
	}
	bin, err := os.Executable()
	if err != nil {
		t.Skipf("cannot find this test binary to run as the bot: %v", err)
	}
	return bin
}

// serveProcess is a running `bot serve`.
type serveProcess struct {
	cmd     *exec.Cmd
	logs    *syncBuffer
	exited  chan struct{}
	waitErr error
}

// startServe runs `bot serve` with vars as its whole environment (plus PATH
// and HOME) and waits until it answers /healthz.
func startServe(t *testing.T, bin, addr string, vars map[string]string, args ...string) *serveProcess {
	t.Helper()
	p := &serveProcess{cmd: exec.Command(bin, append([]string{"serve", "--addr", addr}, args...)...), logs: &syncBuffer{}, exited: make(chan struct{})}
	p.cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), runAsBot + "=1"}
	for k, v := range vars {
		p.cmd.Env = append(p.cmd.Env, k+"="+v)
	}
	p.cmd.Stdout, p.cmd.Stderr = p.logs, p.logs
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.waitErr = p.cmd.Wait(); close(p.exited) }()
	t.Cleanup(func() {
		select {
		case <-p.exited:
		default:
			_ = p.cmd.Process.Kill()
			<-p.exited
		}
	})
	waitHealthy(t, "http://"+addr, p.exited)
	return p
}

// stop sends SIGTERM and requires a clean exit after draining.
func (p *serveProcess) stop(t *testing.T) {
	t.Helper()
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case <-p.exited:
	case <-time.After(serveWait):
		t.Fatal("bot serve ignored SIGTERM")
	}
	if p.waitErr != nil {
		t.Fatalf("exit: %v\n%s", p.waitErr, p.logs)
	}
}

// TestServeBinary runs the bot as a deployment would, as its own process:
// against the loopback fakes, stopped with SIGTERM.
func TestServeBinary(t *testing.T) {
	t.Parallel()
	bin := botBinary(t)
	fake := slacktest.New(t)
	llm := groundedModel(t)
	addr := freeAddr(t)
	p := startServe(t, bin, addr, serveVars(fake, llm, false), "--db", filepath.Join(t.TempDir(), "brief.db"))
	exerciseHTTP(t, "http://"+addr, fake)
	p.stop(t)
	if n := len(fake.Posts()); n != 1 {
		t.Errorf("%d posts, want 1", n)
	}
	if !strings.Contains(p.logs.String(), "slack bot stopped") {
		t.Errorf("log:\n%s", p.logs)
	}
}

// The binary with a digest every minute posts each period once, across a
// restart on the same store.
func TestServeBinaryDigestAcrossRestart(t *testing.T) {
	t.Parallel()
	bin := botBinary(t)
	fake := slacktest.New(t)
	llm := groundedModel(t)
	cfgPath := filepath.Join(t.TempDir(), "bot.yaml")
	if err := os.WriteFile(cfgPath, []byte("digests:\n  - channel: CDIGEST\n    schedule: \"* * * * *\"\n    empty_week: post\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "brief.db")
	vars := serveVars(fake, llm, false)
	digestPosts := func() []slacktest.Message {
		var out []slacktest.Message
		for _, p := range fake.Posts() {
			if p.Channel == "CDIGEST" {
				out = append(out, p)
			}
		}
		return out
	}

	first := startServe(t, bin, freeAddr(t), vars, "--db", db, "--config", cfgPath)
	if _, err := fake.WaitForPosts(1, serveWait); err != nil {
		t.Fatalf("no digest posted at start: %v\n%s", err, first.logs)
	}
	first.stop(t)
	afterFirst := len(digestPosts())

	second := startServe(t, bin, freeAddr(t), vars, "--db", db, "--config", cfgPath)
	second.stop(t) // waits for its start-up catch-up to finish

	posts := digestPosts()
	if afterFirst != 1 || len(posts) < 1 || len(posts) > 2 {
		t.Fatalf("%d digest posts after the first run, %d after the restart; want 1, then 1 or 2 (a new minute may begin)", afterFirst, len(posts))
	}
	seen := map[string]bool{}
	for _, p := range posts {
		var run string
		if p.Metadata != nil {
			run, _ = p.Metadata.EventPayload["run"].(string)
		}
		if run == "" || seen[run] {
			t.Errorf("digest %s: run key %q missing or posted twice", p.TS, run)
		}
		seen[run] = true
	}
	// And the store agrees: every post is recorded, as posted, once.
	store, err := corpus.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	last, ok, err := ledger.New(store.Database()).LastPostedDigest(context.Background(), "CDIGEST")
	if err != nil || !ok || last.MessageTS != posts[len(posts)-1].TS {
		t.Errorf("last recorded digest = %+v (found %v, err %v), want ts %s", last, ok, err, posts[len(posts)-1].TS)
	}
}

func TestIngestAdderRefusesPathsAndPrivateAddresses(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	store, err := corpus.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	secret := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(secret, []byte("A private file on the bot's machine that no chat user may read."), 0o600); err != nil {
		t.Fatal(err)
	}
	local := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("An internal service page that must stay internal."))
	}))
	defer local.Close()

	adder := newIngestAdder(store, config.Default().Ingest, nil)
	for _, target := range []string{secret, "file://" + secret, local.URL + "/internal"} {
		if summary, err := adder.AddURL(ctx, target); err == nil {
			t.Errorf("AddURL(%q) = %q, want a refusal", target, summary)
		}
	}
	if st, err := store.Stats(ctx); err != nil || st.Documents != 0 {
		t.Fatalf("store holds %d documents (err %v) after refused adds", st.Documents, err)
	}
}
